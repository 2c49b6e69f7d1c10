/* SPDX-License-Identifier: MIT */
/*
 * x86_64 program entry. The kernel starts _start with rsp pointing at the
 * initial stack that the x86_64 psABI (3.4.1, "Initial Stack and Register
 * State") lays out, the same one Linux builds:
 *
 *	rsp ->	argc			8 bytes
 *		argv[0] .. argv[argc-1]
 *		NULL
 *		envp[0] .. envp[n-1]
 *		NULL
 *		(auxv, then the strings)
 *
 * libc_start() decodes it; here we only end the frame-pointer chain and
 * give C a 16-byte aligned stack (psABI 3.2.2: rsp+8 is a multiple of 16
 * at a function's entry, so rsp is one before the call).
 */
	.text
	.globl _start
	.type _start, @function
_start:
	xorl	%ebp, %ebp		/* outermost frame: the unwinder stops here */
	movq	%rsp, %rdi		/* libc_start(sp) */
	andq	$-16, %rsp
	call	libc_start
	hlt				/* libc_start never returns */
	.size _start, . - _start

	.section .note.GNU-stack, "", @progbits
