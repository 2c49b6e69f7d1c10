// SPDX-License-Identifier: MIT
/*
 * crc32: the zlib CRC-32 and size of files, to check what rx received
 * against the host's copy (python3 -c 'import zlib; ...', or `crc32` of
 * libarchive-zip-perl) without sending binary data over the console.
 */
#include <linux/kernel.h>
#include <linux/crc32.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <scion/shell.h>

#define CRC_CHUNK 4096

/* ~crc32_le(~0, ...) over the whole file: zlib's crc32(). */
static int file_crc32(const char *path, u32 *crc, loff_t *size)
{
	struct file *file = filp_open(path, O_RDONLY, 0);
	ssize_t n;
	u8 *buf;

	if (IS_ERR(file))
		return PTR_ERR(file);
	buf = kmalloc(CRC_CHUNK, GFP_KERNEL);
	if (!buf) {
		filp_close(file);
		return -ENOMEM;
	}
	*crc = ~0U;
	*size = 0;
	while ((n = kernel_read(file, buf, CRC_CHUNK, NULL)) > 0) {
		*crc = crc32_le(*crc, buf, n);
		*size += n;
	}
	*crc = ~*crc;
	kfree(buf);
	filp_close(file);
	return n < 0 ? n : 0;
}

static int cmd_crc32(int argc, char **argv)
{
	int i, ret = 0;

	if (argc < 2)
		return shell_usage(shell_find("crc32"));
	for (i = 1; i < argc; i++) {
		loff_t size = 0;
		u32 crc = 0;
		int err = file_crc32(argv[i], &crc, &size);

		if (err) {
			shell_eprintf("crc32: %s: %s\n", argv[i], errno_text(err));
			ret = 1;
			continue;
		}
		shell_printf("%08x %lld %s\n", crc, (long long)size, argv[i]);
	}
	return ret;
}
SHELL_COMMAND("crc32", cmd_crc32, "crc32 path...",
	      "print the zlib CRC-32 and size of files (to check what rx received)");
