// SPDX-License-Identifier: MIT
/* Console input ring (filled from the arch receive interrupt) and direct console output. */
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/signal.h>
#include <scion/console.h>
#include <arch.h>

#define RX_SIZE 4096		/* power of two */

static u8 rx_buf[RX_SIZE];
static volatile unsigned int rx_head, rx_tail;	/* head: next write; tail: next read */
static bool rx_stopped;
static DECLARE_WAIT_QUEUE_HEAD(rx_wait);

static pid_t foreground_pid;

void console_set_foreground(pid_t pid)
{
	WRITE_ONCE(foreground_pid, pid);
}

/* Interrupt context: store c; tell the arch to hold off when the ring is full. */
notrace bool console_rx(u8 c)
{
	/* Ctrl-C while a program runs in the foreground: SIGINT, as a tty's ISIG does. */
	if (c == 0x03 && READ_ONCE(foreground_pid) > 0) {
		kill_pid(foreground_pid, SIGINT);
		return true;
	}
	if (rx_head - rx_tail >= RX_SIZE) {
		rx_stopped = true;	/* cannot happen if the arch honours false */
		return false;
	}
	rx_buf[rx_head++ & (RX_SIZE - 1)] = c;
	wake_up(&rx_wait);
	if (rx_head - rx_tail >= RX_SIZE) {
		rx_stopped = true;
		return false;
	}
	return true;
}

int console_trygetc(void)
{
	unsigned long flags;
	int c = -1;

	local_irq_save(flags);
	if (rx_tail != rx_head) {
		c = rx_buf[rx_tail++ & (RX_SIZE - 1)];
		if (rx_stopped) {
			rx_stopped = false;
			arch_console_rx_resume();
		}
	}
	local_irq_restore(flags);
	return c;
}

/* read(2) on the console: wait (interruptibly) for input, return what is there. */
ssize_t console_read(char *buf, size_t count)
{
	size_t n = 0;
	int c;

	if (!count)
		return 0;
	if (wait_event_interruptible(rx_wait, READ_ONCE(rx_tail) != READ_ONCE(rx_head)))
		return -ERESTARTSYS;
	while (n < count && (c = console_trygetc()) >= 0)
		buf[n++] = c;
	return n;
}

/* Sleeps until a byte arrives (the shell task; the idle task halts meanwhile). */
int console_getc(void)
{
	int c;

	wait_event(rx_wait, (c = console_trygetc()) >= 0);
	return c;
}

/* As console_getc(), but gives up after timeout jiffies (the rx command's protocol timers). */
int console_getc_timeout(long timeout)
{
	int c = -1;

	wait_event_timeout(rx_wait, (c = console_trygetc()) >= 0, timeout);
	return c;
}

void console_write(const char *s, size_t len)
{
	arch_console_write(s, len);
}

void console_puts(const char *s)
{
	arch_console_write(s, strlen(s));
}
