// SPDX-License-Identifier: MIT
/* Signal sending and default-action delivery on the way back to user mode (Linux: kernel/signal.c). */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/spinlock.h>
#include <arch.h>
#include <asm/syscall.h>

static const char *const names[_NSIG] = {
	[SIGHUP] = "HUP", [SIGINT] = "INT", [SIGQUIT] = "QUIT", [SIGILL] = "ILL",
	[SIGTRAP] = "TRAP", [SIGABRT] = "ABRT", [SIGBUS] = "BUS", [SIGFPE] = "FPE",
	[SIGKILL] = "KILL", [SIGUSR1] = "USR1", [SIGSEGV] = "SEGV", [SIGUSR2] = "USR2",
	[SIGPIPE] = "PIPE", [SIGALRM] = "ALRM", [SIGTERM] = "TERM", [SIGCHLD] = "CHLD",
	[SIGCONT] = "CONT", [SIGSTOP] = "STOP", [SIGTSTP] = "TSTP",
};

const char *signal_name(int sig)
{
	return sig > 0 && sig < _NSIG ? names[sig] : NULL;
}

int signal_from_name(const char *name)
{
	int sig;

	if (!strncmp(name, "SIG", 3))
		name += 3;
	for (sig = 1; sig < _NSIG; sig++)
		if (names[sig] && !strcmp(names[sig], name))
			return sig;
	return -EINVAL;
}

static unsigned long sigbit(int sig)
{
	return 1UL << (sig - 1);
}

int send_sig(int sig, struct task_struct *p)
{
	unsigned long flags;

	if (sig < 0 || sig >= _NSIG)
		return -EINVAL;
	if (p->flags & PF_KTHREAD)
		return -EPERM;		/* kernel threads take no signals */
	if (sig == 0)
		return 0;
	local_irq_save(flags);
	if (sig == SIGCONT) {
		p->pending_signals &= ~(sigbit(SIGSTOP) | sigbit(SIGTSTP));
		wake_up_state(p, __TASK_STOPPED);
	} else if (sig == SIGSTOP || sig == SIGTSTP) {
		p->pending_signals &= ~sigbit(SIGCONT);
	}
	p->pending_signals |= sigbit(sig);
	set_tsk_thread_flag(p, TIF_SIGPENDING);
	/* SIGKILL also ends a stop; any signal ends an interruptible sleep. */
	wake_up_state(p, TASK_INTERRUPTIBLE | (sig == SIGKILL ? __TASK_STOPPED : 0));
	local_irq_restore(flags);
	return 0;
}

int kill_pid(pid_t pid, int sig)
{
	struct task_struct *p;
	unsigned long flags;
	int err;

	if (pid <= 0)
		return -EINVAL;
	local_irq_save(flags);
	p = find_task_by_pid(pid);
	if (!p || p->exit_state)
		err = -ESRCH;
	else
		err = send_sig(sig, p);
	local_irq_restore(flags);
	return err;
}

void set_notify_signal(struct task_struct *p)
{
	set_tsk_thread_flag(p, TIF_NOTIFY_SIGNAL);
	wake_up_state(p, TASK_INTERRUPTIBLE);
}

/* Lowest pending signal, removed from the set; 0 if none. */
static int dequeue_signal(struct task_struct *p)
{
	unsigned long flags;
	int sig = 0;

	local_irq_save(flags);
	if (p->pending_signals) {
		sig = __builtin_ctzl(p->pending_signals) + 1;
		p->pending_signals &= ~sigbit(sig);
	}
	if (!p->pending_signals)
		clear_tsk_thread_flag(p, TIF_SIGPENDING);
	local_irq_restore(flags);
	return sig;
}

/*
 * A system call interrupted by a signal that did not kill the task (a
 * stop, an ignored signal, or a fake signal) runs again transparently.
 * [Linux: arch_do_signal_or_restart(), the no-handler case]
 */
static void restart_syscall(struct pt_regs *regs)
{
	long ret;

	if (!arch_in_syscall(regs))
		return;
	ret = arch_syscall_return(regs);
	if (ret == -ERESTARTSYS || ret == -ERESTARTNOINTR)
		arch_syscall_restart(regs);
}

void do_signal(struct pt_regs *regs)
{
	int sig;

	clear_thread_flag(TIF_NOTIFY_SIGNAL);
	while ((sig = dequeue_signal(current))) {
		switch (sig) {
		case SIGCHLD:
		case SIGCONT:
			break;			/* default action: ignore */
		case SIGSTOP:
		case SIGTSTP:
			set_current_state(__TASK_STOPPED);
			schedule();
			break;
		default:
			do_exit(sig);		/* wait status: killed by sig */
		}
	}
	restart_syscall(regs);
}

void force_sig_fault(struct pt_regs *regs, int sig, const char *what, unsigned long addr,
		     unsigned long error)
{
	pr_info("%s[%d]: %s at %lx ip %lx sp %lx error %lx\n", current->comm, current->pid, what,
		addr, arch_regs_ip(regs), arch_regs_user_sp(regs), error);
	send_sig(sig, current);
}
