// SPDX-License-Identifier: MIT
/*
 * `modbench <file.ko> [runs]`: load and unload a module runs times and
 * print the median cost of each phase, with the number of name
 * comparisons symbol resolution took per undefined symbol, against
 * log2 of the kernel's export count: resolution stays O(log n).
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <scion/shell.h>
#include <arch.h>
#include "internal.h"

#define MAX_RUNS 64

static int cmp_u64(const void *a, const void *b)
{
	u64 x = *(const u64 *)a, y = *(const u64 *)b;

	return x < y ? -1 : x > y;
}

static u64 median(u64 *v, int n)
{
	sort(v, n, sizeof(*v), cmp_u64, NULL);
	return v[n / 2];
}

static unsigned int log2_ceil(unsigned long n)
{
	unsigned int l = 0;

	while ((1UL << l) < n)
		l++;
	return l;
}

static int cmd_modbench(int argc, char **argv)
{
	static u64 load[MAX_RUNS], resolve[MAX_RUNS], relocate[MAX_RUNS], unload[MAX_RUNS];
	struct module_load_stats last = { 0 };
	char name[MODULE_NAME_LEN];
	unsigned int runs = 5, i;
	unsigned long exports = (__stop___ksymtab - __start___ksymtab) +
				(__stop___ksymtab_gpl - __start___ksymtab_gpl);
	void *buf = NULL;
	ssize_t len;
	int err = 0;

	if (argc < 2 || argc > 3 || (argc == 3 && (kstrtouint(argv[2], 0, &runs) || !runs ||
						    runs > MAX_RUNS)))
		return shell_usage(shell_find("modbench"));
	len = kernel_read_file_from_path(argv[1], &buf, MODULE_MAX_SIZE);
	if (len < 0) {
		shell_eprintf("modbench: %s: %s\n", argv[1], errno_text(len));
		return 1;
	}
	for (i = 0; i < runs && !err; i++) {
		u64 t0;

		err = module_load_image(buf, len, "", argv[1]);
		if (err)
			break;
		last = module_last_load;
		load[i] = last.load_ns;
		resolve[i] = last.resolve_ns;
		relocate[i] = last.relocate_ns;
		strscpy(name, module_name(list_last_entry(&modules, struct module, list)), sizeof(name));
		t0 = arch_clock_ns();
		err = module_delete(name);
		unload[i] = arch_clock_ns() - t0;
	}
	kfree(buf);
	if (err) {
		shell_eprintf("modbench: %s: %s\n", argv[1], errno_text(err));
		return 1;
	}
	shell_printf("modbench: %s: %u runs, %lu undefined symbols, %lu relocations, %u bytes\n",
		     argv[1], runs, last.undefined, last.relocations, last.size);
	shell_printf("modbench: median load %llu us (resolve %llu us, relocate %llu us), unload %llu us\n",
		     (unsigned long long)median(load, runs) / 1000,
		     (unsigned long long)median(resolve, runs) / 1000,
		     (unsigned long long)median(relocate, runs) / 1000,
		     (unsigned long long)median(unload, runs) / 1000);
	shell_printf("modbench: %lu name comparisons, %lu.%lu per symbol; kernel exports %lu, log2 %u\n",
		     last.compares, last.compares / max(last.undefined, 1UL),
		     last.compares * 10 / max(last.undefined, 1UL) % 10, exports, log2_ceil(exports));
	return 0;
}
SHELL_COMMAND("modbench", cmd_modbench, "modbench <file.ko> [runs]",
	      "time loading and unloading a module (median of runs)");
