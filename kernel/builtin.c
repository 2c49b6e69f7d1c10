// SPDX-License-Identifier: MIT
/* The shell's basic commands: help, echo, dmesg, uptime, version, poweroff, reboot, crash. */
#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <scion/console.h>
#include <scion/printk.h>
#include <scion/shell.h>
#include <scion/time.h>
#include <scion/version.h>
#include <arch.h>

static int cmd_help(int argc, char **argv)
{
	extern const struct shell_command __start_shell_cmds[], __stop_shell_cmds[];
	const struct shell_command *c;

	if (argc > 2)
		return shell_usage(shell_find("help"));
	if (argc == 2) {
		c = shell_find(argv[1]);
		if (!c) {
			shell_printf("help: no such command: %s\n", argv[1]);
			return 1;
		}
		shell_printf("usage: %s\n  %s\n", c->usage, c->help);
		return 0;
	}
	for (c = __start_shell_cmds; c < __stop_shell_cmds; c++)
		shell_printf("  %-24s %s\n", c->usage, c->help);
	return 0;
}
SHELL_COMMAND("help", cmd_help, "help [command]", "list the commands, or describe one");

static int cmd_echo(int argc, char **argv)
{
	bool newline = true;
	int i = 1;

	if (argc > 1 && !strcmp(argv[1], "-n")) {
		newline = false;
		i++;
	}
	for (; i < argc; i++) {
		shell_puts(argv[i]);
		if (i + 1 < argc)
			shell_puts(" ");
	}
	if (newline)
		shell_puts("\n");
	return 0;
}
SHELL_COMMAND("echo", cmd_echo, "echo [-n] [text...]", "print the arguments");

static void dmesg_print(void)
{
	static char buf[4096];
	u64 seq = log_seq_first_unread();
	size_t n;

	while ((n = log_read(&seq, buf, sizeof(buf), LOGLEVEL_DEBUG)))
		shell_write(buf, n);
}

static int cmd_dmesg(int argc, char **argv)
{
	int level;

	if (argc == 1) {
		dmesg_print();
		return 0;
	}
	if (argc == 2 && !strcmp(argv[1], "-c")) {
		dmesg_print();
		log_clear();
		return 0;
	}
	if (argc == 2 && !strcmp(argv[1], "-C")) {
		log_clear();
		return 0;
	}
	if (argc == 3 && !strcmp(argv[1], "-n")) {
		if (kstrtoint(argv[2], 10, &level) || level < 1 || level > 8) {
			shell_printf("dmesg: bad console level: '%s'\n", argv[2]);
			return 1;
		}
		console_loglevel = level;
		return 0;
	}
	if (argv[1][0] == '-' && strcmp(argv[1], "-n"))
		shell_printf("dmesg: invalid option -- '%s'\n", argv[1] + 1);
	else
		shell_printf("dmesg: bad arguments\n");
	return 1;
}
SHELL_COMMAND("dmesg", cmd_dmesg, "dmesg [-c | -C | -n level]",
	      "print the kernel log; -c also clears it, -C only clears, -n sets the console level");

static int cmd_uptime(int argc, char **argv)
{
	u64 ns = ktime_get_ns();

	if (argc != 1)
		return shell_usage(shell_find("uptime"));
	shell_printf("up %llu.%06llu s, %lu ticks at %d Hz\n", (unsigned long long)(ns / NSEC_PER_SEC),
		       (unsigned long long)(ns % NSEC_PER_SEC / 1000), jiffies, HZ);
	return 0;
}
SHELL_COMMAND("uptime", cmd_uptime, "uptime", "time since boot and timer ticks");

static int cmd_version(int argc, char **argv)
{
	shell_puts(linux_banner);
	return 0;
}
SHELL_COMMAND("version", cmd_version, "version", "print the kernel version banner");

static int cmd_poweroff(int argc, char **argv)
{
	printk(KERN_EMERG "reboot: Power down\n");
	arch_poweroff();
}
SHELL_COMMAND("poweroff", cmd_poweroff, "poweroff", "turn the machine off (QEMU exits with status 0)");

