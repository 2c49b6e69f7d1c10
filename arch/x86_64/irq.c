// SPDX-License-Identifier: MIT
/* The 8259 PIC pair, the PIT tick and the TSC clock (Linux: arch/x86/kernel/i8259.c, i8253.c, tsc.c). */
#include <linux/kernel.h>
#include <arch.h>
#include <asm/io.h>
#include <asm/x86.h>

#define PIC1_CMD 0x20
#define PIC1_DATA 0x21
#define PIC2_CMD 0xa0
#define PIC2_DATA 0xa1
#define PIT_CH0 0x40
#define PIT_CH2 0x42
#define PIT_CMD 0x43
#define PIT_HZ 1193182UL

static u8 pic_mask[2] = { 0xff, 0xff };
static u64 tsc_khz;
static u64 tsc_at_boot;

/* ICW1-ICW4: cascade, vectors 32-47, 8086 mode; everything masked. */
void pic_init(void)
{
	outb(PIC1_CMD, 0x11);
	outb(PIC2_CMD, 0x11);
	outb(PIC1_DATA, IRQ_BASE);
	outb(PIC2_DATA, IRQ_BASE + 8);
	outb(PIC1_DATA, 4);
	outb(PIC2_DATA, 2);
	outb(PIC1_DATA, 1);
	outb(PIC2_DATA, 1);
	pic_mask[0] = 0xff & ~(1 << 2);	/* cascade line open */
	pic_mask[1] = 0xff;
	outb(PIC1_DATA, pic_mask[0]);
	outb(PIC2_DATA, pic_mask[1]);
}

void pic_unmask(unsigned int irq)
{
	int chip = irq >= 8;

	pic_mask[chip] &= ~(1 << (irq & 7));
	outb(chip ? PIC2_DATA : PIC1_DATA, pic_mask[chip]);
}

notrace void pic_eoi(unsigned int irq)
{
	if (irq >= 8)
		outb(PIC2_CMD, 0x20);
	outb(PIC1_CMD, 0x20);
}

/* Channel 0, mode 2 (rate generator), binary. */
void pit_init(unsigned int hz)
{
	unsigned int div = (PIT_HZ + hz / 2) / hz;

	outb(PIT_CMD, 0x34);
	outb(PIT_CH0, div & 0xff);
	outb(PIT_CH0, div >> 8);
	pic_unmask(IRQ_TIMER);
}

/*
 * Count TSC cycles across a 10 ms one-shot of PIT channel 2 (gate via port
 * 0x61; bit 5 shows the output going high at terminal count).
 */
void tsc_calibrate(void)
{
	unsigned int div = PIT_HZ / 100;
	u64 t0, t1;
	u8 v;

	v = inb(0x61);
	outb(0x61, (v & ~0x02) | 0x01);
	outb(PIT_CMD, 0xb0);		/* channel 2, lobyte/hibyte, mode 0 */
	outb(PIT_CH2, div & 0xff);
	outb(PIT_CH2, div >> 8);
	t0 = rdtsc();
	while (!(inb(0x61) & 0x20))
		;
	t1 = rdtsc();
	outb(0x61, v);
	tsc_khz = (t1 - t0) / 10;
	if (!tsc_khz)
		tsc_khz = 1000000;
	tsc_at_boot = t0;
}

notrace u64 arch_cycles(void)
{
	return rdtsc();
}

notrace u64 arch_clock_ns(void)
{
	u64 cycles;

	if (!tsc_khz)
		return 0;
	cycles = rdtsc() - tsc_at_boot;
	/* Split to avoid overflowing 64 bits: cycles * 10^6 / khz. */
	return (cycles / tsc_khz) * 1000000 + ((cycles % tsc_khz) * 1000000) / tsc_khz;
}

unsigned long x86_tsc_khz(void)
{
	return tsc_khz;
}
