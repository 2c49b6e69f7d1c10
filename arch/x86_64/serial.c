// SPDX-License-Identifier: MIT
/* 16550 UART on COM1: polled output, interrupt-driven input (Linux: drivers/tty/serial/8250). */
#include <linux/kernel.h>
#include <arch.h>
#include <asm/io.h>
#include <asm/x86.h>

#define COM1 0x3f8
#define UART_RBR 0
#define UART_THR 0
#define UART_IER 1
#define UART_FCR 2
#define UART_LCR 3
#define UART_MCR 4
#define UART_LSR 5
#define UART_DLL 0
#define UART_DLM 1
#define LSR_DR 0x01
#define LSR_THRE 0x20
#define IER_RDI 0x01

void serial_init(void)
{
	outb(COM1 + UART_IER, 0);
	outb(COM1 + UART_LCR, 0x80);	/* DLAB: divisor 1 = 115200 baud */
	outb(COM1 + UART_DLL, 1);
	outb(COM1 + UART_DLM, 0);
	outb(COM1 + UART_LCR, 0x03);	/* 8N1 */
	outb(COM1 + UART_FCR, 0xc7);	/* FIFO on, cleared, trigger at 14 bytes */
	outb(COM1 + UART_MCR, 0x0b);	/* DTR, RTS, OUT2 (routes the IRQ line) */
}

static notrace void serial_putc(char c)
{
	while (!(inb(COM1 + UART_LSR) & LSR_THRE))
		;
	outb(COM1 + UART_THR, c);
}

notrace void arch_console_write(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (s[i] == '\n')
			serial_putc('\r');
		serial_putc(s[i]);
	}
}

/*
 * Drain the FIFO into the generic buffer. When it is full, stop asking for
 * receive interrupts and leave the bytes in the UART (QEMU then holds
 * further input back); arch_console_rx_resume() turns them on again, which
 * also raises a fresh edge for the edge-triggered PIC.
 */
void serial_irq(void)
{
	while (inb(COM1 + UART_LSR) & LSR_DR) {
		u8 c = inb(COM1 + UART_RBR);

		if (!console_rx(c)) {
			outb(COM1 + UART_IER, 0);
			return;
		}
	}
}

void arch_console_rx_resume(void)
{
	outb(COM1 + UART_IER, IER_RDI);
}

void serial_irq_init(void)
{
	outb(COM1 + UART_IER, IER_RDI);
	pic_unmask(IRQ_COM1);
}
