// SPDX-License-Identifier: MIT
/*
 * CRC-16/XMODEM for YMODEM blocks: polynomial x^16 + x^12 + x^5 + 1 (0x1021),
 * most significant bit first, four bits per step from a 16-entry table.
 */
#include <linux/crc16.h>

/* crc16_nibble[n] = the CRC register after shifting nibble n out of the top. */
static const u16 crc16_nibble[16] = {
	0x0000, 0x1021, 0x2042, 0x3063, 0x4084, 0x50a5, 0x60c6, 0x70e7,
	0x8108, 0x9129, 0xa14a, 0xb16b, 0xc18c, 0xd1ad, 0xe1ce, 0xf1ef,
};

u16 crc16_xmodem(u16 crc, const void *buf, size_t len)
{
	const u8 *p = buf;

	while (len--) {
		crc ^= (u16)(*p++ << 8);
		crc = (u16)(crc << 4) ^ crc16_nibble[crc >> 12];
		crc = (u16)(crc << 4) ^ crc16_nibble[crc >> 12];
	}
	return crc;
}
