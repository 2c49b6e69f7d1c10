// SPDX-License-Identifier: MIT
/* x86_64 start-up: boot data from multiboot 1 or 2, and the CPU-level arch hooks (Linux: arch/x86/kernel/setup.c). */
#include <linux/kernel.h>
#include <scion/init.h>
#include <arch.h>
#include <asm/io.h>
#include <asm/x86.h>

#define MB1_BOOT_MAGIC 0x2badb002
#define MB2_BOOT_MAGIC 0x36d76289

const char arch_name[] = "x86_64";

extern u32 boot_magic;
extern u8 boot_info_copy[];
extern char _text[], _end[];
extern char boot_stack_bottom[], boot_stack_top[];

void serial_irq_init(void);

/* Multiboot 1 information (multiboot.h of the spec, section 3.3). */
struct mb1_info {
	u32 flags, mem_lower, mem_upper, boot_device, cmdline;
	u32 mods_count, mods_addr;
	u32 syms[4];
	u32 mmap_length, mmap_addr;
} __packed;

struct mb1_mod {
	u32 start, end, string, reserved;
};

struct mb1_mmap {
	u32 size;
	u64 addr, len;
	u32 type;
} __packed;

/* Low memory (below 1 MiB) is only read here, through the direct map. */
static const char *low_string(u32 phys)
{
	return phys ? (const char *)__va(phys) : "";
}

static void parse_mb1(const struct mb1_info *mbi)
{
	u32 i;

	boot_info.loader = "QEMU -kernel (multiboot)";
	/* The multiboot1 command line starts with the kernel's file name: drop it. */
	if (mbi->flags & (1 << 2)) {
		const char *s = low_string(mbi->cmdline);

		s = strchr(s, ' ') ? skip_spaces(strchr(s, ' ')) : "";
		strscpy(boot_info.cmdline, s, sizeof(boot_info.cmdline));
	}
	if (mbi->flags & (1 << 6)) {
		u32 off = 0;

		while (off < mbi->mmap_length) {
			const struct mb1_mmap *e = __va(mbi->mmap_addr + off);

			if (e->type == 1)
				boot_add_ram(e->addr, e->addr + e->len);
			off += e->size + 4;
		}
	} else if (mbi->flags & 1) {
		boot_add_ram(0x100000, 0x100000 + (u64)mbi->mem_upper * 1024);
	}
	if (mbi->flags & (1 << 3)) {
		const struct mb1_mod *mods = __va(mbi->mods_addr);

		for (i = 0; i < mbi->mods_count; i++)
			boot_add_module(mods[i].start, mods[i].end, low_string(mods[i].string));
	}
}

/* Multiboot 2 tags (multiboot2 spec, section 3.6). */
static void parse_mb2(const u8 *info)
{
	u32 total = *(const u32 *)info;
	u32 off = 8;

	boot_info.loader = "GRUB (multiboot2)";
	while (off + 8 <= total) {
		const u32 *tag = (const u32 *)(info + off);
		u32 type = tag[0], size = tag[1];

		if (type == 0 || size < 8)
			break;
		if (type == 1) {		/* command line */
			strscpy(boot_info.cmdline, (const char *)(tag + 2), sizeof(boot_info.cmdline));
		} else if (type == 3) {		/* module */
			boot_add_module(tag[2], tag[3], (const char *)(tag + 4));
		} else if (type == 6) {		/* memory map */
			u32 entry_size = tag[2], p;

			for (p = 16; p + entry_size <= size; p += entry_size) {
				const u8 *e = (const u8 *)tag + p;
				u64 addr = *(const u64 *)e, len = *(const u64 *)(e + 8);

				if (*(const u32 *)(e + 16) == 1)
					boot_add_ram(addr, addr + len);
			}
		}
		off += (size + 7) & ~7u;
	}
}

void arch_early_init(void)
{
	serial_init();
	gdt_init();
	idt_init();
	syscall_init();
	pic_init();

	/* Everything below 1 MiB (BIOS data, loader structures) and the image. */
	boot_reserve(0, 0x100000);
	boot_reserve(0x100000, __pa_symbol(_end));
	if (boot_magic == MB2_BOOT_MAGIC)
		parse_mb2(boot_info_copy);
	else if (boot_magic == MB1_BOOT_MAGIC)
		parse_mb1((const struct mb1_info *)boot_info_copy);
	else
		boot_info.loader = "unknown loader";
	tsc_calibrate();
}

void arch_irq_init(unsigned int hz)
{
	pit_init(hz);
	serial_irq_init();
}

notrace void arch_cpu_idle(void)
{
	/* sti takes effect after the next instruction: no wake-up is lost. */
	__asm__ __volatile__("sti; hlt; cli" ::: "memory");
}

__noreturn void arch_halt(void)
{
	for (;;)
		__asm__ __volatile__("cli; hlt");
}

/*
 * ACPI soft-off (SLP_TYP 0 | SLP_EN) to PM1a_CNT of the PIIX4 PM block,
 * which SeaBIOS puts at 0x600 (older firmware: 0xb000). QEMU exits with
 * status 0 once it processes the request, a little after the write.
 */
__noreturn void arch_poweroff(void)
{
	arch_local_irq_disable();
	outw(0x604, 0x2000);
	outw(0xb004, 0x2000);
	arch_halt();
}

/* Pulse the reset line through the keyboard controller; else triple fault. */
__noreturn void arch_reboot(void)
{
	struct { u16 limit; u64 base; } __packed none = { 0, 0 };

	outb(0x64, 0xfe);
	__asm__ __volatile__("lidt %0; int3" : : "m"(none));
	arch_halt();
}

void arch_boot_stack(unsigned long *lo, unsigned long *hi)
{
	*lo = (unsigned long)boot_stack_bottom;
	*hi = (unsigned long)boot_stack_top;
}

void start_kernel(void);

/* Called from boot.asm on the boot stack, in the higher half. */
__noreturn void x86_64_start(void)
{
	start_kernel();
	arch_halt();
}
