/* SPDX-License-Identifier: MIT */
/* What a switched-out task's stack ends with (Linux: arch/x86/include/asm/switch_to.h). */
#ifndef _ASM_X86_SWITCH_TO_H
#define _ASM_X86_SWITCH_TO_H

/*
 * The frame __switch_to_asm pushes and pops (switch.S); a switched-out
 * task's thread.sp points at it. ret_addr is __switch_to_asm's return
 * address: into arch_switch_to, or ret_from_fork for a task that never ran.
 */
struct inactive_task_frame {
	unsigned long r15, r14, r13, r12, bx, bp;
	unsigned long ret_addr;
};

/*
 * A new task's stack, right below its pt_regs (arch_thread_init): the
 * frame its first switch pops, then a zero "return address" that
 * ret_from_fork's calls sit on. Their callee saves rbp = 0 at frame.bp:
 * that frame, returning into ret_from_fork, is every task's first.
 * [Linux: struct fork_frame]
 */
struct fork_frame {
	struct inactive_task_frame frame;
	unsigned long end_marker;
	unsigned long pad;		/* keeps the calls' rsp 16-byte aligned */
};

/* Where task p's fork_frame is (needs <arch.h> for task_pt_regs()). */
#define task_fork_frame(p) \
	((struct fork_frame *)((unsigned long)task_pt_regs(p) - sizeof(struct fork_frame)))

/* switch.S: the first code of every new task, and its end. */
void ret_from_fork(void);
extern const char ret_from_fork_end[];

#endif
