/* SPDX-License-Identifier: MIT */
/*
 * Context switch and the first instructions of a new task (Linux:
 * arch/s390/kernel/entry.S __switch_to, ret_from_fork).
 *
 * A switched-out task's thread.ksp is its r15 in arch_switch_to(); the
 * frame there holds, at 48-127, the r6-r15 __switch_to saved (the ABI
 * lets a callee store into its caller's frame), r14 = the return address.
 */
#include <asm/processor.h>
#include <asm/ptrace.h>

	.text
/* struct task_struct *__switch_to(prev, next): returns prev, on next's stack. */
	.globl __switch_to
__switch_to:
	stmg	%r6,%r15,__SF_GPRS(%r15)
	stg	%r15,TASK_THREAD_KSP(%r2)
	lg	%r15,TASK_THREAD_KSP(%r3)
	lmg	%r6,%r15,__SF_GPRS(%r15)
	br	%r14

/*
 * A new task's first switch "returns" here (arch_thread_init) with r2 =
 * prev, r9 = fn, r10 = arg, and r15 at the top frame of its stack, whose
 * back chain is 0: stack walks end here.
 */
	.cfi_sections .debug_frame
	.globl ret_from_fork
	.type	ret_from_fork, @function
ret_from_fork:
	.cfi_startproc
	.cfi_undefined %r14		/* a task's outermost frame */
	brasl	%r14,schedule_tail
	lgr	%r2,%r10
	basr	%r14,%r9
	brasl	%r14,do_exit
	.word	0			/* not reached: an operation exception */
	.cfi_endproc
	.size	ret_from_fork, . - ret_from_fork
	.globl	ret_from_fork_end
ret_from_fork_end:

/*
 * unsigned long arch_current_fp(void): the caller's frame. A leaf without
 * a frame of its own, so r15 still is the caller's.
 */
	.globl arch_current_fp
arch_current_fp:
	lgr	%r2,%r15
	br	%r14

	.section .note.GNU-stack, "", @progbits
