/* SPDX-License-Identifier: MIT */
/*
 * DAT table formats on s390x (PoP ch. 3, "Dynamic Address Translation"),
 * with Linux's names (arch/s390/include/asm/pgtable.h). Only what mm.c
 * uses: segment-table designations (2 GiB), segment tables and page
 * tables of 4 KiB pages.
 *
 *   virtual address   | 0 ... 0 (bits 0-32) | SX (33-43) | PX (44-51) | byte (52-63) |
 *   ASCE (CR1, CR13)  -> segment table: 2048 entries of 1 MiB
 *   segment entry     -> page table:     256 entries of 4 KiB
 */
#ifndef _ASM_S390X_PGTABLE_H
#define _ASM_S390X_PGTABLE_H

#ifdef __ASSEMBLY__
#define __PGT_UL(x) x
#else
#define __PGT_UL(x) x##UL
#endif

/* Address-space-control element ("ASCE"). */
#define _ASCE_ORIGIN		(~__PGT_UL(0xfff))	/* bits 0-51: table origin */
#define _ASCE_REAL_SPACE	__PGT_UL(0x20)		/* bit 58: no tables, virtual = real */
#define _ASCE_TYPE_SEGMENT	__PGT_UL(0x00)		/* bits 60-61: a segment-table designation */
#define _ASCE_TABLE_LENGTH	__PGT_UL(0x03)		/* bits 62-63: (table size / 4 KiB) - 1 */

/* Segment-table entry (format control 0). */
#define _SEGMENT_ENTRY_ORIGIN	(~__PGT_UL(0x7ff))	/* bits 0-52: page-table origin */
#define _SEGMENT_ENTRY_INVALID	__PGT_UL(0x20)		/* bit 58 */
#define _SEGMENT_SHIFT		20
#define _SEGMENT_SIZE		(__PGT_UL(1) << _SEGMENT_SHIFT)
#define PTRS_PER_PMD		2048		/* segment entries per table: 2 GiB */
#define SEGMENT_TABLE_ORDER	2		/* 2048 * 8 bytes = four pages */

/* Page-table entry. Invalid is a set bit: a zero entry maps page frame 0. */
#define _PAGE_INVALID		__PGT_UL(0x400)		/* bit 53 */
#define _PAGE_PROTECT		__PGT_UL(0x200)		/* bit 54: read-only */
#define _PAGE_NOEXEC		__PGT_UL(0x100)		/* bit 55: no instruction fetch (CR0 bit 43) */
#define PTRS_PER_PTE		256		/* 2 KiB of a page-table page */

#ifndef __ASSEMBLY__
static inline unsigned long pmd_index(unsigned long va)
{
	return (va >> _SEGMENT_SHIFT) & (PTRS_PER_PMD - 1);
}

static inline unsigned long pte_index(unsigned long va)
{
	return (va >> 12) & (PTRS_PER_PTE - 1);
}

/* PURGE TLB (PoP ch. 10): forget every translation this CPU cached. [Linux: __tlb_flush_local()] */
static inline void __tlb_flush_local(void)
{
	__asm__ __volatile__("ptlb" : : : "memory");
}
#endif

#endif
