// SPDX-License-Identifier: MIT
/*
 * Host tests of lib/ymodem.c: a scripted sender plays the byte streams sb
 * sends (headers, 1 KiB and 128-byte blocks, EOT, CAN) with corruption,
 * duplicates, cut-offs and silence, and checks every reply and event.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "scion_api.h"
#include "tap.h"

static int err(const char *name)
{
	for (size_t i = 0; i < scion_errnos_count; i++)
		if (!strcmp(scion_errnos[i].name, name))
			return -scion_errnos[i].value;
	abort();
}

/* The receiver under test and what it produced. */
static struct ymodem_rx rx;
static unsigned char out[1 << 20];	/* the received file bytes */
static size_t out_len;
static char replies[4096];		/* everything it sent back */
static size_t replies_len;
static int files, file_ends, done, aborted;

static void reset(void)
{
	out_len = replies_len = 0;
	files = file_ends = done = aborted = 0;
	scion_ymodem_rx_init(&rx);
	memcpy(replies, rx.reply, rx.reply_len);
	replies_len = rx.reply_len;
}

static void handle(enum ymodem_event ev)
{
	switch (ev) {
	case YMODEM_FILE:
		files++;
		break;
	case YMODEM_DATA:
		memcpy(out + out_len, rx.data, rx.data_len);
		out_len += rx.data_len;
		break;
	case YMODEM_FILE_END:
		file_ends++;
		break;
	case YMODEM_DONE:
		done++;
		break;
	case YMODEM_ABORT:
		aborted++;
		break;
	case YMODEM_NONE:
		break;
	}
	if (replies_len + rx.reply_len < sizeof(replies)) {
		memcpy(replies + replies_len, rx.reply, rx.reply_len);
		replies_len += rx.reply_len;
	}
}

/* Forget the replies so far; the next check looks only at what follows. */
static void clear_replies(void)
{
	replies_len = 0;
}

static bool replied(const char *s)
{
	return replies_len == strlen(s) && !memcmp(replies, s, replies_len);
}

static void feed(const void *buf, size_t len)
{
	const unsigned char *p = buf;

	while (len--)
		handle(scion_ymodem_rx_byte(&rx, *p++));
}

static void timeout(void)
{
	handle(scion_ymodem_rx_timeout(&rx));
}

/* Block @seq of @len (128 or 1024) bytes: @data, padded with 0x1a as sb does. */
static size_t make_block(unsigned char *b, int seq, const void *data, size_t n, size_t len)
{
	uint16_t crc;

	b[0] = len == 1024 ? 0x02 : 0x01;
	b[1] = seq;
	b[2] = 255 - seq;
	memset(b + 3, 0x1a, len);
	memcpy(b + 3, data, n);
	crc = scion_crc16_xmodem(0, b + 3, len);
	b[3 + len] = crc >> 8;
	b[4 + len] = crc & 0xff;
	return len + 5;
}

static void send_block(int seq, const void *data, size_t n, size_t len)
{
	unsigned char b[1029];

	feed(b, make_block(b, seq, data, n, len));
}

/* Block 0 as sb writes it: name, NUL, "size mtime mode 0 files-left bytes-left". */
static void send_header(const char *name, const char *info)
{
	unsigned char data[1024] = { 0 };
	size_t n = strlen(name) + 1, len;

	memcpy(data, name, n);
	if (info)
		memcpy(data + n, info, strlen(info));
	len = n + (info ? strlen(info) : 0) >= 128 ? 1024 : 128;
	send_block(0, data, len, len);
}

static void send_byte(unsigned char c)
{
	feed(&c, 1);
}

static unsigned char file[200000];

static void make_file(size_t n, unsigned int seed)
{
	srand(seed);
	for (size_t i = 0; i < n; i++)
		file[i] = rand();
}

/* The data blocks of file[0..n) as sb -k sends them: 1 KiB, then 128 B for the last 896 bytes. */
static void send_data(size_t n, int first_seq)
{
	size_t sent = 0;
	int seq = first_seq;

	while (sent < n) {
		size_t len = n <= sent + 896 ? 128 : 1024;
		size_t take = n - sent < len ? n - sent : len;

		send_block(seq++ & 0xff, file + sent, take, len);
		sent += take;
	}
}

