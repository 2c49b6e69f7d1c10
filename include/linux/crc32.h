/* SPDX-License-Identifier: MIT */
/* CRC-32 (IEEE 802.3, as zlib and gzip), implemented in lib/crc32.c (Linux: include/linux/crc32.h). */
#ifndef _LINUX_CRC32_H
#define _LINUX_CRC32_H

#include <linux/types.h>

/*
 * Reflected polynomial 0xedb88320, least significant bit first. As in Linux
 * there is no pre- or post-inversion here: zlib's crc32(0, p, len) equals
 * ~crc32_le(~0, p, len), and ~crc32_le(~0, "123456789", 9) == 0xcbf43926.
 * To continue a running zlib-style crc c: ~crc32_le(~c, p, len).
 */
u32 crc32_le(u32 crc, const void *p, size_t len);

#endif
