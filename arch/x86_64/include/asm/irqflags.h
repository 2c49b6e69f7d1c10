/* SPDX-License-Identifier: MIT */
/* Interrupt enable/disable on x86_64 (RFLAGS.IF) (Linux: arch/x86/include/asm/irqflags.h). */
#ifndef _ASM_X86_IRQFLAGS_H
#define _ASM_X86_IRQFLAGS_H

#define X86_EFLAGS_IF 0x200UL

static inline __attribute__((no_instrument_function)) unsigned long arch_local_save_flags(void)
{
	unsigned long flags;

	__asm__ __volatile__("pushf; pop %0" : "=rm"(flags) : : "memory");
	return flags;
}

static inline __attribute__((no_instrument_function)) void arch_local_irq_disable(void)
{
	__asm__ __volatile__("cli" ::: "memory");
}

static inline __attribute__((no_instrument_function)) void arch_local_irq_enable(void)
{
	__asm__ __volatile__("sti" ::: "memory");
}

static inline __attribute__((no_instrument_function)) unsigned long arch_local_irq_save(void)
{
	unsigned long flags = arch_local_save_flags();

	arch_local_irq_disable();
	return flags;
}

static inline __attribute__((no_instrument_function)) void arch_local_irq_restore(unsigned long flags)
{
	if (flags & X86_EFLAGS_IF)
		arch_local_irq_enable();
}

static inline __attribute__((no_instrument_function)) int arch_irqs_disabled_flags(unsigned long flags)
{
	return !(flags & X86_EFLAGS_IF);
}

#endif
