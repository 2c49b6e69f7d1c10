/* SPDX-License-Identifier: MIT */
/*
 * x86_64 interrupt and exception entry (Linux: arch/x86/entry/entry_64.S).
 * Every vector has a stub that pushes an error code (0 when the CPU pushes
 * none) and its vector number, then joins common_entry, which completes
 * struct pt_regs and calls x86_trap(regs).
 *
 *   high  ss, rsp, rflags, cs, rip     pushed by the CPU
 *         orig_ax (error code)         stub (or CPU)
 *         vector                       stub
 *         rdi ... r15                  common_entry
 *   low   <- rsp = struct pt_regs *
 *
 * rbp is set to (regs | 1), as Linux's ENCODE_FRAME_POINTER does, so a
 * frame-pointer walk that meets an odd rbp knows it crossed an entry frame.
 */
#include <asm/ptrace.h>

	.section .text.entry, "ax"

.macro STUB_NOERR n
	.align 16
	.globl x86_vector_\n
x86_vector_\n:
	pushq $0
	pushq $\n
	jmp common_entry
.endm

.macro STUB_ERR n
	.align 16
	.globl x86_vector_\n
x86_vector_\n:
	pushq $\n
	jmp common_entry
.endm

/*
 * SAVE_GPRS_AND_FRAME: push the general registers in struct pt_regs order
 * (rdi at the highest address, r15 at the lowest), then rdi = the
 * pt_regs and rbp = regs | 1, the marker for frame-pointer walks.
 */
.macro SAVE_GPRS_AND_FRAME
	pushq %rdi
	pushq %rsi
	pushq %rdx
	pushq %rcx
	pushq %rax
	pushq %r8
	pushq %r9
	pushq %r10
	pushq %r11
	pushq %rbx
	pushq %rbp
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
	cld
	movq %rsp, %rdi
	leaq 1(%rsp), %rbp
.endm

common_entry:
	SAVE_GPRS_AND_FRAME
	call x86_trap
	.globl x86_return_from_trap
x86_return_from_trap:
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %rbp
	popq %rbx
	popq %r11
	popq %r10
	popq %r9
	popq %r8
	popq %rax
	popq %rcx
	popq %rdx
	popq %rsi
	popq %rdi
	addq $16, %rsp		/* vector, orig_ax */
	iretq

/* The CPU pushes an error code for vectors 8, 10-14, 17, 21, 29, 30. */
STUB_NOERR 0
STUB_NOERR 1
STUB_NOERR 2
STUB_NOERR 3
STUB_NOERR 4
STUB_NOERR 5
STUB_NOERR 6
STUB_NOERR 7
STUB_ERR 8
STUB_NOERR 9
STUB_ERR 10
STUB_ERR 11
STUB_ERR 12
STUB_ERR 13
STUB_ERR 14
STUB_NOERR 15
STUB_NOERR 16
STUB_ERR 17
STUB_NOERR 18
STUB_NOERR 19
STUB_NOERR 20
STUB_ERR 21
STUB_NOERR 22
STUB_NOERR 23
STUB_NOERR 24
STUB_NOERR 25
STUB_NOERR 26
STUB_NOERR 27
STUB_NOERR 28
STUB_ERR 29
STUB_ERR 30
STUB_NOERR 31
.irp n, 32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47
STUB_NOERR \n
.endr

/* Table of stub addresses for idt_init(). */
	.section .rodata
	.align 8
	.globl x86_vector_table
x86_vector_table:
.irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	.quad x86_vector_\n
.endr
.irp n, 32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47
	.quad x86_vector_\n
.endr


/*
 * The syscall instruction: rip in rcx, rflags in r11, interrupts masked
 * by SFMASK, still on the user stack. Switch to the task's kernel stack
 * (x86_kernel_sp, kept current by arch_switch_to: one CPU, so no swapgs
 * per-CPU area is needed) and build the same struct pt_regs as an
 * interrupt would, with vector ~0 and orig_ax = the syscall number.
 * Returns through iretq like every other entry.
 */
	.section .text.entry, "ax"
	.globl entry_SYSCALL_64
entry_SYSCALL_64:
	movq %rsp, x86_user_sp_scratch(%rip)
	movq x86_kernel_sp(%rip), %rsp
	pushq $0x1b			/* ss: USER_DS */
	pushq x86_user_sp_scratch(%rip)	/* rsp */
	pushq %r11			/* rflags */
	pushq $0x23			/* cs: USER_CS */
	pushq %rcx			/* rip */
	pushq %rax			/* orig_ax */
	pushq $-1			/* vector: a system call */
	SAVE_GPRS_AND_FRAME
	call x86_syscall
	jmp x86_return_from_trap

/* arch_return_to_user(regs): run on regs' frame and leave through the common exit. */
	.globl x86_enter_user
x86_enter_user:
	movq %rdi, %rsp
	jmp x86_return_from_trap

	.section .bss
	.align 8
	.globl x86_kernel_sp
x86_kernel_sp:	.quad 0
x86_user_sp_scratch:	.quad 0

	.section .note.GNU-stack, "", @progbits
