// SPDX-License-Identifier: MIT
/* Process system calls: getpid, fork, execve, exit, wait4, kill, nanosleep, sched_yield (Linux: kernel/sys.c, fork.c, exit.c, time/). */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <scion/process.h>
#include <scion/sched.h>
#include <scion/time.h>
#include <arch.h>
#include <asm/syscall.h>


SYSCALL_DEFINE0(getpid)
{
	return current->pid;
}

SYSCALL_DEFINE0(getppid)
{
	return current->parent ? current->parent->pid : 0;
}

SYSCALL_DEFINE0(sched_yield)
{
	yield();
	return 0;
}

SYSCALL_DEFINE1(exit, int, code)
{
	do_exit((code & 0xff) << 8);
}

SYSCALL_DEFINE1(exit_group, int, code)
{
	do_exit((code & 0xff) << 8);
}

SYSCALL_DEFINE2(kill, pid_t, pid, int, sig)
{
	return kill_pid(pid, sig);
}

struct user_timespec {
	long tv_sec;
	long tv_nsec;
};

/*
 * Sleeps interruptibly. A signal that does not kill the task (a fake
 * signal, SIGSTOP/SIGCONT) restarts the call, which then sleeps only for
 * what was left: the deadline is kept across the restart.
 * [Linux: hrtimer_nanosleep with ERESTART_RESTARTBLOCK]
 */
SYSCALL_DEFINE2(nanosleep, const struct user_timespec *, req, struct user_timespec *, rem)
{
	struct user_timespec ts;
	unsigned long ticks;

	if (copy_from_user(&ts, req, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000L)
		return -EINVAL;
	if (!current->sleep_deadline) {
		ticks = ts.tv_sec * HZ + DIV_ROUND_UP(ts.tv_nsec, 1000000000L / HZ);
		current->sleep_deadline = jiffies + ticks + 1;
	}
	while ((long)(current->sleep_deadline - jiffies) > 0) {
		schedule_timeout_interruptible(current->sleep_deadline - jiffies);
		if (signal_pending(current))
			return -ERESTARTSYS;
	}
	current->sleep_deadline = 0;
	if (rem) {
		struct user_timespec zero = { 0, 0 };

		if (copy_to_user(rem, &zero, sizeof(zero)))
			return -EFAULT;
	}
	return 0;
}

SYSCALL_DEFINE4(wait4, pid_t, pid, int *, status, int, options, void *, rusage)
{
	int st = 0;
	long ret;

	if (status && !access_ok(status, sizeof(int), PROT_WRITE))
		return -EFAULT;
	ret = kernel_wait4(pid, &st, options, true);
	if (ret > 0 && status && copy_to_user(status, &st, sizeof(st)))
		return -EFAULT;
	return ret;
}

static int fork_child_entry(void *unused)
{
	arch_return_to_user(task_pt_regs(current));
}

/* A copy of the calling process: same memory contents, same open files; returns 0 in the child. */
SYSCALL_DEFINE0(fork)
{
	struct task_struct *child = sched_copy_process(current->comm, 0);
	struct pt_regs *child_regs;

	if (!child)
		return -ENOMEM;
	child->mm = mm_dup(current->mm);
	if (!child->mm || files_copy(child, current)) {
		do_exit_unstarted(child);
		return -ENOMEM;
	}
	child_regs = task_pt_regs(child);
	*child_regs = *regs;
	arch_syscall_set_return(child_regs, 0);
	arch_thread_init(child, fork_child_entry, NULL);
	wake_up_process(child);
	return child->pid;
}

#define EXEC_MAX_ARGS 32
#define EXEC_ARG_MAX 256

SYSCALL_DEFINE3(execve, const char *, upath, const char *const *, uargv, const char *const *, uenvp)
{
	char *path, *strings = NULL;
	const char *argv[EXEC_MAX_ARGS + 1];
	long len;
	int i, err;

	path = kmalloc(256 + EXEC_MAX_ARGS * EXEC_ARG_MAX, GFP_KERNEL);
	if (!path)
		return -ENOMEM;
	strings = path + 256;
	err = strncpy_from_user(path, upath, 256);
	if (err < 0)
		goto out;
	for (i = 0; uargv; i++) {
		const char *uarg;

		err = -E2BIG;
		if (i == EXEC_MAX_ARGS)
			goto out;
		err = -EFAULT;
		if (copy_from_user(&uarg, &uargv[i], sizeof(uarg)))
			goto out;
		if (!uarg)
			break;
		len = strncpy_from_user(strings + i * EXEC_ARG_MAX, uarg, EXEC_ARG_MAX);
		if (len < 0) {
			err = len == -ENAMETOOLONG ? -E2BIG : len;
			goto out;
		}
		argv[i] = strings + i * EXEC_ARG_MAX;
	}
	argv[uargv ? i : 0] = NULL;
	err = exec_program(path, argv);
out:
	kfree(path);
	return err;
}
