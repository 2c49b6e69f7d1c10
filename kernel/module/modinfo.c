// SPDX-License-Identifier: MIT
/*
 * .modinfo: "tag=value" strings separated by NULs (MODULE_LICENSE,
 * MODULE_PARM_DESC, name, vermagic, depends, livepatch, ...). Pure: used
 * by the loader, by modinfo, and on the host. (Linux: get_modinfo() and
 * get_next_modinfo() in kernel/module/main.c.)
 */
#include <linux/kernel.h>
#include <linux/module.h>

const char *module_get_modinfo(const char *modinfo, size_t size, const char *tag, const char *prev)
{
	size_t taglen = strlen(tag), off = 0;

	if (prev)
		off = prev - modinfo;		/* resume after the entry holding prev */
	if (prev) {
		while (off < size && modinfo[off])
			off++;
	}
	while (off < size) {
		const char *p = modinfo + off;
		size_t len = strnlen(p, size - off);

		/* An entry the section's end cuts short is ignored. */
		if (off + len < size && len > taglen && !strncmp(p, tag, taglen) && p[taglen] == '=')
			return p + taglen + 1;
		off += len + 1;
	}
	return NULL;
}
