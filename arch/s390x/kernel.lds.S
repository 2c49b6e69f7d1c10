/* SPDX-License-Identifier: MIT */
/*
 * s390x kernel layout: _head at 0x10000 (the entry QEMU treats as a Linux
 * image, so it passes -append), the kernel proper at 1 MiB. The kernel's
 * view of storage is the identity, virtual = physical; arch_mm_init()
 * (mm.c) protects the image by these page-aligned bounds: _head-_ehead
 * and _text-_etext read-only and executable, _rodata-_erodata read-only,
 * the rest writable and not executable.
 */
#include <scion/sections.lds.h>

#define KVMA 0

OUTPUT_FORMAT("elf64-s390")
OUTPUT_ARCH(s390:64-bit)
ENTRY(_head)

SECTIONS
{
	/*
	 * One page: the branch to _start, then QEMU's parameter area,
	 * 0x10400-0x10fff (initrd start/size at 0x10408/0x10410, command
	 * line at 0x10480; setup.c). Part of the loaded image on purpose:
	 * QEMU writes them into the image before copying it to RAM.
	 */
	. = 0x10000;
	.head : {
		KEEP(*(.head.text))
		ASSERT(. <= 0x10400, "_head overlaps the IPL parameter area");
		. = 0x1000;
	}
	_ehead = .;

	. = 0x100000;
	_text = .;
	.text : {
		__entry_text_start = .;
		*(.text.entry)
		__entry_text_end = .;
		*(.text .text.*)
	}
	_etext = .;

	. = ALIGN(4096);
	_rodata = .;
	.rodata : {
		*(.rodata .rodata.*)
		SCION_TABLES
	}
	MCOUNT_LOC
	_erodata = .;

	. = ALIGN(4096);
	_data = .;
	.data : {
		*(.data .data.*)
	}
	_edata = .;

	. = ALIGN(4096);
	__bss_start = .;
	.bss : {
		*(.bss .bss.*)
		*(COMMON)
		/*
		 * Stacks are 32 KiB aligned blocks whose lowest page is the
		 * guard the prologue check watches (asm/processor.h), left
		 * invalid in the identity map (mm.c).
		 */
		. = ALIGN(32768);
		boot_stack_guard = .;
		. += 4096;
		boot_stack_bottom = .;
		. += 28672;
		boot_stack_top = .;
		panic_stack_guard = .;
		. += 4096;
		panic_stack_bottom = .;
		. += 8192;
		panic_stack_top = .;
	}
	. = ALIGN(4096);
	__bss_end = .;
	_end = .;

	/DISCARD/ : { *(.eh_frame) *(.note.GNU-stack) *(.comment) }
}
