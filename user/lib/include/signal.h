/* SPDX-License-Identifier: MIT */
/* Linux's signal numbers (x86_64 and s390x share them) and kill(). */
#ifndef _USER_SIGNAL_H
#define _USER_SIGNAL_H

#include <sys/types.h>

#include <uapi/asm-generic/signal.h>

int kill(pid_t pid, int sig);

#endif
