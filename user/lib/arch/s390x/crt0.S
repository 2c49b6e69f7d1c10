/* SPDX-License-Identifier: MIT */
/*
 * s390x program entry. Linux starts a program with r15 pointing at the
 * initial stack, laid out as on x86_64 but with no frame of its own:
 *
 *	r15 ->	argc			8 bytes
 *		argv[0] .. argv[argc-1]
 *		NULL
 *		envp[0] .. envp[n-1]
 *		NULL
 *		(auxv, then the strings)
 *
 * libc_start() decodes it. The s390x ELF ABI supplement (stack frame) has
 * every caller provide a 160-byte register save area at 0(%r15) for its
 * callee, whose first doubleword is the back chain; a zero back chain
 * ends the chain for unwinders. The stack stays 8-byte aligned; we align
 * to 16 as well.
 */
	.text
	.globl _start
	.type _start, @function
_start:
	lgr	%r2, %r15		/* libc_start(sp) */
	lghi	%r0, -16
	ngr	%r15, %r0
	aghi	%r15, -160		/* save area for libc_start */
	xc	0(8, %r15), 0(%r15)	/* back chain = 0 */
	brasl	%r14, libc_start
	j	.			/* libc_start never returns */
	.size _start, . - _start

	.section .note.GNU-stack, "", @progbits