static void send_eot(void)
{
	send_byte(0x04);
	send_byte(0x04);
}

static void send_end_of_batch(void)
{
	unsigned char zero[128] = { 0 };

	send_block(0, zero, 128, 128);
}

static void one_file_transfer(void)
{
	size_t n = 100 * 1024 + 77;

	reset();
	EXPECT(replied("C"));
	EXPECT(scion_ymodem_rx_timeout_ms(&rx) > 0);
	make_file(n, 1);
	clear_replies();
	send_header("hello.ko", "102477 14735312345 100644 0 1 102477");
	EXPECT(files == 1);
	EXPECT(!strcmp(rx.name, "hello.ko"));
	EXPECT(rx.size == (long long)n);
	EXPECT(replied("\x06" "C"));
	clear_replies();
	send_data(n, 1);
	EXPECT(out_len == n && !memcmp(out, file, n));
	EXPECT(replies_len == rx.blocks);
	EXPECT(memchr(replies, 0x15, replies_len) == NULL);
	clear_replies();
	send_byte(0x04);
	EXPECT(replied("\x15"));		/* the first EOT is NAKed */
	EXPECT(file_ends == 0);
	send_byte(0x04);
	EXPECT(file_ends == 1);
	EXPECT(replied("\x15\x06" "C"));
	clear_replies();
	send_end_of_batch();
	EXPECT(done == 1 && aborted == 0);
	EXPECT(replied("\x06"));
	EXPECT(rx.retries == 0);
	EXPECT(scion_ymodem_rx_timeout_ms(&rx) == 0);
	/* Over: input is ignored. */
	send_byte(0x02);
	EXPECT(rx.reply_len == 0);
}

static void batch_of_two_files_and_an_empty_one(void)
{
	reset();
	make_file(3000, 2);
	send_header("a.bin", "3000 0 100644 0 3 4000");
	send_data(3000, 1);
	send_eot();
	EXPECT(out_len == 3000 && !memcmp(out, file, 3000));
	send_header("empty", "0 0 100644 0 2 1000");
	EXPECT(files == 2 && rx.size == 0);
	send_eot();
	send_header("b.bin", "1000 0 100644 0 1 1000");
	send_data(1000, 1);
	send_eot();
	send_end_of_batch();
	EXPECT(files == 3 && file_ends == 3 && done == 1 && !aborted);
	EXPECT(out_len == 4000 && !memcmp(out + 3000, file, 1000));
}

/* Block numbers wrap at 256: a 300 KiB file. */
static void block_numbers_wrap(void)
{
	static unsigned char big[300 * 1024];

	reset();
	srand(3);
	for (size_t i = 0; i < sizeof(big); i++)
		big[i] = rand();
	send_header("big", "307200");
	for (int i = 0; i < 300; i++)
		send_block((i + 1) & 0xff, big + i * 1024, 1024, 1024);
	send_eot();
	send_end_of_batch();
	EXPECT(done == 1 && !aborted && rx.blocks == 300);
	EXPECT(out_len == sizeof(big) && !memcmp(out, big, sizeof(big)));
}

/* A flipped bit in the data, the CRC or the block number: NAK after the purge, then the block again. */
static void corrupted_blocks_are_asked_for_again(void)
{
	unsigned char b[1029];
	static const size_t where[] = { 3 + 500, 1027, 2, 1 };

	for (size_t i = 0; i < sizeof(where) / sizeof(where[0]); i++) {
		reset();
		make_file(2048, 4);
		send_header("x", "2048");
		send_block(1, file, 1024, 1024);
		clear_replies();
		make_block(b, 2, file + 1024, 1024, 1024);
		b[where[i]] ^= 0x10;
		feed(b, sizeof(b));
		EXPECT(out_len == 1024);		/* nothing of the bad block */
		EXPECT(replies_len == 0);		/* quiet until the line is */
		timeout();
		EXPECT(replied("\x15"));
		EXPECT(rx.retries == 1);
		send_block(2, file + 1024, 1024, 1024);
		send_eot();
		send_end_of_batch();
		EXPECT(done == 1 && !aborted);
		EXPECT(out_len == 2048 && !memcmp(out, file, 2048));
	}
}

