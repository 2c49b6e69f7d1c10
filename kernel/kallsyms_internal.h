/* SPDX-License-Identifier: MIT */
/* What kernel/kallsyms*.c share: the generated table (Linux: kernel/kallsyms_internal.h). */
#ifndef _KERNEL_KALLSYMS_INTERNAL_H
#define _KERNEL_KALLSYMS_INTERNAL_H

#include <linux/types.h>
#include <linux/kallsyms.h>

/*
 * The table, generated sorted by tools/kallsyms.py (which describes it):
 * nothing is sorted or decompressed at boot, so lookups work from the
 * first instruction on. Symbol i has address kallsyms_addresses[i]
 * (ascending), size kallsyms_sizes[i], nm type letter kallsyms_types[i],
 * and name kallsyms_names + kallsyms_offsets[i]; kallsyms_seqs_of_names
 * lists the indices in name order, equal names in address order.
 */
extern const unsigned long kallsyms_num_syms;
extern const unsigned long kallsyms_addresses[];
extern const u32 kallsyms_sizes[];
extern const u32 kallsyms_seqs_of_names[];
extern const u32 kallsyms_offsets[];
extern const char kallsyms_types[];
extern const char kallsyms_names[];

static inline const char *kallsyms_sym_name(unsigned long i)
{
	return kallsyms_names + kallsyms_offsets[i];
}

/*
 * The module loader's lookups (kallsyms_register_module_ops()); NULL
 * until it registers. kallsyms_test.c stands in a fake module for a while.
 */
extern const struct kallsyms_module_ops *kallsyms_mod_ops;

#endif
