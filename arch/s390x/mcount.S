/* SPDX-License-Identifier: MIT */
/*
 * The ftrace trampoline for s390x (Linux: arch/s390/kernel/mcount.S,
 * ftrace_regs_caller). An enabled fentry site is "brasl %r0,
 * ftrace_regs_caller", the first instruction of the traced function F:
 * r0 = F + 6, r14 = F's return address into its caller (parent_ip),
 * r15 = the caller's frame C (F has not built its own). The trampoline
 * saves a full struct pt_regs, calls ftrace_regs_dispatch(ip = F,
 * parent_ip, regs), and branches to regs->psw.addr: F + 6 unless a
 * callback redirected the call (livepatch).
 *
 * The stack while the dispatcher runs, highest address first:
 *
 *   C + 112        parent_ip          stored here, in the slot where F's
 *                                     prologue would save its r14
 *   C              the caller's frame (back chain: its caller's)
 *   F = T + 336    fake 160-byte frame for F: back chain C, and at
 *                  F + 112 the "return address" F + 6
 *   T + 160        struct pt_regs (176 bytes)        <- r4
 *   T              frame for the dispatcher: back chain F   <- r15
 *
 * The dispatcher's prologue stores its return address into T + 112. So
 * a back-chain walk from a callback (stacktrace.c: the return address
 * of the frame at sp is at back_chain(sp) + 112) reports: the return
 * into ftrace_regs_caller, F + 6, parent_ip, then the frames of F's
 * caller, and meets no zero back chain (the mark of an entry frame), as
 * Linux's trampoline arranges for its unwinder.
 *
 * "br %r0" would not branch (BCR with R2 = 0 is a no-op; PoP ch. 7,
 * BRANCH ON CONDITION): the resume address goes through r1.
 */
#include <asm/ptrace.h>
#include <asm/ftrace.h>

#define REGS		STACK_FRAME_OVERHEAD			/* T + 160 */
#define TRACED_FRAME	(STACK_FRAME_OVERHEAD + PT_SIZE)	/* F - T */
#define FRAME_SIZE	(2 * STACK_FRAME_OVERHEAD + PT_SIZE)	/* C - T */
#define SF_R14		(__SF_GPRS + 8 * 8)			/* r14 slot of a frame */

	.text
	.globl ftrace_regs_caller
	.type ftrace_regs_caller, @function
	.balign 8
ftrace_regs_caller:
	stg	%r14,SF_R14(%r15)		/* C + 112 = parent_ip */
	epsw	%r1,%r14			/* the PSW mask, before anything sets the cc */
	risbg	%r14,%r1,0,31,32		/* r14 = bits 0-31 from r1, 32-63 kept */
	lgr	%r1,%r15
	aghi	%r15,-FRAME_SIZE
	stg	%r1,TRACED_FRAME(%r15)		/* F: back chain C ... */
	stg	%r0,TRACED_FRAME+SF_R14(%r15)	/* ... return address F + 6 */
	la	%r1,TRACED_FRAME(%r15)
	stg	%r1,0(%r15)			/* T: back chain F */
	stg	%r14,REGS+PT_PSW(%r15)
	stg	%r0,REGS+PT_PSW+8(%r15)		/* resume just after the site */
	lg	%r14,FRAME_SIZE+SF_R14(%r15)	/* parent_ip again */
	stmg	%r2,%r14,REGS+PT_GPRS+2*8(%r15)
	stg	%r0,REGS+PT_GPRS(%r15)
	xc	REGS+PT_GPRS+8(8,%r15),REGS+PT_GPRS+8(%r15)	/* r1: scratch, 0 */
	la	%r1,FRAME_SIZE(%r15)
	stg	%r1,REGS+PT_R15(%r15)		/* F's r15 at entry: C */
	stg	%r2,REGS+PT_ORIG_GPR2(%r15)
	xc	REGS+PT_INT_CODE(PT_SIZE-PT_INT_CODE,%r15),REGS+PT_INT_CODE(%r15)
	lgr	%r2,%r0
	aghi	%r2,-MCOUNT_INSN_SIZE		/* ip: the site, F itself */
	lgr	%r3,%r14			/* parent_ip */
	la	%r4,REGS(%r15)			/* regs */
	brasl	%r14,ftrace_regs_dispatch
	lg	%r1,REGS+PT_PSW+8(%r15)		/* a callback may have changed it */
	lmg	%r2,%r15,REGS+PT_GPRS+2*8(%r15)	/* r15 = C: the frames are gone */
	br	%r1
	.globl ftrace_regs_caller_end
ftrace_regs_caller_end:
	.size ftrace_regs_caller, . - ftrace_regs_caller

	.section .note.GNU-stack, "", @progbits
