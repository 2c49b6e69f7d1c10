// SPDX-License-Identifier: MIT
/*
 * The service-call logical processor (SCLP): SERVICE CALL, the wait for its
 * completion, and READ SCP INFO (Linux: drivers/s390/char/sclp.c,
 * sclp_early_core.c). The console on top of it is serial.c.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <arch.h>
#include <asm/s390x.h>
#include "sclp.h"

/*
 * At most one request is in flight: QEMU ORs the parameters of pending
 * service signals together, so two completions would merge into garbage.
 */
static void *volatile sclp_in_flight;
static int sclp_waiting;	/* > 0 while a caller waits in sclp_sync_request() */
bool sclp_event_pending;	/* the SCLP has an event for us (parameter bit 0) */

static u8 sclp_info_sccb[PAGE_SIZE] __aligned(PAGE_SIZE);

/* SERVICE CALL (B220, RRE); cc 0 accepted, 2 busy, 3 not operational. */
static notrace int servc(u32 command, void *sccb)
{
	int cc;

	__asm__ __volatile__(
		"	.insn	rre,0xb2200000,%[cmd],%[sccb]\n"
		"	ipm	%[cc]\n"
		"	srl	%[cc],28\n"
		: [cc] "=d"(cc)
		: [cmd] "d"(command), [sccb] "a"((unsigned long)sccb)
		: "cc", "memory");
	return cc;
}

/*
 * Wait until no request is in flight, so that its SCCB may be reused:
 * an enabled wait with only the service signal unmasked in CR0. Timer
 * interrupts stay pending meanwhile, so this is safe from any context,
 * interrupt handlers included. Context: interrupts off.
 */
notrace void sclp_wait_idle(void)
{
	unsigned long cr0;

	if (!sclp_in_flight)
		return;
	cr0 = cr0_read();
	cr0_write((cr0 & ~CR0_EXTERNAL_SUBMASKS) | CR0_SERVICE_SIGNAL_SUBMASK);
	sclp_waiting++;
	while (sclp_in_flight)
		psw_enabled_wait(PSW_MASK_EXT);
	sclp_waiting--;
	cr0_write(cr0);
}

/*
 * Issue one SCLP command on sccb and wait for its completion.
 * Context: any; interrupts on or off (they are off inside).
 * Return: 0 (the response code is in the SCCB header) or -EIO.
 */
notrace int sclp_sync_request(u32 command, void *sccb)
{
	unsigned long flags = arch_local_irq_save();
	int cc, tries = 0;

	sclp_wait_idle();		/* a request interrupted by this one */
	do {
		sclp_in_flight = sccb;
		cc = servc(command, sccb);
		if (cc)
			sclp_in_flight = NULL;
	} while (cc == 2 && ++tries < 1000);
	if (!cc)
		sclp_wait_idle();
	arch_local_irq_restore(flags);
	return cc ? -EIO : 0;
}

/* True while the CPU waits for an SCLP completion with interrupts logically off. */
notrace bool sclp_busy_waiting(void)
{
	return sclp_waiting > 0;
}

/*
 * The service-signal external interruption: param is the address of the
 * completed SCCB (low 3 bits clear) with bit 0 set when an event (console
 * input) is pending. Context: external interrupt.
 */
notrace void sclp_interrupt(u32 param)
{
	unsigned long sccb = param & ~7UL;

	if (sccb && sccb == (unsigned long)sclp_in_flight)
		sclp_in_flight = NULL;
	if (param & 1) {
		sclp_event_pending = true;
		sclp_console_notify();
	}
}

/*
 * Storage size from READ SCP INFO: rnmax increments of rnsize MiB, or the
 * 64-bit rnmax2/rnsize2 when the short fields are 0. The forced variant
 * first, as Linux does; QEMU accepts both. Return: bytes, 0 if unknown.
 */
u64 sclp_memory_size(void)
{
	static const u32 commands[] = { SCLP_CMDW_READ_SCP_INFO_FORCED, SCLP_CMDW_READ_SCP_INFO };
	struct read_info_sccb *info = (struct read_info_sccb *)sclp_info_sccb;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(commands); i++) {
		u64 rnmax, rnsize;

		memset(info, 0, PAGE_SIZE);
		info->header.length = PAGE_SIZE;
		if (sclp_sync_request(commands[i], info))
			continue;
		if (info->header.response_code != SCLP_RC_NORMAL_READ_COMPLETION)
			continue;
		rnmax = info->rnmax ? info->rnmax : info->rnmax2;
		rnsize = info->rnsize ? info->rnsize : info->rnsize2;
		return (rnmax * rnsize) << 20;
	}
	return 0;
}
