/* SPDX-License-Identifier: MIT */
/*
 * Signals with their default actions only (kernel/signal.c; Linux:
 * include/linux/signal.h). Numbers are Linux's; user-space handlers are
 * not supported.
 */
#ifndef _LINUX_SIGNAL_H
#define _LINUX_SIGNAL_H

#include <linux/types.h>

#include <uapi/asm-generic/signal.h>
#define _NSIG 32

struct task_struct;
struct pt_regs;

/* Queue sig for p and wake it to act on it. 0, -EINVAL (bad number) or -EPERM (kernel thread). */
int send_sig(int sig, struct task_struct *p);
/* kill(2): pid > 0 only. */
int kill_pid(pid_t pid, int sig);
/* Name of a signal for messages and the shell ("KILL"), or NULL. */
const char *signal_name(int sig);
int signal_from_name(const char *name);
/*
 * A "fake signal": make p pass through the signal path (leaving an
 * interruptible sleep, restarting its system call) without any signal.
 * Livepatch uses it to move tasks through the exit-to-user path.
 * [Linux: set_notify_signal()]
 */
void set_notify_signal(struct task_struct *p);
/* Exit-to-user work for TIF_SIGPENDING / TIF_NOTIFY_SIGNAL. */
void do_signal(struct pt_regs *regs);
/* A fault in user mode: log it the way Linux does and kill the task with sig. */
void force_sig_fault(struct pt_regs *regs, int sig, const char *what, unsigned long addr,
		     unsigned long error);

#endif
