/* SPDX-License-Identifier: MIT */
/*
 * The module loader's pure half as host tests see it (tests/host/module_glue.c
 * wraps kernel/module/ and arch/<arch>/module.c, built like lib/, once per
 * arch: test_module for x86_64, test_module_s390x).
 */
#ifndef _SCION_MODULE_API_H
#define _SCION_MODULE_API_H

#include <stddef.h>

/*
 * Check, lay out, copy, resolve (undefined symbols through resolve(), which
 * returns 0 for "unknown") and relocate the module data[0..len) (host byte order, the glue's arch).
 * Return: 0 or the negative errno of the first failing step; the last
 * kernel log line is in scion_module_log. The placed module stays until
 * scion_module_unload().
 */
int scion_module_load(const void *data, size_t len, unsigned long (*resolve)(const char *name));
void scion_module_unload(void);
/*
 * On the placed module: apply again, or undo (arch_clear_relocate_add(), as
 * livepatch does when a target module goes), the relocation section
 * relsec, as the formed module it is by now (fields are written through
 * arch_text_poke()). Apply returns 0 or the negative errno.
 */
int scion_module_apply_relocations(const char *relsec);
void scion_module_clear_relocations(const char *relsec);
/* Where section name was placed (NULL if it was not), and the block's bounds. */
void *scion_module_section(const char *name);
/* The arch's part of the text (s390x: GOT and PLT) and its size; NULL and 0 if none. */
void *scion_module_arch_area(size_t *size);
extern char scion_module_log[512];
extern const int scion_enoexec, scion_enoent;

#endif
