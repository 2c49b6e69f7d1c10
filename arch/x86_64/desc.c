// SPDX-License-Identifier: MIT
/* GDT, TSS and IDT (Linux: arch/x86/kernel/cpu/common.c, idt.c). */
#include <linux/kernel.h>
#include <asm/x86.h>

#define NR_VECTORS 48

struct tss64 {
	u32 reserved0;
	u64 rsp[3];
	u64 reserved1;
	u64 ist[7];
	u64 reserved2;
	u16 reserved3;
	u16 iomap_base;
} __packed;

struct gate64 {
	u16 offset_low;
	u16 selector;
	u8 ist;
	u8 type_attr;
	u16 offset_mid;
	u32 offset_high;
	u32 zero;
} __packed;

struct desc_ptr {
	u16 limit;
	u64 base;
} __packed;

static_assert(sizeof(struct tss64) == 104);
static_assert(sizeof(struct gate64) == 16);

/*
 * Null, kernel code, kernel data, user data, user code (the order SYSRET
 * requires), then the 16-byte TSS descriptor.
 */
static u64 gdt[7] = {
	0,
	0x00af9a000000ffffULL,	/* 0x08 kernel code, L=1 */
	0x00cf92000000ffffULL,	/* 0x10 kernel data */
	0x00cff2000000ffffULL,	/* 0x18 user data, DPL 3 */
	0x00affa000000ffffULL,	/* 0x20 user code, DPL 3, L=1 */
	0, 0,			/* 0x28 TSS */
};

static struct tss64 tss __aligned(16);
/* A separate stack for double faults, so a kernel stack overflow still reports. */
static u8 df_stack[4096] __aligned(16);
static struct gate64 idt[NR_VECTORS] __aligned(16);
extern const unsigned long x86_vector_table[NR_VECTORS];

/* Stack the CPU switches to when an interrupt arrives in ring 3. */
void x86_set_kernel_stack(unsigned long top)
{
	tss.rsp[0] = top;
}

void gdt_init(void)
{
	unsigned long base = (unsigned long)&tss;
	u64 limit = sizeof(tss) - 1;
	struct desc_ptr ptr = { sizeof(gdt) - 1, (u64)gdt };

	tss.iomap_base = sizeof(tss);
	tss.ist[0] = (u64)(df_stack + sizeof(df_stack));
	/* 64-bit available TSS (type 9), present; Intel SDM Vol. 3A 7.2.3. */
	gdt[5] = (limit & 0xffff) | ((base & 0xffffff) << 16) | (0x89ULL << 40) |
		 ((limit >> 16) << 48) | (((base >> 24) & 0xff) << 56);
	gdt[6] = base >> 32;

	__asm__ __volatile__(
		"lgdt %0\n\t"
		"pushq %1\n\t"
		"leaq 1f(%%rip), %%rax\n\t"
		"pushq %%rax\n\t"
		"lretq\n"
		"1:\n\t"
		"movw %w2, %%ax\n\t"
		"movw %%ax, %%ds\n\t"
		"movw %%ax, %%es\n\t"
		"movw %%ax, %%ss\n\t"
		"ltr %w3"
		: : "m"(ptr), "i"(KERNEL_CS), "i"(KERNEL_DS), "r"(TSS_SEL) : "rax", "memory");
}

static void set_gate(int vec, unsigned long addr, int ist, int dpl)
{
	struct gate64 *g = &idt[vec];

	g->offset_low = addr & 0xffff;
	g->selector = KERNEL_CS;
	g->ist = ist;
	g->type_attr = 0x8e | (dpl << 5);	/* present, 64-bit interrupt gate */
	g->offset_mid = (addr >> 16) & 0xffff;
	g->offset_high = addr >> 32;
	g->zero = 0;
}

void idt_init(void)
{
	struct desc_ptr ptr = { sizeof(idt) - 1, (u64)idt };
	int i;

	for (i = 0; i < NR_VECTORS; i++)
		set_gate(i, x86_vector_table[i], i == 8 ? 1 : 0, i == 3 ? 3 : 0);
	__asm__ __volatile__("lidt %0" : : "m"(ptr));
}
