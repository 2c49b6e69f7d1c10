/* SPDX-License-Identifier: MIT */
/*
 * The ftrace trampoline for x86_64 (Linux: arch/x86/kernel/ftrace_64.S,
 * ftrace_regs_caller). An enabled fentry site is "call ftrace_regs_caller"
 * as the first instruction of the traced function F, before F pushes rbp.
 * The trampoline saves a full struct pt_regs, calls
 * ftrace_regs_dispatch(ip = F, parent_ip, regs), and resumes at regs->ip:
 * F + 5 unless a callback redirected the call (livepatch).
 *
 * The stack while the dispatcher runs, highest address first:
 *
 *   regs + 216  parent_ip          F's return address into its caller;
 *                                  regs->sp points here (F's sp at entry)
 *   regs + 208  F + 5              return address of the site's call;
 *                                  overwritten with regs->ip before `ret`
 *   regs + 200  parent_ip (copy)   \ fake frame P: F's caller, as a
 *   regs + 192  caller's rbp       /   frame-pointer walk must see it
 *   regs + 184  F + 5 (copy)       \ fake frame T: F itself
 *   regs + 176  P                  /   <- rbp during the call
 *   regs        struct pt_regs (176 bytes)          <- rsp, rdx
 *               return address into ftrace_regs_caller
 *
 * So a walk of the rbp chain from a callback reports: the dispatcher's
 * return into ftrace_regs_caller, F + 5, parent_ip, then the frames of
 * F's caller, with no odd (entry-frame) rbp: a walk that trusts plain
 * frames (the reliable unwinder) may trust these. Two fake frames are
 * needed because F has not pushed its own rbp yet. rsp is 16-byte
 * aligned at the call (entry: 0 mod 16, then 32 + 176 bytes).
 *
 * regs->cs/ss are the kernel's, regs->vector and orig_ax 0 (this is no
 * entry frame). regs->flags is for reading: the flags are not restored,
 * since none are live at a function's first instruction; regs->sp is not
 * honoured on the way out either (Linux neither, outside direct calls).
 */
#include <asm/ptrace.h>
#include <asm/ftrace.h>

/* struct pt_regs offsets; arch/x86_64/ftrace.c checks them. */
#define PT_R15		0
#define PT_R14		8
#define PT_R13		16
#define PT_R12		24
#define PT_BP		32
#define PT_BX		40
#define PT_R11		48
#define PT_R10		56
#define PT_R9		64
#define PT_R8		72
#define PT_AX		80
#define PT_CX		88
#define PT_DX		96
#define PT_SI		104
#define PT_DI		112
#define PT_FLAGS	152
#define PT_SP		160
#define PT_SS		168

/* Above the pt_regs: the fake frames, then what the site's call left. */
#define FRAME_P		(PTREGS_SIZE + 16)
#define RET_SLOT	(PTREGS_SIZE + 32)
#define PARENT_SLOT	(PTREGS_SIZE + 40)

#define KERNEL_CS	0x08
#define KERNEL_DS	0x10

	.text
	.globl ftrace_regs_caller
	.type ftrace_regs_caller, @function
	.p2align 4
ftrace_regs_caller:
	pushq	8(%rsp)			/* P: parent_ip ... */
	pushq	%rbp			/* ... and the caller's rbp */
	movq	%rsp, %rbp
	pushq	16(%rsp)		/* T: F + 5 ... */
	pushq	%rbp			/* ... and P */
	movq	%rsp, %rbp
	subq	$PTREGS_SIZE, %rsp

	movq	%rax, PT_AX(%rsp)
	movq	%rcx, PT_CX(%rsp)
	movq	%rdx, PT_DX(%rsp)
	movq	%rsi, PT_SI(%rsp)
	movq	%rdi, PT_DI(%rsp)
	movq	%r8, PT_R8(%rsp)
	movq	%r9, PT_R9(%rsp)
	movq	%r10, PT_R10(%rsp)
	movq	%r11, PT_R11(%rsp)
	movq	%rbx, PT_BX(%rsp)
	movq	%r12, PT_R12(%rsp)
	movq	%r13, PT_R13(%rsp)
	movq	%r14, PT_R14(%rsp)
	movq	%r15, PT_R15(%rsp)
	movq	FRAME_P(%rsp), %rax	/* the caller's rbp, kept in frame P */
	movq	%rax, PT_BP(%rsp)
	pushfq
	popq	PT_FLAGS(%rsp)		/* pop computes the address after rsp moves back */
	movq	$KERNEL_CS, PTREGS_CS(%rsp)
	movq	$KERNEL_DS, PT_SS(%rsp)
	leaq	PARENT_SLOT(%rsp), %rax
	movq	%rax, PT_SP(%rsp)
	movq	$0, PTREGS_VECTOR(%rsp)
	movq	$0, PTREGS_ORIG_AX(%rsp)
	movq	RET_SLOT(%rsp), %rdi
	movq	%rdi, PTREGS_IP(%rsp)	/* resume just after the site ... */
	subq	$MCOUNT_INSN_SIZE, %rdi	/* ... ip: the site, F itself */
	movq	PARENT_SLOT(%rsp), %rsi
	movq	%rsp, %rdx
	call	ftrace_regs_dispatch

	movq	PTREGS_IP(%rsp), %rax	/* a callback may have changed it */
	movq	%rax, RET_SLOT(%rsp)
	movq	PT_R15(%rsp), %r15
	movq	PT_R14(%rsp), %r14
	movq	PT_R13(%rsp), %r13
	movq	PT_R12(%rsp), %r12
	movq	PT_BX(%rsp), %rbx
	movq	PT_R11(%rsp), %r11
	movq	PT_R10(%rsp), %r10
	movq	PT_R9(%rsp), %r9
	movq	PT_R8(%rsp), %r8
	movq	PT_DI(%rsp), %rdi
	movq	PT_SI(%rsp), %rsi
	movq	PT_DX(%rsp), %rdx
	movq	PT_CX(%rsp), %rcx
	movq	PT_AX(%rsp), %rax
	movq	PT_BP(%rsp), %rbp
	addq	$RET_SLOT, %rsp		/* drop pt_regs and both fake frames */
	ret				/* to regs->ip, with F's arguments and stack */
	.globl ftrace_regs_caller_end
ftrace_regs_caller_end:
	.size ftrace_regs_caller, . - ftrace_regs_caller

	.section .note.GNU-stack, "", @progbits