static int cmd_reboot(int argc, char **argv)
{
	printk(KERN_EMERG "reboot: Restarting system\n");
	arch_reboot();
}
SHELL_COMMAND("reboot", cmd_reboot, "reboot", "reset the machine");

/*
 * What "crash text", "crash rodata" and "crash exec" aim at: a kernel
 * function, a const object, a buffer in .bss. crash_target() has no
 * fentry site and is position-independent on both arches, so a copy of
 * its bytes runs wherever code may run at all.
 */
static noinline notrace int crash_target(void)
{
	return 42;
}
static const int crash_rodata = 42;
static u8 crash_code[64] __aligned(16);

/*
 * Store back the byte at p: harmless where the store goes through, which
 * it must not (arch_mm_init() maps the image W^X), so say so and fail.
 */
static noinline int crash_store(const char *what, volatile u8 *p)
{
	pr_info("crash: writing to %s at %px\n", what, p);
	*p = *p;
	pr_err("crash: the store to %s at %px was not stopped\n", what, p);
	return 1;
}

/* Call a copy of crash_target() in data, which must not run. */
static noinline int crash_exec(void)
{
	int (*fn)(void) = (int (*)(void))(void *)crash_code;
	int ret;

	memcpy(crash_code, (const void *)crash_target, sizeof(crash_code));
	pr_info("crash: calling a copy of crash_target in data at %px\n", fn);
	ret = fn();
	pr_err("crash: the call into data at %px was not stopped (it returned %d)\n", fn, ret);
	return 1;
}

/*
 * Store len bytes below the stack pointer the prologue checked: as a
 * large alloca does, and as an interruption deep on the stack would, so
 * s390x's prologue stack check (arch.mk) never sees it; only the guard
 * page below the stack can stop the store. Nothing is called while the
 * stack pointer is down there.
 */
static noinline notrace int crash_guard_store(unsigned long len)
{
	volatile u8 *p = __builtin_alloca(len);

	p[0] = 0;
	return p[0];
}

/* Store into the middle of current's guard page, the page below its stack. */
static noinline int crash_guard(void)
{
	unsigned long lo = current->stack_lo, hi = current->stack_hi;
	unsigned long sp = (unsigned long)__builtin_frame_address(0);

	if (!hi)			/* the idle task, on the boot stack */
		arch_boot_stack(&lo, &hi);
	pr_info("crash: storing into the stack guard page at %px\n", (void *)(lo - PAGE_SIZE));
	crash_guard_store(sp - lo + PAGE_SIZE / 2);
	pr_err("crash: the store into the stack guard page at %px was not stopped\n",
	       (void *)(lo - PAGE_SIZE));
	return 1;
}

/* Deliberate faults, to see (and test) what an oops or a WARN looks like. */
static int cmd_crash(int argc, char **argv)
{
	volatile int zero = 0;

	if (argc != 2)
		return shell_usage(shell_find("crash"));
	if (!strcmp(argv[1], "null")) {
		/* A write: with DAT off (s390x) only stores to page 0 fault. */
		*(volatile int *)(unsigned long)zero = 0;
		return 0;
	}
	if (!strcmp(argv[1], "panic"))
		panic("crash command");
	if (!strcmp(argv[1], "warn")) {
		WARN(1, "crash command\n");
		return 0;
	}
	if (!strcmp(argv[1], "stack"))
		return cmd_crash(argc, argv) + zero;
	if (!strcmp(argv[1], "guard"))
		return crash_guard();
	if (!strcmp(argv[1], "text"))
		return crash_store("kernel text", (volatile u8 *)crash_target);
	if (!strcmp(argv[1], "rodata"))
		return crash_store("kernel read-only data", (volatile u8 *)&crash_rodata);
	if (!strcmp(argv[1], "exec"))
		return crash_exec();
	shell_printf("crash: unknown fault '%s' (null, panic, warn, stack, guard, text, rodata or exec)\n",
		     argv[1]);
	return 1;
}
SHELL_COMMAND("crash", cmd_crash, "crash null|panic|warn|stack|guard|text|rodata|exec",
	      "fault on purpose: NULL dereference, panic, WARN, stack overflow, a store into "
	      "the stack guard page, a store into kernel text or read-only data, a call into data");
