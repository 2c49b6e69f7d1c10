// SPDX-License-Identifier: MIT
/*
 * YMODEM batch receiver, CRC-16 mode, 128- and 1024-byte blocks: the
 * protocol of Forsberg's "XMODEM/YMODEM Protocol Reference" (1988) as
 * lrzsz's sb speaks it, with no I/O of its own (include/scion/ymodem.h).
 *
 *   receiver                         sender (sb)
 *   'C'  (every second)      ->
 *                            <-      block 0: name NUL size mtime mode ...
 *   ACK 'C'                  ->
 *                            <-      block 1, 2, ... (STX: 1 KiB, SOH: 128 B)
 *   ACK  (NAK: send it again) ->
 *                            <-      EOT
 *   NAK                      ->
 *                            <-      EOT
 *   ACK 'C'                  ->
 *                            <-      block 0 of the next file, or an empty one:
 *   ACK                      ->      the batch is over
 *
 * A block: start byte, number, 255 - number, data, CRC-16/XMODEM of the
 * data, high byte first. Two CANs where a block could start cancel.
 */
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/crc16.h>
#include <scion/ymodem.h>

enum {
	RX_HEADER,	/* waiting for block 0 */
	RX_DATA,	/* waiting for the next data block or EOT */
	RX_BLOCK,	/* inside a block; rx->resume is where it started */
	RX_PURGE,	/* after a bad block: until the line is quiet, then NAK */
	RX_OVER,	/* done or aborted: input is ignored */
};

#define HEADER_MS 1000	/* 'C' again after this long without a header */
#define DATA_MS 5000	/* NAK after this long without a block */
#define BYTE_MS 1000	/* inside a block, the sender never pauses this long */
#define PURGE_MS 250	/* quiet this long: the rest of a bad block is gone */

#define FIRST_TRIES 60	/* 'C's before giving up on a sender that never starts */
#define HEADER_TRIES 10	/* the same for the next header of a batch */
#define DATA_TRIES 3	/* silent DATA_MS periods in a row: the sender is gone */
#define MAX_ERRORS 10	/* bad blocks in a row */
#define CAN_COUNT 8	/* the cancel sequence: sb needs two CANs in a row */
#define CTRL_C 0x03

static void reply(struct ymodem_rx *rx, unsigned char c)
{
	if (rx->reply_len < sizeof(rx->reply))
		rx->reply[rx->reply_len++] = c;
}

/* The "send it again" byte: 'C' asks for a header or the first data block. */
static void nak(struct ymodem_rx *rx)
{
	if (rx->resume == RX_HEADER || (rx->seq == 1 && !rx->eot))
		reply(rx, YMODEM_CRC);
	else
		reply(rx, YMODEM_NAK);
}

static enum ymodem_event new_call(struct ymodem_rx *rx)
{
	rx->reply_len = 0;
	rx->data = NULL;
	rx->data_len = 0;
	return YMODEM_NONE;
}

enum ymodem_event ymodem_rx_cancel(struct ymodem_rx *rx, int error)
{
	rx->reply_len = 0;
	while (rx->reply_len < CAN_COUNT)
		reply(rx, YMODEM_CAN);
	rx->error = error;
	rx->state = RX_OVER;
	return YMODEM_ABORT;
}

void ymodem_rx_init(struct ymodem_rx *rx)
{
	memset(rx, 0, sizeof(*rx));
	rx->state = rx->resume = RX_HEADER;
	rx->first = true;
	rx->size = -1;
	reply(rx, YMODEM_CRC);
}

/*
 * A bad block or garbage where a block should start. Context: the rest of
 * a misframed block may still be arriving, so purge before asking again
 * (unless the line is already quiet: @quiet).
 */
static enum ymodem_event bad_block(struct ymodem_rx *rx, bool quiet)
{
	rx->retries++;
	if (++rx->errors >= MAX_ERRORS)
		return ymodem_rx_cancel(rx, -EIO);
	if (quiet) {
		nak(rx);
		rx->state = rx->resume;
	} else {
		rx->state = RX_PURGE;
	}
	return YMODEM_NONE;
}

/* "name\0size mtime mode serial files-left bytes-left", all but the name optional. */
static enum ymodem_event header_block(struct ymodem_rx *rx)
{
	const char *p = (const char *)rx->block + 3, *end = p + rx->len;
	const char *nul = memchr(p, 0, rx->len);
	long long size = -1;

	if (!nul)
		return ymodem_rx_cancel(rx, -EBADMSG);
	if (nul == p) {				/* an empty name: the batch is over */
		reply(rx, YMODEM_ACK);
		rx->state = RX_OVER;
		return YMODEM_DONE;
	}
	if (nul - p >= YMODEM_NAME_MAX)
		return ymodem_rx_cancel(rx, -ENAMETOOLONG);
	memcpy(rx->name, p, nul - p + 1);
	for (p = nul + 1; p < end && *p >= '0' && *p <= '9' && size < (1LL << 50); p++)
		size = (size < 0 ? 0 : size * 10) + (*p - '0');
	rx->size = size;
	rx->received = 0;
	rx->seq = 1;
	rx->eot = false;
	rx->first = false;
	rx->state = rx->resume = RX_DATA;
	reply(rx, YMODEM_ACK);
	reply(rx, YMODEM_CRC);
	return YMODEM_FILE;
}

static enum ymodem_event data_block(struct ymodem_rx *rx, unsigned char seq)
{
	long long left;

