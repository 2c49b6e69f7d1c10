// SPDX-License-Identifier: MIT
/*
 * User mode on s390x: not there yet. The kernel runs with DAT off, so
 * there are no per-process address spaces; problem-state processes, the
 * SVC path and its exit-to-user check come with the s390x parity issue.
 * Until then every hook below refuses honestly: a program fails to start
 * with -ENOSYS ("Function not implemented") and nothing else changes.
 */
#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <arch.h>

int arch_mm_init_context(struct mm_struct *mm)
{
	return -ENOSYS;
}

void arch_mm_destroy_context(struct mm_struct *mm)
{
	/* Nothing was allocated by arch_mm_init_context(). */
}

int arch_mm_map_page(struct mm_struct *mm, unsigned long va, unsigned long pa, unsigned int prot)
{
	return -ENOSYS;
}

unsigned long arch_mm_lookup(struct mm_struct *mm, unsigned long va)
{
	return 0;
}

void arch_mm_activate(struct mm_struct *mm)
{
	/* DAT is off: the kernel's view of memory is the only one. */
}

/* Where an entry from problem state builds its frame: the top of the kernel stack. */
struct pt_regs *task_pt_regs(struct task_struct *p)
{
	return (struct pt_regs *)(p->stack_hi - sizeof(struct pt_regs));
}

void arch_start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp)
{
	memset(regs, 0, sizeof(*regs));
	regs->psw.mask = PSW_KERNEL_BITS | PSW_MASK_EXT | PSW_MASK_PSTATE;
	regs->psw.addr = ip;
	regs->gprs[15] = sp;
}

void arch_return_to_user(struct pt_regs *regs)
{
	/* Unreachable: no program can be loaded (arch_mm_init_context fails). */
	panic("s390x: return to user mode is not implemented");
}

unsigned long arch_regs_user_sp(const struct pt_regs *regs)
{
	return regs->gprs[15];
}
