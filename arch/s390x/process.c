// SPDX-License-Identifier: MIT
/* Task context on s390x: new kernel stacks, switching (Linux: arch/s390/kernel/process.c). */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <arch.h>
#include <asm/lowcore.h>
#include <asm/processor.h>

struct task_struct *__switch_to(struct task_struct *prev, struct task_struct *next);
void ret_from_fork(void);

static_assert(offsetof(struct task_struct, thread.ksp) == TASK_THREAD_KSP);
/* The prologue stack check (arch.mk, asm/processor.h) assumes this layout. */
static_assert(THREAD_SIZE == STACK_CHECK_SIZE && PAGE_SIZE == STACK_GUARD_SIZE);

/*
 * The new task's stack is one frame, at its top: back chain 0, and the
 * r6-r15 that __switch_to loads, so that it "returns" to ret_from_fork
 * with r9 = fn, r10 = arg.
 */
void arch_thread_init(struct task_struct *p, int (*fn)(void *), void *arg)
{
	struct stack_frame *sf = (struct stack_frame *)(p->stack_hi - STACK_FRAME_OVERHEAD);

	memset(sf, 0, sizeof(*sf));
	sf->gprs[9 - 6] = (unsigned long)fn;
	sf->gprs[10 - 6] = (unsigned long)arg;
	sf->gprs[14 - 6] = (unsigned long)ret_from_fork;
	sf->gprs[15 - 6] = (unsigned long)sf;
	p->thread.ksp = (unsigned long)sf;
}

/*
 * The lowcore's kernel stack is where entries from problem state build
 * their pt_regs. Only tasks with a stack of their own can be in user
 * mode; the idle task (boot stack, stack_hi 0) leaves it alone.
 */
struct task_struct *arch_switch_to(struct task_struct *prev, struct task_struct *next)
{
	if (next->stack_hi)
		LOWCORE_U64(__LC_KERNEL_STACK) = next->stack_hi;
	return __switch_to(prev, next);
}

/* r15 in arch_switch_to(): walking from it starts in __schedule(). */
unsigned long arch_task_fp(const struct task_struct *p)
{
	return p->thread.ksp;
}

/*
 * DAT is off, so no page can be made inaccessible. The guard page is
 * still watched: every function prologue traps if r15 enters it
 * (-mstack-guard, asm/processor.h), and the entry code then moves to the
 * panic stack to report the overflow. [Linux: vmap stacks]
 */
bool arch_set_page_guard(void *addr, bool guard)
{
	return false;
}
