/* SPDX-License-Identifier: MIT */
/* x86_64 kernel layout: low boot code at 1 MiB, the rest at -2 GiB + physical. */
#include <scion/sections.lds.h>

#define KVMA 0xffffffff80000000

OUTPUT_FORMAT("elf64-x86-64")
ENTRY(_start)

SECTIONS
{
	. = 0x100000;
	__load_start = .;
	.multiboot : { KEEP(*(.multiboot)) }
	.boot.text : { *(.boot.text) }
	.boot.data : { *(.boot.data) }

	. = ALIGN(4096);
	. += KVMA;
	/* _text inside .text: nm (and /proc/kallsyms) then types it T, not D. */
	.text : AT(ADDR(.text) - KVMA) {
		_text = .;
		__entry_text_start = .;
		*(.text.entry)
		__entry_text_end = .;
		*(.text .text.*)
	}
	_etext = .;

	. = ALIGN(4096);
	_rodata = .;
	.rodata : AT(ADDR(.rodata) - KVMA) {
		*(.rodata .rodata.*)
		SCION_TABLES
	}
	MCOUNT_LOC
	_erodata = .;

	. = ALIGN(4096);
	_data = .;
	.data : AT(ADDR(.data) - KVMA) {
		*(.data .data.*)
	}
	_edata = .;
	__load_end = . - KVMA;

	. = ALIGN(4096);
	__bss_start = .;
	.bss : AT(ADDR(.bss) - KVMA) {
		*(.bss .bss.*)
		*(COMMON)
		. = ALIGN(4096);
		boot_stack_guard = .;
		. += 4096;
		boot_stack_bottom = .;
		. += 16384;
		boot_stack_top = .;
	}
	. = ALIGN(4096);
	__bss_end = . - KVMA;
	_end = .;

	/DISCARD/ : { *(.eh_frame) *(.note.GNU-stack) *(.comment) }
}
