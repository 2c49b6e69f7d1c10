/* SPDX-License-Identifier: MIT */
/*
 * s390x start-up (Linux: arch/s390/kernel/head64.S). QEMU -kernel enters
 * the ELF entry in 64-bit supervisor state, DAT and interrupts off, with
 * the lowcore all zero. An entry at 0x10000 makes QEMU treat the image as
 * a Linux kernel and copy -append to 0x10480 (hw/s390x/ipl.c), so _head
 * sits there and only branches to the kernel proper at 1 MiB; 0x10400-
 * 0x10fff is left to QEMU (kernel.lds.S).
 */
#include <asm/lowcore.h>
#include <asm/pgtable.h>
#include <asm/ptrace.h>

	.section .head.text, "ax"
	.globl _head
_head:
	jg	_start

	.text
	.cfi_sections .debug_frame
	.globl _start
_start:
	/* The outermost frame: no return address, debuggers stop here. */
	.cfi_startproc
	.cfi_undefined %r14
	/*
	 * The kernel runs with DAT on, in the home space (PSW_KERNEL_BITS):
	 * the primary, secondary and home spaces start as the real-space
	 * designation, virtual = real without tables (PoP ch. 3, "Real-Space
	 * Designation"); arch_mm_init() moves the kernel to page tables of
	 * the same identity and gives processes their own. Loaded before the
	 * new PSWs, which turn DAT on.
	 */
	larl	%r1,.Lreal_space_asce
	lctlg	1,1,0(%r1)
	lctlg	7,7,0(%r1)
	lctlg	13,13,0(%r1)
	/*
	 * New PSWs next: until they are set, any program check would load
	 * the all-zero PSW and run garbage. Then the panic stack, which the
	 * entry code switches to when r15 looks like an overflow.
	 */
	larl	%r1,s390x_new_psws
	mvc	__LC_RESTART_NEW_PSW(6 * 16),0(%r1)
	larl	%r1,panic_stack_top
	stg	%r1,__LC_PANIC_STACK
	larl	%r1,boot_stack_top
	stg	%r1,__LC_KERNEL_STACK

	/* Clear .bss: both ends are page aligned, so 256-byte steps fit. */
	larl	%r2,__bss_start
	larl	%r3,__bss_end
	sgr	%r3,%r2
0:	xc	0(256,%r2),0(%r2)
	la	%r2,256(%r2)
	aghi	%r3,-256
	jh	0b

	/* The boot stack; its first frame's back chain (0) ends every walk. */
	larl	%r15,boot_stack_top
	aghi	%r15,-STACK_FRAME_OVERHEAD
	xc	__SF_BACKCHAIN(8,%r15),__SF_BACKCHAIN(%r15)
	larl	%r1,.Lkernel_psw	/* DAT on, home space: the kernel's PSW */
	lpswe	0(%r1)
.Lkernel_psw_loaded:
	brasl	%r14,s390x_start
	j	.			/* s390x_start() does not return */
	.cfi_endproc

	.section .rodata
	.balign	8
.Lreal_space_asce:
	.quad	_ASCE_REAL_SPACE
.Lkernel_psw:
	.quad	PSW_KERNEL_BITS, .Lkernel_psw_loaded

	.section .note.GNU-stack, "", @progbits
