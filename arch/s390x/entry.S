/* SPDX-License-Identifier: MIT */
/*
 * s390x interruption entry and exit (Linux: arch/s390/kernel/entry.S).
 * On an interruption the CPU stores the old PSW and the interruption code
 * in the lowcore and loads the new PSW, which points here, with every
 * interrupt masked (PoP ch. 6, "Interruptions"). Each handler saves r0-r15 in
 * a lowcore save area, picks a stack, builds struct pt_regs and a frame
 * for the C handler, calls it with r2 = regs, and returns by LPSWE; on the
 * way back to problem state it checks the task's work flags first.
 *
 * The new PSWs are the kernel's (DAT on, home space): an interruption
 * from problem state leaves the process's primary space (CR1) by itself,
 * and the kernel goes on in current's home space (CR13), which holds the
 * kernel and this process's pages. No control register changes here.
 *
 *   r15 + 160 + PT_SIZE  the interrupted stack (entries from the kernel)
 *   r15 + 160 = r11      struct pt_regs (r11 is callee-saved in C)
 *   r15                  frame for the C handler, back chain 0: the
 *                        unwinder's sign that a pt_regs follows
 */
#include <asm/lowcore.h>
#include <asm/processor.h>
#include <asm/ptrace.h>

	.section .text.entry, "ax"

/*
 * SAVE_AND_BUILD save, oldpsw: save r0-r15 at save, choose the stack, and
 * build the pt_regs (old PSW, registers, zeroed interruption fields).
 * The stack: from problem state, the top of the task's kernel stack; from
 * the kernel, below the interrupted r15, unless r15 is in the guard page
 * at the bottom of its stack (asm/processor.h), or the frame built here
 * would reach into it. The stack overflowed (or is about to), and the
 * guard page is invalid (mm.c), so nothing can be stored there: then the
 * panic stack, and r10 = 1. Both tests are needed: a frame below an r15
 * in the guard page may already lie in the block below, where the mask
 * does not see it.
 */
.macro SAVE_AND_BUILD save, oldpsw
	stmg	%r0,%r15,\save
	lghi	%r10,0
	tm	\oldpsw+1,0x01		/* PSW bit 15: problem state */
	jz	.Lkernel\@
	lg	%r15,__LC_KERNEL_STACK
	j	.Lbuild\@
.Lkernel\@:
	tmll	%r15,STACK_CHECK_MASK
	jz	.Loverflow\@
	lay	%r14,-(STACK_FRAME_OVERHEAD + PT_SIZE)(%r15)
	tmll	%r14,STACK_CHECK_MASK
	jnz	.Lbuild\@
.Loverflow\@:
	lg	%r15,__LC_PANIC_STACK
	lghi	%r10,1
.Lbuild\@:
	aghi	%r15,-(STACK_FRAME_OVERHEAD + PT_SIZE)
	la	%r11,STACK_FRAME_OVERHEAD(%r15)
	mvc	PT_PSW(16,%r11),\oldpsw
	mvc	PT_GPRS(128,%r11),\save
	stg	%r2,PT_ORIG_GPR2(%r11)
	xc	PT_INT_CODE(PT_SIZE - PT_INT_CODE,%r11),PT_INT_CODE(%r11)
	xc	__SF_BACKCHAIN(8,%r15),__SF_BACKCHAIN(%r15)
.endm

/*
 * CALL_HANDLER fn, pgm: fn(regs), or kernel_stack_overflow(regs, pgm) if
 * r10 says so; pgm = 1 for a program check.
 */
.macro CALL_HANDLER fn, pgm=0
	lgr	%r2,%r11
	lghi	%r3,\pgm
	ltgr	%r10,%r10
	jnz	stack_overflow
	brasl	%r14,\fn
	j	return_from_interrupt
.endm

	.globl ext_int_handler
ext_int_handler:
	SAVE_AND_BUILD __LC_SAVE_AREA_ASYNC, __LC_EXT_OLD_PSW
	mvc	PT_INT_CODE(4,%r11),__LC_EXT_CPU_ADDR
	mvc	PT_INT_PARM(4,%r11),__LC_EXT_PARAMS
	CALL_HANDLER do_ext_interrupt

	.globl io_int_handler
