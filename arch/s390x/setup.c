// SPDX-License-Identifier: MIT
/*
 * s390x start-up: boot data from QEMU's IPL conventions and SCLP, and the
 * CPU-level arch hooks (Linux: arch/s390/kernel/setup.c, ipl.c).
 */
#include <linux/kernel.h>
#include <scion/init.h>
#include <arch.h>
#include <asm/elf.h>
#include <asm/s390x.h>

const char arch_name[] = "s390x";

extern char _text[], _end[];
extern char boot_stack_bottom[], boot_stack_top[];

void start_kernel(void);

/*
 * Where QEMU puts the boot parameters of a Linux-style image (entry
 * 0x10000; hw/s390x/ipl.h): the initrd's start and size, the command line
 * (NUL-terminated). kernel.lds.S keeps 0x10400-0x10fff for them.
 */
#define IPL_INITRD_START	0x10408
#define IPL_INITRD_SIZE		0x10410
#define IPL_COMMAND_LINE	0x10480
#define IPL_PARM_AREA_END	0x11000

static void parse_ipl_parameters(u64 ram)
{
	u64 initrd = *(const u64 *)IPL_INITRD_START, size = *(const u64 *)IPL_INITRD_SIZE;
	u64 bios;

	boot_info.loader = "QEMU -kernel (s390x IPL)";
	strscpy(boot_info.cmdline, (const char *)IPL_COMMAND_LINE,
		min_t(size_t, sizeof(boot_info.cmdline), IPL_PARM_AREA_END - IPL_COMMAND_LINE));
	if (size && initrd + size <= ram)
		boot_add_module(initrd, initrd + size, "initrd");

	/* One range from the lowcore (0-0x1fff) to the end of the parameter area. */
	boot_reserve(0, IPL_PARM_AREA_END);
	boot_reserve(__pa_symbol(_text), __pa_symbol(_end));
	/*
	 * QEMU loads its s390-ccw.img BIOS 2 MiB below min(RAM, 2 GiB),
	 * 64 KiB aligned, even with -kernel, where it never runs. Reserved
	 * anyway, for 2 MiB: no page we hand out is one QEMU registered as
	 * a ROM blob, whatever it does with those (rewrites them on reset).
	 */
	if (ram > (4 << 20)) {
		bios = (min_t(u64, ram, 2ULL << 30) - (2 << 20)) & ~0xffffULL;
		boot_reserve(bios, min_t(u64, bios + (2 << 20), ram));
	}
}

void arch_early_init(void)
{
	u64 ram;

	/* Stores to 0-511 and 4096-4607 now fault (PoP ch. 3, "Low-Address Protection"). */
	cr0_write(cr0_read() | CR0_LOW_ADDRESS_PROTECTION);
	sclp_console_init();
	ram = sclp_memory_size();
	if (!ram)
		panic("sclp: READ SCP INFO failed: storage size unknown");
	/* Above USER_BASE the kernel's home space has a process's pages (mm.c). */
	if (ram > USER_BASE)
		pr_notice("memory: %llu MiB above %lu MiB not used: user space is there\n",
			  (unsigned long long)(ram - USER_BASE) >> 20, USER_BASE >> 20);
	boot_add_ram(0, min_t(u64, ram, USER_BASE));
	parse_ipl_parameters(ram);
}

/*
 * An enabled wait (ext interrupts only; I/O stays masked). The PSW swap
 * enables and waits in one step, so no wake-up is lost, and
 * do_ext_interrupt() returns here with interrupts disabled again.
 */
notrace void arch_cpu_idle(void)
{
	psw_enabled_wait(PSW_MASK_EXT);
}

/* LOAD PSW EXTENDED of a disabled wait: the CPU stops for good. */
static __noreturn void disabled_wait(unsigned long addr)
{
	struct psw psw = { PSW_KERNEL_BITS | PSW_MASK_WAIT, addr };

	for (;;)
		__asm__ __volatile__("lpswe %0" : : "Q"(psw) : "memory");
}

/*
 * A disabled wait at arch_halt's own address: QEMU reports a crashed
 * guest ("info registers" shows where) and by default exits with status 0;
 * -action panic=pause keeps it for the monitor, panic=exit-failure gives 1.
 */
__noreturn void arch_halt(void)
{
	disabled_wait((unsigned long)arch_halt);
}

/*
 * A disabled wait at address 0xfff, the signal-quiesce PSW Linux loads
 * when it is told to shut down: QEMU takes it as a clean shutdown and
 * exits with status 0 (target/s390x: is_special_wait_psw()).
 */
__noreturn void arch_poweroff(void)
{
	arch_local_irq_disable();
	disabled_wait(0xfff);
}

/*
 * DIAGNOSE 0x308 subcode 3, "load clear": re-IPL the system (Linux:
 * DIAG308_LOAD_CLEAR). QEMU resets and boots the kernel again, or exits
 * with status 0 under -no-reboot.
 */
__noreturn void arch_reboot(void)
{
	register unsigned long subcode __asm__("r3") = 3;

	arch_local_irq_disable();
	__asm__ __volatile__("diag %%r2,%0,0x308" : : "d"(subcode) : "r2", "memory");
	arch_halt();
}

void arch_boot_stack(unsigned long *lo, unsigned long *hi)
{
	*lo = (unsigned long)boot_stack_bottom;
	*hi = (unsigned long)boot_stack_top;
}

/* Called from head.S on the boot stack, .bss cleared, interrupts masked. */
__noreturn void s390x_start(void)
{
	tod_clock_base = get_tod_clock();
	start_kernel();
	arch_halt();
}
