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
	 * New PSWs first: until they are set, any program check would load
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
	brasl	%r14,s390x_start
	j	.			/* s390x_start() does not return */
	.cfi_endproc

	.section .note.GNU-stack, "", @progbits
