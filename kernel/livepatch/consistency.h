/* SPDX-License-Identifier: MIT */
/*
 * Private to kernel/livepatch: how the consistency cycle and the
 * benchmark load, disable and unload a patch module, as a user does with
 * insmod, echo 0 > enabled and rmmod (consistency_cycle.c).
 */
#ifndef _LIVEPATCH_CONSISTENCY_H
#define _LIVEPATCH_CONSISTENCY_H

#include <linux/types.h>

/*
 * Load the module image[0..len) (path names it in messages); its init
 * enables its patch, the newest in klp_patches, whose name goes to
 * name[0..size). 0 or what module_load_image() returned.
 */
int klp_consistency_load(const void *image, size_t len, const char *path, char *name,
			 size_t size);
/* Write 0 to /sys/kernel/livepatch/<name>/enabled. 0 or -errno. */
int klp_consistency_disable(const char *name);
/*
 * Unload module name once the worker that frees its disabled patch has
 * dropped the module reference (waits up to 10 s). 0 or -errno.
 */
int klp_consistency_unload(const char *name);

#endif