/* STX turned into SOH: the block is misframed; its rest is purged. */
static void misframed_block_is_purged(void)
{
	unsigned char b[1029];

	reset();
	make_file(1024, 5);
	send_header("x", "1024");
	clear_replies();
	make_block(b, 1, file, 1024, 1024);
	b[0] = 0x01;
	feed(b, sizeof(b));
	EXPECT(out_len == 0 && replies_len == 0);
	timeout();				/* the purge ends */
	EXPECT(replied("C"));			/* block 1 still wanted: 'C' */
	send_block(1, file, 1024, 1024);
	send_eot();
	send_end_of_batch();
	EXPECT(done == 1 && out_len == 1024 && !memcmp(out, file, 1024));
}

/* A block sent twice (our ACK lost) is ACKed again, its data not repeated. */
static void duplicate_block_is_acked_and_dropped(void)
{
	reset();
	make_file(2048, 6);
	send_header("x", "2048");
	send_block(1, file, 1024, 1024);
	clear_replies();
	send_block(1, file, 1024, 1024);
	EXPECT(replied("\x06"));
	EXPECT(out_len == 1024);
	send_block(2, file + 1024, 1024, 1024);
	EXPECT(out_len == 2048 && !memcmp(out, file, 2048));
}

/* 'C's queued before sb started make it repeat the header; copies get no answer. */
static void repeated_header_gets_no_answer(void)
{
	reset();
	make_file(1000, 7);
	send_header("x", "1000");
	clear_replies();
	send_header("x", "1000");
	send_header("x", "1000");
	EXPECT(replies_len == 0 && files == 1);
	send_data(1000, 1);
	send_eot();
	send_end_of_batch();
	EXPECT(done == 1 && out_len == 1000 && !memcmp(out, file, 1000));
}

static void sender_cancels(void)
{
	reset();
	make_file(4096, 8);
	send_header("x", "4096");
	send_block(1, file, 1024, 1024);
	send_byte(0x18);
	EXPECT(!aborted);			/* one CAN is line noise */
	clear_replies();
	send_byte(0x18);
	EXPECT(aborted == 1 && rx.error == err("ECANCELED"));
	EXPECT(replies_len == 0);
	EXPECT(scion_ymodem_rx_timeout_ms(&rx) == 0);
}

/* CAN CAN inside a block is data. */
static void can_inside_a_block_is_data(void)
{
	unsigned char data[1024];

	reset();
	memset(data, 0x18, sizeof(data));
	send_header("x", "1024");
	send_block(1, data, 1024, 1024);
	send_eot();
	send_end_of_batch();
	EXPECT(done == 1 && !aborted && out_len == 1024 && !memcmp(out, data, 1024));
}

/* The sender dies: in a block, then silence; the receiver gives up and cancels. */
static void sender_goes_quiet(void)
{
	unsigned char b[1029];
	int n = 0;

	reset();
	make_file(4096, 9);
	send_header("x", "4096");
	make_block(b, 1, file, 1024, 1024);
	feed(b, 600);
	clear_replies();
	timeout();				/* the block is cut short */
	EXPECT(replied("C"));
	while (!aborted && n++ < 100)
		timeout();
	EXPECT(aborted == 1 && rx.error == err("ETIMEDOUT"));
	EXPECT(n >= 2 && n <= 10);
	EXPECT(rx.reply_len >= 2 && rx.reply[0] == 0x18 && rx.reply[1] == 0x18);
	EXPECT(out_len == 0);
}

/* Before the sender starts: a 'C' per timeout for a minute; keys are ignored, Ctrl-C cancels. */
static void waiting_for_the_sender(void)
{
	int n = 0;

	reset();
	EXPECT(scion_ymodem_rx_timeout_ms(&rx) == 1000);
	clear_replies();
	feed("ls\r", 3);
	EXPECT(replies_len == 0 && !aborted);
	while (!aborted && n++ < 1000)
		timeout();
	EXPECT(aborted == 1 && rx.error == err("ETIMEDOUT"));
	EXPECT(n == 60);
	EXPECT(replies_len >= 59 + 2 && !memcmp(replies, "CCCCCCCCCC", 10));

	reset();
	timeout();
	send_byte(0x03);
	EXPECT(aborted == 1 && rx.error == err("EINTR"));
	EXPECT(rx.reply_len > 0 && rx.reply[0] == 0x18);

	reset();
	send_byte(0x18);
	send_byte(0x18);
	EXPECT(aborted == 1 && rx.error == err("ECANCELED"));
}

