/* SPDX-License-Identifier: MIT */
/*
 * SCLP data structures shared by sclp.c and serial.c (Linux:
 * drivers/s390/char/sclp.h). All fields are big-endian, as the CPU is.
 */
#ifndef _S390X_SCLP_H
#define _S390X_SCLP_H

#include <linux/kernel.h>

#define SCLP_CMDW_READ_SCP_INFO		0x00020001
#define SCLP_CMDW_READ_SCP_INFO_FORCED	0x00120001
#define SCLP_CMD_READ_EVENT_DATA	0x00770005
#define SCLP_CMD_WRITE_EVENT_DATA	0x00760005
#define SCLP_CMD_WRITE_EVENT_MASK	0x00780005

#define SCLP_RC_NORMAL_READ_COMPLETION	0x0010
#define SCLP_RC_NORMAL_COMPLETION	0x0020
#define SCLP_RC_NO_EVENT_BUFFERS_STORED	0x60f0

/* Event type 0x1a: the VT220/ASCII console; mask bit = 0x80000000 >> (type - 1). */
#define EVTYP_VT220MSG			0x1a
#define EVTYP_VT220MSG_MASK		0x00000040

/* SCCB control mask byte 2: the SCLP may shorten header.length to what it stored. */
#define SCLP_VARIABLE_LENGTH_RESPONSE	0x80

/* Service-call control block header. */
struct sccb_header {
	u16 length;
	u8 function_code;
	u8 control_mask[3];
	u16 response_code;
} __packed;

/* Header of one event buffer inside a READ/WRITE EVENT DATA SCCB. */
struct evbuf_header {
	u16 length;		/* header and data */
	u8 type;
	u8 flags;
	u16 reserved;
} __packed;

/* WRITE EVENT MASK with 4-byte masks: what we receive and send. */
struct init_sccb {
	struct sccb_header header;
	u16 reserved;
	u16 mask_length;
	u32 receive_mask;	/* event types we accept (console input) */
	u32 send_mask;		/* event types we send (console output) */
	u32 sclp_receive_mask;	/* returned: what the SCLP accepts */
	u32 sclp_send_mask;	/* returned: what the SCLP can send */
} __packed;

/* The start of the READ SCP INFO response (QEMU: include/hw/s390x/sclp.h ReadInfo). */
struct read_info_sccb {
	struct sccb_header header;
	u16 rnmax;		/*   8: storage increments, 0 = see rnmax2 */
	u8 rnsize;		/*  10: increment size in MiB, 0 = see rnsize2 */
	u8 reserved1[89];
	u32 rnsize2;		/* 100 */
	u64 rnmax2;		/* 104 */
} __packed;

static_assert(sizeof(struct init_sccb) == 28);
static_assert(offsetof(struct read_info_sccb, rnsize2) == 100);
static_assert(offsetof(struct read_info_sccb, rnmax2) == 104);

#endif
