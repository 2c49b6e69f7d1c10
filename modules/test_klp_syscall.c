// SPDX-License-Identifier: MIT
/*
 * Selftest patch (Linux: test_klp_syscall): replaces the getpid system
 * call; each process listed in klp_pids that calls the new version is
 * counted off, and /sys/kernel/test_klp_syscall/npids shows how many are
 * left. CPU-bound processes that only ever call getpid switch on their
 * way back to user mode, so npids reaches 0.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/kobject.h>
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/syscalls.h>
#include <linux/sysfs.h>

#define MAX_PIDS 256

static int klp_pids[MAX_PIDS];
static unsigned int npids, npids_pending;
module_param_array(klp_pids, int, &npids, 0);
MODULE_PARM_DESC(klp_pids, "Array of pids to be transitioned to livepatched state.");

static DEFINE_SPINLOCK(klp_lock);
static struct kobject *klp_kobj;

static ssize_t npids_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
	return sprintf(buf, "%u\n", READ_ONCE(npids_pending));
}

static struct kobj_attribute klp_attr = __ATTR_RO(npids);

/* The new getpid: same result, and the caller is crossed off the list. */
static long lp_sys_getpid(const struct pt_regs *regs)
{
	unsigned long flags;
	unsigned int i;

	spin_lock_irqsave(&klp_lock, flags);
	for (i = 0; i < npids; i++) {
		if (klp_pids[i] == current->pid) {
			klp_pids[i] = 0;
			npids_pending--;
			break;
		}
	}
	spin_unlock_irqrestore(&klp_lock, flags);
	return current->pid;
}

static struct klp_func funcs[] = {
	{ .old_name = __stringify(__SYSCALL_NAME(getpid)), .new_func = lp_sys_getpid },
	{}
};

static struct klp_object objs[] = {
	{ .funcs = funcs },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};

static int test_klp_syscall_init(void)
{
	int ret;

	npids_pending = npids;
	klp_kobj = kobject_create_and_add("test_klp_syscall", kernel_kobj);
	if (!klp_kobj)
		return -ENOMEM;
	ret = sysfs_create_file(klp_kobj, &klp_attr.attr);
	if (ret) {
		kobject_put(klp_kobj);
		return ret;
	}
	ret = klp_enable_patch(&patch);
	if (ret)
		kobject_put(klp_kobj);
	return ret;
}

static void test_klp_syscall_exit(void)
{
	kobject_put(klp_kobj);
}

module_init(test_klp_syscall_init);
module_exit(test_klp_syscall_exit);
MODULE_LICENSE("GPL");
MODULE_INFO(livepatch, "Y");
MODULE_DESCRIPTION("Livepatch test: getpid system call");
