// SPDX-License-Identifier: MIT
/*
 * Livepatch test: a patch that uses what the kernel does not export, the
 * way a real fix does: a static function, a static function whose name
 * two files use (picked by position), an unexported global and static
 * read-only data (kernel/kallsyms_test*.c has them all). tools/klp-convert
 * makes them .klp.rela.vmlinux.* relocations, which the loader applies
 * before init runs: init already calls them. /proc/cmdline then shows
 * the same results from the new cmdline_proc_show().
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/seq_file.h>

/* All of kernel/kallsyms_test.c, none exported. */
extern int kallsyms_test_target(int x);		/* static: 3 * x + 1 */
extern int kallsyms_test_dup(void);		/* static, twice: the second returns 2 */
extern int kallsyms_test_data;			/* a global, 1 */
extern const char kallsyms_test_rodata[32];	/* static */

KLP_MODULE_RELOC(vmlinux) = { KLP_SYMPOS(kallsyms_test_dup, 2) };

/* What the kernel's statics say, in one line. */
static void report(char *buf, size_t size)
{
	snprintf(buf, size,
		 "kallsyms_test_target(13) = %d, kallsyms_test_dup,2 = %d, kallsyms_test_data = %d, kallsyms_test_rodata = '%s'",
		 kallsyms_test_target(13), kallsyms_test_dup(), kallsyms_test_data,
		 kallsyms_test_rodata);
}

static int livepatch_cmdline_proc_show(struct seq_file *m, void *v)
{
	char line[160];

	report(line, sizeof(line));
	seq_printf(m, "%s: %s\n", THIS_MODULE->name, line);
	return 0;
}

static struct klp_func funcs[] = {
	{ .old_name = "cmdline_proc_show", .new_func = livepatch_cmdline_proc_show },
	{}
};

static struct klp_object objs[] = {
	{ .funcs = funcs },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};

static int test_klp_static_call_init(void)
{
	char line[160];

	report(line, sizeof(line));
	pr_info("%s\n", line);
	return klp_enable_patch(&patch);
}

static void test_klp_static_call_exit(void)
{
}

module_init(test_klp_static_call_init);
module_exit(test_klp_static_call_exit);
MODULE_LICENSE("GPL");
MODULE_INFO(livepatch, "Y");
MODULE_DESCRIPTION("Livepatch test: calls of static kernel functions (klp-convert)");
