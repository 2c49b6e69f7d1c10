// SPDX-License-Identifier: MIT
/*
 * A target for livepatch tests: a kernel thread that sleeps inside
 * klp_blocker_sleep(), so a patch replacing that function cannot finish
 * its transition until the thread leaves it. Scion's own (Linux's tests
 * use a work item in test_klp_callbacks_busy for the same purpose).
 *
 * /proc/klp_blocker, written by tests:
 *   start                 a thread sleeps uninterruptibly in the function
 *   start-interruptible   the same, but a (fake) signal wakes it up
 *   kick                  wake the thread: it leaves the function and calls it again
 *   release               the thread leaves the function for good
 *   stop                  the thread ends
 * Reading it shows the state and the thread's pid.
 */
#include <linux/kernel.h>
#include <linux/delay.h>
#include <linux/export.h>
#include <linux/kthread.h>
#include <linux/mutex.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <scion/init.h>

static DEFINE_MUTEX(blocker_mutex);
static struct task_struct *blocker_task;
static bool blocker_released, blocker_interruptible;
static unsigned long blocker_entries;

/*
 * One sleep: any wake-up returns, so an interruptible sleeper goes back
 * to its caller when a fake signal wakes it. Exported for the patch's
 * version of klp_blocker_sleep(), which sleeps the same way.
 */
noinline void klp_blocker_wait_once(void)
{
	set_current_state(blocker_interruptible ? TASK_INTERRUPTIBLE : TASK_UNINTERRUPTIBLE);
	if (!READ_ONCE(blocker_released) && !kthread_should_stop())
		schedule();
	__set_current_state(TASK_RUNNING);
}
EXPORT_SYMBOL_GPL(klp_blocker_wait_once);

/* The function patches replace: the thread sleeps with it on its stack. */
noinline void klp_blocker_sleep(void)
{
	blocker_entries++;
	klp_blocker_wait_once();
}

static int blocker_thread(void *unused)
{
	while (!kthread_should_stop()) {
		if (READ_ONCE(blocker_released)) {
			msleep(10);		/* released: wait outside the function */
			continue;
		}
		klp_blocker_sleep();
		/* Between two calls: where a kernel thread can switch (Linux 6.4+). */
		cond_resched();
	}
	return 0;
}

static void blocker_stop(void)
{
	if (!blocker_task)
		return;
	kthread_stop(blocker_task);
	blocker_task = NULL;
}

static int blocker_start(bool interruptible)
{
	struct task_struct *t;

	blocker_stop();
	blocker_released = false;
	blocker_interruptible = interruptible;
	t = kthread_run(blocker_thread, NULL, "klp_blocker");
	if (IS_ERR(t))
		return PTR_ERR(t);
	blocker_task = t;
	return 0;
}

static ssize_t blocker_write(struct file *file, const char *buf, size_t count, loff_t *pos)
{
	char cmd[32];
	int err = 0;

	if (count >= sizeof(cmd))
		return -EINVAL;
	memcpy(cmd, buf, count);
	cmd[count] = 0;
	strim(cmd);
	mutex_lock(&blocker_mutex);
	if (!strcmp(cmd, "start")) {
		err = blocker_start(false);
	} else if (!strcmp(cmd, "start-interruptible")) {
		err = blocker_start(true);
	} else if (!strcmp(cmd, "kick")) {
		if (blocker_task)
			wake_up_process(blocker_task);
	} else if (!strcmp(cmd, "release")) {
		WRITE_ONCE(blocker_released, true);
		if (blocker_task)
			wake_up_process(blocker_task);
	} else if (!strcmp(cmd, "stop")) {
		blocker_stop();
	} else {
		err = -EINVAL;
	}
	mutex_unlock(&blocker_mutex);
	return err ? err : (ssize_t)count;
}

static int blocker_show(struct seq_file *m, void *v)
{
	seq_printf(m, "pid %d released %d interruptible %d entries %lu\n",
		   blocker_task ? blocker_task->pid : 0, blocker_released, blocker_interruptible,
		   blocker_entries);
	return 0;
}

static int blocker_open(struct inode *inode, struct file *file)
{
	return single_open(file, blocker_show, NULL);
}

static const struct proc_ops blocker_ops = {
	.proc_open = blocker_open,
	.proc_read = seq_read,
	.proc_write = blocker_write,
	.proc_lseek = seq_lseek,
	.proc_release = single_release,
};

static int klp_blocker_init(void)
{
	return proc_create("klp_blocker", 0644, NULL, &blocker_ops) ? 0 : -ENOMEM;
}
late_initcall(klp_blocker_init);
