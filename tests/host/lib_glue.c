// SPDX-License-Identifier: MIT
/*
 * Built like lib/ (our include/linux/, host_rename.h forced in): checks
 * that scion_api.h declares what include/linux/ declares, and exports the
 * errno values of include/linux/errno.h and the gfp flags of
 * include/linux/gfp.h, which test programs cannot include.
 */
#include <linux/string.h>
#include <linux/sprintf.h>
#include <linux/kstrtox.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/sort.h>
#include <linux/bsearch.h>
#include <linux/crc16.h>
#include <linux/crc32.h>
#include <scion/ymodem.h>
#include <scion/cpio.h>
#include "scion_api.h"

#define E(name) { #name, name }

const struct scion_errno scion_errnos[] = {
	E(EPERM), E(ENOENT), E(ESRCH), E(EINTR), E(EIO), E(ENXIO), E(E2BIG),
	E(ENOEXEC), E(EBADF), E(ECHILD), E(EAGAIN), E(ENOMEM), E(EACCES),
	E(EFAULT), E(EBUSY), E(EEXIST), E(ENODEV), E(ENOTDIR), E(EISDIR),
	E(EINVAL), E(ENFILE), E(EMFILE), E(ENOTTY), E(EFBIG), E(ENOSPC),
	E(ESPIPE), E(EROFS), E(EPIPE), E(EDOM), E(ERANGE), E(EDEADLK),
	E(ENAMETOOLONG), E(ENOSYS), E(ENOTEMPTY), E(ENODATA), E(ETIME),
	E(EOVERFLOW), E(EBADMSG), E(EADDRINUSE), E(ETIMEDOUT), E(EALREADY),
	E(ECANCELED), E(EKEYREJECTED),
	E(ERESTARTSYS), E(ERESTARTNOINTR), E(ENOTSUPP),
};
const size_t scion_errnos_count = sizeof(scion_errnos) / sizeof(scion_errnos[0]);

const unsigned int scion_gfp_kernel = GFP_KERNEL;
const unsigned int scion_gfp_atomic = GFP_ATOMIC;
const unsigned int scion_gfp_zero = __GFP_ZERO;