static void file_shorter_than_its_header_says(void)
{
	reset();
	make_file(2048, 10);
	send_header("x", "4096");
	send_data(2048, 1);
	send_eot();
	EXPECT(aborted == 1 && rx.error == err("EBADMSG") && file_ends == 0);
}

static void block_out_of_sequence(void)
{
	reset();
	make_file(4096, 11);
	send_header("x", "4096");
	send_block(1, file, 1024, 1024);
	send_block(3, file + 2048, 1024, 1024);
	EXPECT(aborted == 1 && rx.error == err("EBADMSG"));
	EXPECT(out_len == 1024);
}

static void too_many_errors(void)
{
	unsigned char b[1029];
	int n = 0;

	reset();
	make_file(1024, 12);
	send_header("x", "1024");
	make_block(b, 1, file, 1024, 1024);
	b[100] ^= 1;
	while (!aborted && n++ < 100) {
		feed(b, sizeof(b));
		timeout();
	}
	EXPECT(aborted == 1 && rx.error == err("EIO") && n == 10);
}

/* No size in the header: every block is data, padding included. */
static void header_without_size(void)
{
	reset();
	make_file(100, 13);
	send_header("nosize", NULL);
	EXPECT(files == 1 && rx.size == -1);
	send_block(1, file, 100, 128);
	send_eot();
	send_end_of_batch();
	EXPECT(done == 1 && out_len == 128 && !memcmp(out, file, 100) && out[100] == 0x1a);
}

static void long_names(void)
{
	char name[400];

	reset();
	memset(name, 'n', 255);
	name[255] = 0;
	send_header(name, "1");			/* a 1 KiB header block */
	EXPECT(files == 1 && strlen(rx.name) == 255);

	reset();
	memset(name, 'n', 300);
	name[300] = 0;
	send_header(name, "1");
	EXPECT(aborted == 1 && rx.error == err("ENAMETOOLONG"));
}

static void caller_cancels(void)
{
	reset();
	send_header("x", "99999999999");
	EXPECT(files == 1);
	EXPECT(scion_ymodem_rx_cancel(&rx, err("EFBIG")) == YMODEM_ABORT);
	EXPECT(rx.error == err("EFBIG"));
	EXPECT(rx.reply_len >= 2 && rx.reply[0] == 0x18 && rx.reply[1] == 0x18);
	EXPECT(scion_ymodem_rx_timeout_ms(&rx) == 0);
}

/* Random bytes and timeouts: no crash, no out-of-bounds, no endless wait. */
static void random_input(void)
{
	srand(14);
	for (int round = 0; round < 200; round++) {
		int steps = 0;

		reset();
		while (!aborted && !done && steps++ < 100000) {
			if (rand() % 64 == 0)
				timeout();
			else
				send_byte(rand() % 8 == 0 ? 0x01 + rand() % 4 : rand());
			if (rx.data_len > 1024)
				tap_case_ok = false;
		}
		EXPECT(aborted || done);
	}
}

static const struct tap_case cases[] = {
	TAP_CASE(one_file_transfer),
	TAP_CASE(batch_of_two_files_and_an_empty_one),
	TAP_CASE(block_numbers_wrap),
	TAP_CASE(corrupted_blocks_are_asked_for_again),
	TAP_CASE(misframed_block_is_purged),
	TAP_CASE(duplicate_block_is_acked_and_dropped),
	TAP_CASE(repeated_header_gets_no_answer),
	TAP_CASE(sender_cancels),
	TAP_CASE(can_inside_a_block_is_data),
	TAP_CASE(sender_goes_quiet),
	TAP_CASE(waiting_for_the_sender),
	TAP_CASE(file_shorter_than_its_header_says),
	TAP_CASE(block_out_of_sequence),
	TAP_CASE(too_many_errors),
	TAP_CASE(header_without_size),
	TAP_CASE(long_names),
	TAP_CASE(caller_cancels),
	TAP_CASE(random_input),
};

int main(void)
{
	tap_run_cases(cases, sizeof(cases) / sizeof(cases[0]));
	return tap_done();
}
