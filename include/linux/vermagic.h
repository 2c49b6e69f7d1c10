/* SPDX-License-Identifier: MIT */
/*
 * The version magic every module carries in .modinfo; the loader refuses
 * a module whose string differs, so a .ko built against another release
 * or arch never runs (Linux: include/linux/vermagic.h).
 */
#ifndef _LINUX_VERMAGIC_H
#define _LINUX_VERMAGIC_H

#include <scion/version.h>

#define VERMAGIC_STRING SCION_VERSION " " SCION_ARCH " mod_unload"

#endif
