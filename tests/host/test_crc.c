// SPDX-License-Identifier: MIT
/* Host tests of lib/crc16.c and lib/crc32.c: check values and a bit-at-a-time reference. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "scion_api.h"
#include "tap.h"

static uint16_t ref_crc16_xmodem(uint16_t crc, const unsigned char *p, size_t len)
{
	while (len--) {
		crc ^= (uint16_t)(*p++ << 8);
		for (int i = 0; i < 8; i++)
			crc = crc & 0x8000 ? (uint16_t)(crc << 1) ^ 0x1021 : (uint16_t)(crc << 1);
	}
	return crc;
}

static uint32_t ref_crc32_le(uint32_t crc, const unsigned char *p, size_t len)
{
	while (len--) {
		crc ^= *p++;
		for (int i = 0; i < 8; i++)
			crc = crc & 1 ? (crc >> 1) ^ 0xedb88320 : crc >> 1;
	}
	return crc;
}

static void crc16_check_value(void)
{
	EXPECT(scion_crc16_xmodem(0, "123456789", 9) == 0x31c3);
	EXPECT(scion_crc16_xmodem(0, "", 0) == 0);
	EXPECT(scion_crc16_xmodem(0x1234, "", 0) == 0x1234);
	/* Feeding the result back continues the same CRC. */
	EXPECT(scion_crc16_xmodem(scion_crc16_xmodem(0, "1234", 4), "56789", 5) == 0x31c3);
	/* YMODEM: a block followed by its big-endian CRC leaves 0. */
	unsigned char block[130];
	memset(block, 0x1a, 128);
	uint16_t crc = scion_crc16_xmodem(0, block, 128);
	block[128] = crc >> 8;
	block[129] = crc & 0xff;
	EXPECT(scion_crc16_xmodem(0, block, 130) == 0);
}

static void crc32_check_value(void)
{
	EXPECT((scion_crc32_le(~0U, "123456789", 9) ^ ~0U) == 0xcbf43926);
	EXPECT(scion_crc32_le(0, "", 0) == 0);
	EXPECT((scion_crc32_le(~0U, "The quick brown fox jumps over the lazy dog", 43) ^ ~0U) == 0x414fa339);
	uint32_t part = scion_crc32_le(~0U, "12345", 5);
	EXPECT((scion_crc32_le(part, "6789", 4) ^ ~0U) == 0xcbf43926);
}

static void crc_random_vs_reference(void)
{
	unsigned char buf[1024];

	srand(5);
	for (int round = 0; round < 300; round++) {
		size_t len = rand() % sizeof(buf);
		uint16_t seed16 = rand();
		uint32_t seed32 = ((uint32_t)rand() << 16) ^ rand();

		for (size_t i = 0; i < len; i++)
			buf[i] = rand();
		EXPECT(scion_crc16_xmodem(seed16, buf, len) == ref_crc16_xmodem(seed16, buf, len));
		EXPECT(scion_crc32_le(seed32, buf, len) == ref_crc32_le(seed32, buf, len));
		if (!tap_case_ok)
			return;
	}
}

static const struct tap_case cases[] = {
	TAP_CASE(crc16_check_value),
	TAP_CASE(crc32_check_value),
	TAP_CASE(crc_random_vs_reference),
};

int main(void)
{
	tap_run_cases(cases, sizeof(cases) / sizeof(cases[0]));
	return tap_done();
}
