/* SPDX-License-Identifier: MIT */
/* CRC-16 as used by XMODEM/YMODEM, implemented in lib/crc16.c. */
#ifndef _LINUX_CRC16_H
#define _LINUX_CRC16_H

#include <linux/types.h>

/*
 * CRC-16/XMODEM: polynomial 0x1021, MSB first, no reflection, no final xor.
 * Start with crc = 0 and feed the result back to continue over more data;
 * crc16_xmodem(0, "123456789", 9) == 0x31c3. (Linux: crc_itu_t() computes
 * the same function.)
 */
u16 crc16_xmodem(u16 crc, const void *buf, size_t len);

#endif
