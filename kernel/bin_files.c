// SPDX-License-Identifier: MIT
/*
 * /bin: install the user programs built into the kernel image (user/,
 * embedded by $(O)/user/programs.o) as ramfs files, without copying them.
 * Linux has no counterpart; it is the part of an initramfs that Scion needs.
 */
#define pr_fmt(fmt) "bin: " fmt

#include <linux/fs.h>
#include <linux/kernel.h>
#include <scion/embedded.h>
#include <scion/init.h>

/*
 * An fs_initcall: /bin exists from the VFS's core_initcall on, and user
 * processes start only after the initcalls. A program that cannot be
 * installed is reported and skipped; boot goes on.
 */
static int bin_files_init(void)
{
	char path[NAME_MAX + 8];
	unsigned long i;
	int err, installed = 0;

	for (i = 0; i < nr_embedded_programs; i++) {
		const struct embedded_file *f = &embedded_programs[i];

		snprintf(path, sizeof(path), "/bin/%s", f->name);
		err = ramfs_add_static_file(path, f->data, f->size, 0755);
		if (err) {
			pr_warn("%s: %s\n", path, errno_text(err));
			continue;
		}
		installed++;
	}
	pr_info("%d programs in /bin\n", installed);
	return 0;
}
fs_initcall(bin_files_init);
