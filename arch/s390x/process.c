// SPDX-License-Identifier: MIT
/*
 * Task context on s390x: new kernel stacks, switching, entering problem
 * state (Linux: arch/s390/kernel/process.c).
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <arch.h>
#include <asm/lowcore.h>
#include <asm/processor.h>
#include <asm/s390x.h>

struct task_struct *__switch_to(struct task_struct *prev, struct task_struct *next);
void ret_from_fork(void);

static_assert(offsetof(struct task_struct, ti_flags) == TASK_TI_FLAGS);
static_assert(offsetof(struct task_struct, thread.ksp) == TASK_THREAD_KSP);
static_assert(_TIF_WORK == (_TIF_NOTIFY_RESUME | _TIF_SIGPENDING | _TIF_NEED_RESCHED |
			    _TIF_NOTIFY_SIGNAL | _TIF_PATCH_PENDING));
/* The prologue stack check (arch.mk, asm/processor.h) assumes this layout. */
static_assert(THREAD_SIZE == STACK_CHECK_SIZE && PAGE_SIZE == STACK_GUARD_SIZE);

/*
 * Every task's user-mode registers sit at the very top of its kernel
 * stack: an entry from problem state starts at the lowcore's kernel stack
 * (stack_hi, set by arch_switch_to()) and builds its pt_regs first.
 *
 *   stack_hi
 *   task_pt_regs(p)          struct pt_regs
 *   task_pt_regs(p) - 160    first frame: entry.S's C-handler frame, or
 *                            arch_thread_init()'s; back chain 0 either way
 */
struct pt_regs *task_pt_regs(struct task_struct *p)
{
	return (struct pt_regs *)(p->stack_hi - sizeof(struct pt_regs));
}

/*
 * The new task's first frame, below its pt_regs (which fork has already
 * filled): back chain 0, and the r6-r15 that __switch_to loads, so that
 * it "returns" to ret_from_fork with r9 = fn, r10 = arg. A kernel thread
 * has no user registers; as in Linux, its pt_regs say where it starts, in
 * the kernel, and end every walk of its stack (r15 0). [Linux: copy_thread()]
 */
void arch_thread_init(struct task_struct *p, int (*fn)(void *), void *arg)
{
	struct pt_regs *regs = task_pt_regs(p);
	struct stack_frame *sf = (struct stack_frame *)((unsigned long)regs - STACK_FRAME_OVERHEAD);

	if (p->flags & PF_KTHREAD) {
		memset(regs, 0, sizeof(*regs));
		regs->psw.mask = PSW_KERNEL_BITS;
		regs->psw.addr = (unsigned long)ret_from_fork;
	}
	memset(sf, 0, sizeof(*sf));
	sf->gprs[9 - 6] = (unsigned long)fn;
	sf->gprs[10 - 6] = (unsigned long)arg;
	sf->gprs[14 - 6] = (unsigned long)ret_from_fork;
	sf->gprs[15 - 6] = (unsigned long)sf;
	p->thread.ksp = (unsigned long)sf;
}

/*
 * The lowcore's kernel stack is where entries from problem state build
 * their pt_regs. Only tasks with a stack of their own can be in problem
 * state; the idle task (boot stack, stack_hi 0) leaves it alone. Then
 * next's address space: its process's, or the kernel's alone.
 */
struct task_struct *arch_switch_to(struct task_struct *prev, struct task_struct *next)
{
	if (next->stack_hi)
		LOWCORE_U64(__LC_KERNEL_STACK) = next->stack_hi;
	arch_mm_activate(next->mm);
	return __switch_to(prev, next);
}

/* r15 in arch_switch_to(): walking from it starts in __schedule(). */
unsigned long arch_task_fp(const struct task_struct *p)
{
	return p->thread.ksp;
}

/* A fresh program: problem state in its primary space (PSW_USER_BITS), r15 = its stack. */
void arch_start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp)
{
	memset(regs, 0, sizeof(*regs));
	regs->psw.mask = PSW_USER_BITS;
	regs->psw.addr = ip;
	regs->gprs[15] = sp;
}

/* entry.S's exit path, with its flag check, as after a system call. */
void arch_return_to_user(struct pt_regs *regs)
{
	local_irq_disable();
	s390x_return_to_user(regs);
}

unsigned long arch_regs_user_sp(const struct pt_regs *regs)
{
	return regs->gprs[15];
}