	rx->state = RX_DATA;
	/*
	 * The header again: 'C's sent before the sender started (while the
	 * user typed the file name, say) each made sb send it once more.
	 * ACKing the copies would put sb's count of ACKs ahead of the blocks
	 * they answer; the ACK of the first one is on its way.
	 */
	if (seq == 0 && rx->seq == 1)
		return YMODEM_NONE;
	if (seq == (unsigned char)(rx->seq - 1)) {	/* our ACK was lost: again */
		reply(rx, YMODEM_ACK);
		return YMODEM_NONE;
	}
	if (seq != rx->seq)
		return ymodem_rx_cancel(rx, -EBADMSG);
	rx->data = rx->block + 3;
	rx->data_len = rx->len;
	if (rx->size >= 0) {			/* cut off the CP/M padding (0x1a) */
		left = rx->size - rx->received;
		if (left < (long long)rx->data_len)
			rx->data_len = left > 0 ? left : 0;
	}
	rx->received += rx->data_len;
	rx->seq++;
	rx->eot = false;
	rx->blocks++;
	reply(rx, YMODEM_ACK);
	return YMODEM_DATA;
}

/* The whole block is in rx->block. */
static enum ymodem_event end_of_block(struct ymodem_rx *rx)
{
	unsigned char seq = rx->block[1];

	if ((unsigned char)(seq ^ rx->block[2]) != 0xff ||
	    crc16_xmodem(0, rx->block + 3, rx->len + 2) != 0)
		return bad_block(rx, false);
	rx->errors = 0;
	rx->timeouts = 0;
	if (rx->resume == RX_DATA)
		return data_block(rx, seq);
	if (seq != 0)
		return ymodem_rx_cancel(rx, -EBADMSG);
	return header_block(rx);
}

static enum ymodem_event end_of_file(struct ymodem_rx *rx)
{
	if (!rx->eot) {			/* NAK the first EOT: line noise cannot end a file */
		rx->eot = true;
		reply(rx, YMODEM_NAK);
		return YMODEM_NONE;
	}
	if (rx->size >= 0 && rx->received < rx->size)
		return ymodem_rx_cancel(rx, -EBADMSG);
	rx->state = rx->resume = RX_HEADER;
	rx->timeouts = 0;
	reply(rx, YMODEM_ACK);
	reply(rx, YMODEM_CRC);
	return YMODEM_FILE_END;
}

/* A byte where a block may start (RX_HEADER, RX_DATA). */
static enum ymodem_event block_start(struct ymodem_rx *rx, unsigned char c)
{
	bool can = rx->can;

	rx->can = (c == YMODEM_CAN);
	switch (c) {
	case YMODEM_SOH:
	case YMODEM_STX:
		rx->len = c == YMODEM_STX ? 1024 : 128;
		rx->block[0] = c;
		rx->got = 1;
		rx->state = RX_BLOCK;
		return YMODEM_NONE;
	case YMODEM_CAN:
		if (!can)
			return YMODEM_NONE;
		rx->error = -ECANCELED;		/* the sender is gone: nothing to answer */
		rx->state = RX_OVER;
		return YMODEM_ABORT;
	case YMODEM_EOT:
		if (rx->state == RX_DATA)
			return end_of_file(rx);
		if (!rx->first)			/* our ACK of its EOT was lost */
			reply(rx, YMODEM_ACK);
		return YMODEM_NONE;
	case CTRL_C:
		if (rx->first)			/* typed: the user gives up waiting */
			return ymodem_rx_cancel(rx, -EINTR);
		break;
	}
	if (rx->first)				/* keys typed before the sender started */
		return YMODEM_NONE;
	return bad_block(rx, false);
}

enum ymodem_event ymodem_rx_byte(struct ymodem_rx *rx, unsigned char c)
{
	enum ymodem_event ev = new_call(rx);

	switch (rx->state) {
	case RX_HEADER:
	case RX_DATA:
		rx->resume = rx->state;
		return block_start(rx, c);
	case RX_BLOCK:
		rx->block[rx->got++] = c;
		if (rx->got == 3 + rx->len + 2)
			return end_of_block(rx);
		break;
	case RX_PURGE:			/* dropped; the caller's wait starts again */
		break;
	}
	return ev;
}

unsigned int ymodem_rx_timeout_ms(const struct ymodem_rx *rx)
{
	switch (rx->state) {
	case RX_HEADER:
		return HEADER_MS;
	case RX_DATA:
		return DATA_MS;
	case RX_BLOCK:
		return BYTE_MS;
	case RX_PURGE:
		return PURGE_MS;
	}
	return 0;
}

enum ymodem_event ymodem_rx_timeout(struct ymodem_rx *rx)
{
	enum ymodem_event ev = new_call(rx);

	rx->can = false;
	switch (rx->state) {
	case RX_HEADER:
		if (++rx->timeouts >= (rx->first ? FIRST_TRIES : HEADER_TRIES))
			return ymodem_rx_cancel(rx, -ETIMEDOUT);
		reply(rx, YMODEM_CRC);
		break;
	case RX_DATA:
		if (++rx->timeouts >= DATA_TRIES)
			return ymodem_rx_cancel(rx, -ETIMEDOUT);
		nak(rx);
		break;
	case RX_BLOCK:			/* a block cut short */
		return bad_block(rx, true);
	case RX_PURGE:
		nak(rx);
		rx->state = rx->resume;
		break;
	}
	return ev;
}
