/* SPDX-License-Identifier: MIT */
/*
 * Context switch and the first instructions of a new task (Linux:
 * arch/x86/entry/entry_64.S __switch_to_asm, ret_from_fork).
 *
 * A switched-out task's kernel stack ends with this frame; thread.sp
 * points at its lowest word:
 *
 *   sp + 48  return address (into __schedule, or ret_from_fork)
 *   sp + 40  rbp
 *   sp + 32  rbx
 *   sp + 24  r12
 *   sp + 16  r13
 *   sp +  8  r14
 *   sp +  0  r15
 */
#include <asm/processor.h>

	.text
/* struct task_struct *__switch_to_asm(prev, next): returns prev, on next's stack. */
	.globl __switch_to_asm
__switch_to_asm:
	pushq %rbp
	pushq %rbx
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
	movq %rsp, TASK_THREAD_SP(%rdi)
	movq TASK_THREAD_SP(%rsi), %rsp
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %rbx
	popq %rbp
	movq %rdi, %rax
	ret

/*
 * A new task's first return lands here with rax = prev, rbx = fn and
 * r12 = arg (from arch_thread_init). rbp is 0: stack walks end here.
 */
	.globl ret_from_fork
	.type ret_from_fork, @function
ret_from_fork:
	movq %rax, %rdi
	call schedule_tail
	movq %r12, %rdi
	call *%rbx
	movq %rax, %rdi
	call do_exit
	ud2
	.size ret_from_fork, . - ret_from_fork
	.globl ret_from_fork_end
ret_from_fork_end:

	.section .note.GNU-stack, "", @progbits
