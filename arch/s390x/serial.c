// SPDX-License-Identifier: MIT
/*
 * The console: the SCLP VT220 (ASCII) event, synchronous output and
 * interrupt-driven input (Linux: drivers/s390/char/sclp_vt220.c).
 */
#include <linux/kernel.h>
#include <arch.h>
#include <asm/s390x.h>
#include "sclp.h"

/* Bytes per WRITE EVENT DATA, after "\n" -> "\r\n"; one page holds more. */
#define WRITE_MAX 2048

/* First byte of an input event: what follows (0x00: typed characters). */
#define VT220_SESSION_DATA 0x00

struct write_sccb {
	struct sccb_header header;
	struct evbuf_header evbuf;
	char data[WRITE_MAX];
} __packed;

/* SCCBs: below 2 GiB, outside the lowcore, not crossing a page (QEMU checks). */
static struct write_sccb write_sccb __aligned(PAGE_SIZE);
static u8 read_sccb[PAGE_SIZE] __aligned(PAGE_SIZE);
static struct init_sccb mask_sccb __aligned(32);

/*
 * Input taken from the SCLP but not yet by console_rx(). Input is read
 * only while rx_buf is empty and console_rx() has not refused a byte.
 */
static u8 rx_buf[PAGE_SIZE];
static unsigned int rx_len, rx_pos;
static bool rx_enabled, rx_stopped;

/* WRITE EVENT MASK: which events we accept (receive) and send. */
static int set_event_mask(u32 receive, u32 send)
{
	struct init_sccb *sccb = &mask_sccb;

	memset(sccb, 0, sizeof(*sccb));
	sccb->header.length = sizeof(*sccb);
	sccb->mask_length = sizeof(u32);
	sccb->receive_mask = receive;
	sccb->send_mask = send;
	if (sclp_sync_request(SCLP_CMD_WRITE_EVENT_MASK, sccb) ||
	    sccb->header.response_code != SCLP_RC_NORMAL_COMPLETION)
		return -EIO;
	return 0;
}

/* Early: output only, so nothing is read before arch_irq_init(). */
void sclp_console_init(void)
{
	set_event_mask(0, EVTYP_VT220MSG_MASK);
}

/* From arch_irq_init(): accept input, so the SCLP signals it. */
void sclp_console_irq_init(void)
{
	rx_enabled = true;
	if (set_event_mask(EVTYP_VT220MSG_MASK, EVTYP_VT220MSG_MASK))
		pr_err("sclp: console input not available\n");
}

notrace void arch_console_write(const char *s, size_t len)
{
	struct write_sccb *sccb = &write_sccb;
	unsigned long flags;

	while (len) {
		size_t n = 0;

		flags = arch_local_irq_save();	/* the SCCB is ours until done */
		sclp_wait_idle();		/* an interrupted write may still use it */
		while (len && n + 2 <= WRITE_MAX) {
			if (*s == '\n')
				sccb->data[n++] = '\r';
			sccb->data[n++] = *s++;
			len--;
		}
		memset(sccb, 0, sizeof(sccb->header) + sizeof(sccb->evbuf));
		sccb->header.length = sizeof(sccb->header) + sizeof(sccb->evbuf) + n;
		sccb->evbuf.length = sizeof(sccb->evbuf) + n;
		sccb->evbuf.type = EVTYP_VT220MSG;
		sclp_sync_request(SCLP_CMD_WRITE_EVENT_DATA, sccb);
		arch_local_irq_restore(flags);
	}
}

/* Append the typed bytes of one VT220 event buffer to rx_buf. */
static void take_event(const struct evbuf_header *ev)
{
	const u8 *data = (const u8 *)(ev + 1);
	unsigned int n = ev->length - sizeof(*ev);

	if (ev->type != EVTYP_VT220MSG || n < 1 || data[0] != VT220_SESSION_DATA)
		return;
	n = min(n - 1, (unsigned int)sizeof(rx_buf) - rx_len);
	memcpy(rx_buf + rx_len, data + 1, n);
	rx_len += n;
}

/* READ EVENT DATA into rx_buf (which is empty). */
static void read_events(void)
{
	struct sccb_header *sccb = (struct sccb_header *)read_sccb;
	unsigned int off;

	memset(sccb, 0, sizeof(*sccb));
	sccb->length = PAGE_SIZE;	/* QEMU wants exactly one page */
	sccb->control_mask[2] = SCLP_VARIABLE_LENGTH_RESPONSE;
	rx_len = rx_pos = 0;
	if (sclp_sync_request(SCLP_CMD_READ_EVENT_DATA, sccb) ||
	    sccb->response_code != SCLP_RC_NORMAL_COMPLETION)
		return;
	for (off = sizeof(*sccb); off + sizeof(struct evbuf_header) <= min_t(unsigned int, sccb->length, PAGE_SIZE);) {
		const struct evbuf_header *ev = (const void *)(read_sccb + off);

		if (ev->length < sizeof(*ev) || off + ev->length > PAGE_SIZE)
			break;
		take_event(ev);
		off += ev->length;
	}
}

/*
 * Hand input to console_rx(), reading more from the SCLP while it has
 * some and console_rx() takes it. Context: an interrupt that arrived with
 * interrupts enabled (console_rx() wakes tasks up).
 */
static void console_rx_poll(void)
{
	for (;;) {
		while (rx_pos < rx_len) {
			if (!console_rx(rx_buf[rx_pos++])) {
				rx_stopped = true;	/* the byte is stored; no more */
				return;
			}
		}
		if (rx_stopped || !sclp_event_pending)
			return;
		sclp_event_pending = false;
		read_events();
	}
}

/*
 * The SCLP has input for us (sclp_interrupt()). Inside an SCLP wait the
 * interrupted code runs with interrupts logically off, maybe in the middle
 * of the scheduler: console_rx() must wait for the irq work, which the
 * clock-comparator interrupt runs once interrupts are really enabled.
 */
void sclp_console_notify(void)
{
	if (!rx_enabled)
		return;
	if (sclp_busy_waiting())
		s390x_irq_work_raise();
	else
		console_rx_poll();
}

/* Deferred input work (irq.c), interrupts were enabled. */
void sclp_console_irq_work(void)
{
	if (rx_enabled)
		console_rx_poll();
}

/* console_rx() has room again: deliver what is left, then read on. */
void arch_console_rx_resume(void)
{
	rx_stopped = false;
	s390x_irq_work_raise();
}
