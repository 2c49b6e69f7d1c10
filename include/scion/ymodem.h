/* SPDX-License-Identifier: MIT */
/*
 * The receiving side of YMODEM batch transfers (lib/ymodem.c) as a pure
 * state machine: the caller feeds it each byte that arrives and each
 * timeout that expires, and it answers with the bytes to send back and
 * with what arrived. No I/O, no clock, no allocation, no globals: the
 * kernel's rx command drives it over the console (kernel/rx.c), the host
 * tests drive it with crafted streams (tests/host/test_ymodem.c).
 *
 * This header needs only compiler headers, so host tests can include it.
 */
#ifndef _SCION_YMODEM_H
#define _SCION_YMODEM_H

#include <stdbool.h>
#include <stddef.h>

/* Control bytes (Forsberg, "XMODEM/YMODEM Protocol Reference", 1988). */
#define YMODEM_SOH 0x01		/* a 128-byte block follows */
#define YMODEM_STX 0x02		/* a 1024-byte block follows */
#define YMODEM_EOT 0x04		/* end of the file */
#define YMODEM_ACK 0x06
#define YMODEM_NAK 0x15
#define YMODEM_CAN 0x18		/* two in a row: cancel the transfer */
#define YMODEM_CRC 'C'		/* "NAK, and use CRC-16": asks for a header or the first block */

/* Longest file name (with its NUL) the header block may carry. */
#define YMODEM_NAME_MAX 256

/* What a call of ymodem_rx_byte() or ymodem_rx_timeout() produced. */
enum ymodem_event {
	YMODEM_NONE,		/* nothing yet */
	YMODEM_FILE,		/* a header block: ->name, ->size */
	YMODEM_DATA,		/* ->data[0..data_len): the next bytes of the file */
	YMODEM_FILE_END,	/* the file is complete */
	YMODEM_DONE,		/* the empty header: the batch is over */
	YMODEM_ABORT,		/* the transfer failed: ->error */
};

/*
 * One transfer. The public part is valid after an event until the next
 * call; everything below "private" belongs to lib/ymodem.c.
 */
struct ymodem_rx {
	/* Bytes to send back, after handling the event (ymodem_rx_cancel() may replace them). */
	unsigned char reply[16];
	size_t reply_len;

	/* YMODEM_FILE: the name as sent (may hold '/'), the size or -1 if not sent. */
	char name[YMODEM_NAME_MAX];
	long long size;
	/* YMODEM_DATA: the block's bytes, the CP/M padding after ->size cut off. */
	const unsigned char *data;
	size_t data_len;
	/*
	 * YMODEM_ABORT: -ECANCELED (the sender sent CAN CAN), -EINTR (Ctrl-C
	 * before the first block), -ETIMEDOUT (the sender went quiet),
	 * -EIO (too many bad blocks in a row), -EBADMSG (a block out of
	 * sequence, a bad header, a file shorter than its header said),
	 * -ENAMETOOLONG, or what the caller gave ymodem_rx_cancel().
	 */
	int error;
	/* Statistics: bad blocks (each was asked for again), good blocks. */
	unsigned int retries, blocks;

	/* private */
	int state;		/* enum in lib/ymodem.c */
	int resume;		/* the waiting state a block or a purge returns to */
	bool first;		/* no header yet: waiting for the sender to start */
	bool eot;		/* one EOT seen and answered with NAK */
	bool can;		/* the previous byte was a CAN */
	unsigned char seq;	/* the next data block's number (mod 256) */
	unsigned int timeouts;	/* in a row, while waiting */
	unsigned int errors;	/* bad blocks in a row */
	long long received;	/* bytes of the current file handed out */
	size_t got, len;	/* bytes of block[] filled; its data length */
	unsigned char block[3 + 1024 + 2];	/* start byte, seq, ~seq, data, CRC */
};

/* Start a transfer: rx->reply holds the first 'C' to send. */
void ymodem_rx_init(struct ymodem_rx *rx);

/* Feed one received byte. Return: the event; then send rx->reply. */
enum ymodem_event ymodem_rx_byte(struct ymodem_rx *rx, unsigned char c);

/* How long to wait for the next byte before calling ymodem_rx_timeout(), in ms. */
unsigned int ymodem_rx_timeout_ms(const struct ymodem_rx *rx);

/* No byte came within ymodem_rx_timeout_ms(). Return: the event; then send rx->reply. */
enum ymodem_event ymodem_rx_timeout(struct ymodem_rx *rx);

/*
 * Give up (the caller cannot store the file, say): rx->reply becomes the
 * cancel sequence and rx->error @error. Return: YMODEM_ABORT.
 */
enum ymodem_event ymodem_rx_cancel(struct ymodem_rx *rx, int error);

#endif
