// SPDX-License-Identifier: MIT
/* start_kernel(): bring the machine up in order and start the shell (Linux: init/main.c). */
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/kallsyms.h>
#include <linux/spinlock.h>
#include <scion/init.h>
#include <scion/ktest.h>
#include <scion/sched.h>
#include <scion/shell.h>
#include <scion/time.h>
#include <scion/version.h>
#include <arch.h>

struct boot_info boot_info;

/*
 * Ranges that touch or share a page merge: boot loaders put modules one
 * after the other, page aligned, and there may be more modules than
 * range slots. Out of slots, going on would hand out memory in use.
 */
void boot_reserve(u64 start, u64 end)
{
	struct boot_range *r;
	int i;

	if (end <= start)
		return;
	for (i = 0; i < boot_info.nr_reserved; i++) {
		r = &boot_info.reserved[i];
		if (start <= ALIGN(r->end, PAGE_SIZE) && ALIGN(end, PAGE_SIZE) >= r->start) {
			r->start = min(r->start, start);
			r->end = max(r->end, end);
			return;
		}
	}
	if (boot_info.nr_reserved == BOOT_MAX_RANGES)
		panic("boot: more than %d reserved memory ranges", BOOT_MAX_RANGES);
	boot_info.reserved[boot_info.nr_reserved++] = (struct boot_range){ start, end };
}

void boot_add_ram(u64 start, u64 end)
{
	if (boot_info.nr_ram < BOOT_MAX_RANGES && end > start)
		boot_info.ram[boot_info.nr_ram++] = (struct boot_range){ start, end };
}

void boot_add_module(u64 start, u64 end, const char *name)
{
	struct boot_module *m;

	if (boot_info.nr_modules >= BOOT_MAX_MODULES)
		return;
	m = &boot_info.modules[boot_info.nr_modules++];
	m->start = start;
	m->end = end;
	strscpy(m->name, name ? name : "", sizeof(m->name));
	boot_reserve(start, end);
}

const char linux_banner[] =
	"Scion version " SCION_VERSION " (" SCION_ARCH ") (gcc " __VERSION__ ") #1 PREEMPT\n";

static char ktest_option[256];

static int ktest_param(const char *value)
{
	strscpy(ktest_option, value[0] ? value : "all", sizeof(ktest_option));
	return 0;
}
early_param("ktest", ktest_param);

/* Run the suites named by ktest=a,b (or all). */
static void run_boot_tests(void)
{
	char *names[32], *s = ktest_option, *tok;
	int n = 0;

	if (!ktest_option[0])
		return;
	while ((tok = strsep(&s, ",")) && n < (int)ARRAY_SIZE(names))
		if (*tok)
			names[n++] = tok;
	if (n == 1 && !strcmp(names[0], "all"))
		n = 0;
	ktest_run(n, (const char *const *)names);
}

void do_initcalls(void)
{
	extern const struct initcall __start_initcalls[], __stop_initcalls[];
	const struct initcall *ic;

	for (ic = __start_initcalls; ic < __stop_initcalls; ic++) {
		int err = ic->fn();

		if (err)
			pr_warn("initcall %s returned %d\n", ic->name, err);
	}
}

/* pid 1: finish booting in process context (initcalls may sleep), then run the shell. */
static int kernel_init(void *unused)
{
	do_initcalls();
	run_boot_tests();
	pr_info("Run 'help' for the list of commands.\n");
	shell_main();
}

void start_kernel(void)
{
	struct task_struct *init;
	int i;

	kallsyms_init();		/* %pS names functions from here on */
	arch_early_init();
	parse_boot_params();
	printk(KERN_NOTICE "%s", linux_banner);
	pr_info("Command line: %s\n", boot_info.cmdline);
	pr_info("Booted by %s\n", boot_info.loader ? boot_info.loader : "unknown");
	for (i = 0; i < boot_info.nr_ram; i++)
		pr_info("RAM: [mem 0x%016llx-0x%016llx] usable\n",
			(unsigned long long)boot_info.ram[i].start,
			(unsigned long long)boot_info.ram[i].end - 1);

	page_alloc_init();
	arch_mm_init();
	arch_irq_init(HZ);
	init = create_kernel_task(kernel_init, NULL, "init");
	if (!init)
		panic("cannot create the init task");
	wake_up_process(init);
	local_irq_enable();
	cpu_startup_entry();
}
