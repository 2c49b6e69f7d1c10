// SPDX-License-Identifier: MIT
/*
 * The generic half of system calls and of every return to user mode
 * (Linux: kernel/entry/common.c). The arch entry code saves the user
 * registers, calls do_syscall() or its interrupt handler, then
 * exit_to_user_mode(): the work loop driven by the thread-info flags.
 */
#include <linux/kernel.h>
#include <linux/livepatch.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/spinlock.h>
#include <linux/syscalls.h>
#include <arch.h>
#include <asm/syscall.h>

#define EXIT_TO_USER_MODE_WORK                                                  \
	(_TIF_SIGPENDING | _TIF_NOTIFY_RESUME | _TIF_NEED_RESCHED |             \
	 _TIF_PATCH_PENDING | _TIF_NOTIFY_SIGNAL)

unsigned long exit_work_count[BITS_PER_TIF];

void do_syscall(struct pt_regs *regs, unsigned long nr)
{
	long ret = -ENOSYS;

	if (nr < nr_syscalls && sys_call_table[nr])
		ret = sys_call_table[nr](regs);
	arch_syscall_set_return(regs, ret);
}

/*
 * Called with interrupts off before every return to user mode; returns
 * with them off and no work left, so nothing can slip in before the
 * return instruction. Order as in Linux: reschedule, livepatch state
 * (before signals, so a task leaving through the signal path is switched
 * first), signals (real or fake), notify-resume.
 */
void exit_to_user_mode(struct pt_regs *regs)
{
	unsigned long work;

	local_irq_disable();
	while ((work = READ_ONCE(current->ti_flags) & EXIT_TO_USER_MODE_WORK)) {
		local_irq_enable();
		if (work & _TIF_NEED_RESCHED) {
			exit_work_count[TIF_NEED_RESCHED]++;
			schedule();
		}
		if (work & _TIF_PATCH_PENDING) {
			exit_work_count[TIF_PATCH_PENDING]++;
			klp_update_patch_state(current);
		}
		if (work & (_TIF_SIGPENDING | _TIF_NOTIFY_SIGNAL)) {
			exit_work_count[TIF_SIGPENDING]++;
			do_signal(regs);
		}
		if (work & _TIF_NOTIFY_RESUME) {
			exit_work_count[TIF_NOTIFY_RESUME]++;
			clear_thread_flag(TIF_NOTIFY_RESUME);
		}
		local_irq_disable();
	}
}
