// SPDX-License-Identifier: MIT
/*
 * `klp-consistency-cycle <patch.ko> [cycles [grace_ms]]`: enable and
 * disable a patch of the consistency checker's target
 * (consistency_target.c) again and again, the way Linux requires: a
 * disabled patch is freed, so each cycle loads the module (insmod:
 * klp_enable_patch() from its init), waits for the patching transition,
 * writes 0 to /sys/kernel/livepatch/<patch>/enabled, waits for the
 * unpatching transition and for the patch to be freed, and unloads the
 * module (rmmod). Whatever hammers the target meanwhile counts
 * mismatches in /proc/klp_consistency.
 *
 * grace_ms is for a kernel booted with klp_unsafe_skip_stack_check: there
 * a task may still be inside the patch's functions when unpatching
 * completes, and unloading the module at once would crash it rather than
 * let the checker count its mismatch. With the stack check, no task can
 * be there (that is the model), so the default is 0.
 */
#define pr_fmt(fmt) "livepatch: " fmt

#include <linux/kernel.h>
#include <linux/delay.h>
#include <linux/fs.h>
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <scion/shell.h>
#include <scion/time.h>
#include "consistency.h"
#include "core.h"
#include "transition.h"

#define FAST_POLLS 32			/* then one tick between polls */
/* A transition this long is reported as stuck: far beyond the fake signals at 10 s. */
#define STUCK_TICKS (60 * HZ)
#define MAX_IMAGE_SIZE (1UL << 20)	/* a patch module is small */

struct cycle_stats {
	unsigned long transitions, retries, max_retries;
};

/*
 * Finish the transition in flight. Linux retries once a second
 * (klp_transition_work; here every 100 ms); this retries as soon as the
 * other tasks have had a turn, so that 2,000 transitions fit in a test.
 * It is the same klp_try_complete_transition() under klp_mutex, so it
 * switches only tasks the model allows: it just checks the hammers'
 * stacks far more often. Return: 0, or -ETIMEDOUT after STUCK_TICKS.
 */
static int wait_transition(struct cycle_stats *stats)
{
	unsigned long start = jiffies, retries = 0;
	bool busy;

	for (;;) {
		mutex_lock(&klp_mutex);
		if (klp_transition_patch)
			klp_try_complete_transition();
		busy = klp_transition_patch;
		mutex_unlock(&klp_mutex);
		if (!busy)
			break;
		if (jiffies - start > STUCK_TICKS)
			return -ETIMEDOUT;
		/*
		 * Yield only within the first tick: on a run queue of processes
		 * that use their whole slices a yield waits behind every one of
		 * them, and 32 such rounds can outlast STUCK_TICKS.
		 */
		if (++retries < FAST_POLLS && jiffies == start)
			yield();
		else
			schedule_timeout_uninterruptible(1);
	}
	stats->transitions++;
	stats->retries += retries;
	stats->max_retries = max(stats->max_retries, retries);
	return 0;
}

int klp_consistency_load(const void *image, size_t len, const char *path, char *name,
			 size_t size)
{
	int err = module_load_image(image, len, "", path);

	if (err)
		return err;
	mutex_lock(&klp_mutex);
	if (list_empty(&klp_patches))
		err = -ENOENT;	/* not a livepatch module */
	else
		strscpy(name, list_last_entry(&klp_patches, struct klp_patch, list)->mod->name,
			size);
	mutex_unlock(&klp_mutex);
	return err;
}

int klp_consistency_disable(const char *name)
{
	char path[96];
	struct file *file;
	ssize_t ret;

	snprintf(path, sizeof(path), "/sys/kernel/livepatch/%s/enabled", name);
	file = filp_open(path, O_WRONLY, 0);
	if (IS_ERR(file))
		return PTR_ERR(file);
	ret = kernel_write(file, "0\n", 2, NULL);
	filp_close(file);
	return ret < 0 ? ret : 0;
}

int klp_consistency_unload(const char *name)
{
	unsigned long start = jiffies;
	int err;

	/*
	 * Asleep between tries, not yield(): on a run queue of busy
	 * processes a yield waits behind every one of them.
	 */
	while ((err = module_delete(name)) == -EWOULDBLOCK && jiffies - start < 10 * HZ)
		schedule_timeout_uninterruptible(1);
	return err;
}

struct cycle {
	const void *image;
	size_t len;
	const char *path;
	unsigned int grace_ms;
	char name[MODULE_NAME_LEN];
	struct cycle_stats stats;
};

static int one_cycle(struct cycle *c)
{
	int err;

	err = klp_consistency_load(c->image, c->len, c->path, c->name, sizeof(c->name));
	if (!err)
		err = wait_transition(&c->stats);
	if (!err)
		err = klp_consistency_disable(c->name);
	if (!err)
		err = wait_transition(&c->stats);
	if (err)
		return err;
	if (c->grace_ms)
		msleep(c->grace_ms);
	return klp_consistency_unload(c->name);
}

static int cmd_klp_consistency_cycle(int argc, char **argv)
{
	struct cycle c = { 0 };
	struct cycle_stats *stats = &c.stats;
	unsigned int cycles = 1000, i;
	void *image = NULL;
	u64 start_ns;
	ssize_t len;
	int err = 0;

	if (argc < 2 || argc > 4 || (argc > 2 && (kstrtouint(argv[2], 0, &cycles) || !cycles)) ||
	    (argc > 3 && kstrtouint(argv[3], 0, &c.grace_ms)))
		return shell_usage(shell_find(argv[0]));
	len = kernel_read_file_from_path(argv[1], &image, MAX_IMAGE_SIZE);
	if (len < 0) {
		shell_eprintf("%s: %s: %s\n", argv[0], argv[1], errno_text(len));
		return 1;
	}
	c.path = argv[1];
	c.image = image;
	c.len = len;
	start_ns = ktime_get_ns();
	for (i = 0; i < cycles && !err; i++)
		err = one_cycle(&c);
	kfree(image);
	if (err) {
		shell_eprintf("%s: cycle %u: %s\n", argv[0], i, errno_text(err));
		return 1;
	}
	shell_printf("%s: %u cycles of '%s' in %llu ms; %lu transitions, "
		     "retries per transition: mean %lu.%02lu, max %lu\n", argv[0], cycles, c.name, (ktime_get_ns() - start_ns) / NSEC_PER_MSEC,
		     stats->transitions, stats->retries / stats->transitions,
		     stats->retries * 100 / stats->transitions % 100, stats->max_retries);
	return 0;
}
SHELL_COMMAND("klp-consistency-cycle", cmd_klp_consistency_cycle,
	      "klp-consistency-cycle <patch.ko> [cycles [grace_ms]]",
	      "load, wait, disable, wait, unload a livepatch module, cycles times (default 1000)");