io_int_handler:
	SAVE_AND_BUILD __LC_SAVE_AREA_ASYNC, __LC_IO_OLD_PSW
	mvc	PT_INT_CODE(4,%r11),__LC_SUBCHANNEL_ID
	mvc	PT_INT_PARM(4,%r11),__LC_SUBCHANNEL_ID + 4
	CALL_HANDLER do_io_interrupt

/* A system call: int_code = ILC << 16 | the SVC number, flagged for restarts. */
	.globl svc_int_handler
svc_int_handler:
	SAVE_AND_BUILD __LC_SAVE_AREA_SYNC, __LC_SVC_OLD_PSW
	mvc	PT_INT_CODE(4,%r11),__LC_SVC_ILC
	mvi	PT_FLAGS+7(%r11),_PIF_SYSCALL
	CALL_HANDLER do_svc

	.globl pgm_check_handler
pgm_check_handler:
	SAVE_AND_BUILD __LC_SAVE_AREA_SYNC, __LC_PGM_OLD_PSW
	mvc	PT_INT_CODE(4,%r11),__LC_PGM_ILC
	mvc	PT_INT_PARM_LONG(8,%r11),__LC_TRANS_EXC_CODE
	mvc	PT_LAST_BREAK(8,%r11),__LC_PGM_LAST_BREAK
	CALL_HANDLER do_program_check, 1

/*
 * Back to the PSW in regs (r11). The handlers return with interrupts
 * masked, so nothing can reuse the lowcore return PSW before the LPSWE,
 * and addressing it with base 0 frees all 16 registers for the restore.
 *
 * Back to problem state, the work flags of current are checked first, and
 * any set means exit_to_user_mode(regs): the generic loop that reschedules,
 * switches the livepatch state (TIF_PATCH_PENDING, before signals) and
 * delivers signals. It returns with interrupts masked and no work left,
 * so no new work can slip in before the LPSWE. [Linux: the _TIF_WORK test
 * on the old entry.S's .Lsysc_tif/.Lio_tif paths]
 */
return_from_interrupt:
	tm	PT_PSW+1(%r11),0x01	/* PSW bit 15: back to problem state? */
	jz	.Lrestore
	larl	%r1,current
	lg	%r1,0(%r1)
	lg	%r1,TASK_TI_FLAGS(%r1)
	tmll	%r1,_TIF_WORK
	jz	.Lrestore
	lgr	%r2,%r11
	brasl	%r14,exit_to_user_mode
.Lrestore:
	mvc	__LC_RETURN_PSW(16),PT_PSW(%r11)
	lmg	%r0,%r15,PT_GPRS(%r11)
	lpswe	__LC_RETURN_PSW

/*
 * s390x_return_to_user(regs): a new process's first entry into problem
 * state (arch_return_to_user()), interrupts masked: the exit path above,
 * on a C-handler frame below regs (= task_pt_regs(), the stack top), as
 * if regs had been saved by an entry from problem state.
 */
	.globl s390x_return_to_user
s390x_return_to_user:
	lgr	%r11,%r2
	lay	%r15,-STACK_FRAME_OVERHEAD(%r11)
	xc	__SF_BACKCHAIN(8,%r15),__SF_BACKCHAIN(%r15)
	j	return_from_interrupt

stack_overflow:
	brasl	%r14,kernel_stack_overflow
	j	.			/* kernel_stack_overflow() does not return */

/*
 * Restart (QEMU "nmi", SIGP restart) and machine-check interruptions are
 * not handled yet: their new PSWs are disabled waits at these labels, so
 * the CPU stops and "info registers" names the cause.
 */
	.globl restart_int_handler, mcck_int_handler
restart_int_handler:
	j	.
mcck_int_handler:
	j	.

/* The six new PSWs, lowcore 0x1a0-0x1ff, in lowcore order; head.S copies them. */
	.section .rodata
	.balign 8
	.globl s390x_new_psws
s390x_new_psws:
	.quad	PSW_KERNEL_BITS | PSW_MASK_WAIT, restart_int_handler
	.quad	PSW_KERNEL_BITS, ext_int_handler
	.quad	PSW_KERNEL_BITS, svc_int_handler
	.quad	PSW_KERNEL_BITS, pgm_check_handler
	.quad	PSW_KERNEL_BITS | PSW_MASK_WAIT, mcck_int_handler
	.quad	PSW_KERNEL_BITS, io_int_handler

	.section .note.GNU-stack, "", @progbits
