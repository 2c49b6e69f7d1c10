/* SPDX-License-Identifier: MIT */
/* Release and architecture strings for the banner and `version`. */
#ifndef _SCION_VERSION_H
#define _SCION_VERSION_H

#define SCION_VERSION "0.1.0"
#ifndef SCION_ARCH
#error "SCION_ARCH comes from the Makefile"
#endif

extern const char linux_banner[];

#endif
