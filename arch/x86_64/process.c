// SPDX-License-Identifier: MIT
/* Task context on x86_64: new kernel stacks, switching, guard pages (Linux: arch/x86/kernel/process_64.c). */
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <arch.h>
#include <asm/pgtable.h>
#include <asm/switch_to.h>
#include <asm/x86.h>

struct task_struct *__switch_to_asm(struct task_struct *prev, struct task_struct *next);
void x86_set_kernel_stack(unsigned long top);
extern unsigned long x86_kernel_sp;

/* Every task's user-mode frame sits at the very top of its kernel stack. */
struct pt_regs *task_pt_regs(struct task_struct *p)
{
	return (struct pt_regs *)(p->stack_hi - sizeof(struct pt_regs));
}

void arch_thread_init(struct task_struct *p, int (*fn)(void *), void *arg)
{
	struct fork_frame *f = task_fork_frame(p);

	static_assert(sizeof(struct fork_frame) % 16 == 8);
	static_assert(offsetof(struct inactive_task_frame, ret_addr) == 48);	/* switch.S */
	memset(f, 0, sizeof(*f));
	f->frame.bx = (unsigned long)fn;
	f->frame.r12 = (unsigned long)arg;
	f->frame.ret_addr = (unsigned long)ret_from_fork;
	p->thread.sp = (unsigned long)f;
	p->thread.sp0 = p->stack_hi;
}

struct task_struct *arch_switch_to(struct task_struct *prev, struct task_struct *next)
{
	x86_set_kernel_stack(next->thread.sp0);
	x86_kernel_sp = next->thread.sp0;
	arch_mm_activate(next->mm);
	return __switch_to_asm(prev, next);
}

void arch_start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp)
{
	memset(regs, 0, sizeof(*regs));
	regs->ip = ip;
	regs->sp = sp;
	regs->cs = USER_CS;
	regs->ss = USER_DS;
	regs->flags = X86_EFLAGS_IF;
	regs->vector = 0;
}

void x86_enter_user(struct pt_regs *regs);

void arch_return_to_user(struct pt_regs *regs)
{
	exit_to_user_mode(regs);
	x86_enter_user(regs);
	__builtin_unreachable();
}

unsigned long arch_regs_user_sp(const struct pt_regs *regs)
{
	return regs->sp;
}

unsigned long arch_task_fp(const struct task_struct *p)
{
	/* bp saved by __switch_to_asm: the frame of the function that called schedule. */
	return ((const struct inactive_task_frame *)p->thread.sp)->bp;
}

bool arch_regs_irqs_enabled(const struct pt_regs *regs)
{
	return regs->flags & X86_EFLAGS_IF;
}

/* Replace the 2 MiB direct-map entry covering va by a table of 4 KiB entries. */
static u64 *split_large(u64 *pde)
{
	u64 *pt = (u64 *)get_zeroed_page(GFP_ATOMIC);
	u64 base = *pde & PTE_ADDR_MASK & ~(LARGE_PAGE_SIZE - 1);
	u64 flags = *pde & ~PTE_ADDR_MASK & ~PTE_LARGE;
	int i;

	if (!pt)
		return NULL;
	for (i = 0; i < 512; i++)
		pt[i] = (base + i * PAGE_SIZE) | flags;
	*pde = __pa(pt) | PTE_PRESENT | PTE_WRITE;
	return pt;
}

bool arch_set_page_guard(void *addr, bool guard)
{
	unsigned long va = (unsigned long)addr;
	u64 *pte = x86_lookup_pte(va);

	if (!pte)
		return false;
	if (*pte & PTE_LARGE) {
		u64 *pt = split_large(pte);

		if (!pt)
			return false;
		pte = &pt[PT_INDEX(va)];
	}
	if (guard)
		*pte &= ~PTE_PRESENT;
	else
		*pte |= PTE_PRESENT;
	__asm__ __volatile__("invlpg (%0)" : : "r"(va) : "memory");
	return true;
}
