/* SPDX-License-Identifier: MIT */
/*
 * Interrupt enable/disable on s390x: the I/O and external mask bits of the
 * PSW, changed with STNSM/STOSM/SSM (Linux: arch/s390/include/asm/irqflags.h).
 */
#ifndef _ASM_S390X_IRQFLAGS_H
#define _ASM_S390X_IRQFLAGS_H

/*
 * Flags are the PSW system mask, bits 0-7 (PoP ch. 4, "Program-Status
 * Word"), as STNSM stores it.
 * The kernel uses external interrupts only (tick, console); I/O interrupts
 * stay masked until a driver needs them, but disabling masks both.
 */
#define ARCH_IRQ_SYSMASK_IO 0x02
#define ARCH_IRQ_SYSMASK_EXT 0x01

/*
 * STORE THEN AND/OR SYSTEM MASK (PoP ch. 10): the immediate must be a
 * plain 0-255 constant, hence (int)m & 0xff.
 */
#define __arch_stnsm(m) ({						\
	unsigned char __old;						\
	__asm__ __volatile__("stnsm %0,%1"				\
			     : "=Q"(__old) : "i"((int)(m) & 0xff) : "memory"); \
	__old;								\
})
#define __arch_stosm(m) ({						\
	unsigned char __old;						\
	__asm__ __volatile__("stosm %0,%1"				\
			     : "=Q"(__old) : "i"((int)(m) & 0xff) : "memory"); \
	__old;								\
})

static inline __attribute__((no_instrument_function)) unsigned long arch_local_save_flags(void)
{
	return __arch_stosm(0);
}

static inline __attribute__((no_instrument_function)) void arch_local_irq_disable(void)
{
	__arch_stnsm(~(ARCH_IRQ_SYSMASK_IO | ARCH_IRQ_SYSMASK_EXT));
}

static inline __attribute__((no_instrument_function)) void arch_local_irq_enable(void)
{
	__arch_stosm(ARCH_IRQ_SYSMASK_EXT);
}

static inline __attribute__((no_instrument_function)) unsigned long arch_local_irq_save(void)
{
	return __arch_stnsm(~(ARCH_IRQ_SYSMASK_IO | ARCH_IRQ_SYSMASK_EXT));
}

/* SET SYSTEM MASK (PoP ch. 10) puts the saved byte back as it was. */
static inline __attribute__((no_instrument_function)) void arch_local_irq_restore(unsigned long flags)
{
	unsigned char mask = flags;

	__asm__ __volatile__("ssm %0" : : "Q"(mask) : "memory");
}

static inline __attribute__((no_instrument_function)) int arch_irqs_disabled_flags(unsigned long flags)
{
	return !(flags & (ARCH_IRQ_SYSMASK_IO | ARCH_IRQ_SYSMASK_EXT));
}

#endif
