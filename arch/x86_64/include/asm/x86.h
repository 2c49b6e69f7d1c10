/* SPDX-License-Identifier: MIT */
/* Private declarations shared by the files of arch/x86_64. */
#ifndef _ASM_X86_X86_H
#define _ASM_X86_X86_H

#include <linux/types.h>
#include <asm/ptrace.h>

#define KERNEL_CS 0x08
#define KERNEL_DS 0x10
#define USER_DS 0x1b
#define USER_CS 0x23
#define TSS_SEL 0x28

#define IRQ_BASE 32		/* PIC IRQ n -> vector 32 + n */
#define IRQ_TIMER 0
#define IRQ_COM1 4

void gdt_init(void);
void idt_init(void);
void syscall_init(void);
void pic_init(void);
void pic_unmask(unsigned int irq);
void pic_eoi(unsigned int irq);
void pit_init(unsigned int hz);
void tsc_calibrate(void);
void serial_init(void);
void serial_irq(void);
void multiboot_parse(u32 magic, const void *info);

static inline u64 rdtsc(void)
{
	u32 lo, hi;

	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
	return ((u64)hi << 32) | lo;
}

static inline unsigned long read_cr2(void)
{
	unsigned long v;

	__asm__ __volatile__("mov %%cr2, %0" : "=r"(v));
	return v;
}

static inline unsigned long read_cr3(void)
{
	unsigned long v;

	__asm__ __volatile__("mov %%cr3, %0" : "=r"(v));
	return v;
}

static inline void write_cr3(unsigned long v)
{
	__asm__ __volatile__("mov %0, %%cr3" : : "r"(v) : "memory");
}

#endif
