/* SPDX-License-Identifier: MIT */
/*
 * wait4() and the status word it stores, Linux's encoding:
 *	exited:   (code << 8) | 0
 *	killed:   signal (1..0x7e), 0x80 added if a core was dumped
 *	stopped:  (signal << 8) | 0x7f
 *	resumed:  0xffff
 */
#ifndef _USER_SYS_WAIT_H
#define _USER_SYS_WAIT_H

#include <sys/types.h>

#define WNOHANG 1
#define WUNTRACED 2
#define WCONTINUED 8

#define WEXITSTATUS(s) (((s) >> 8) & 0xff)
#define WTERMSIG(s) ((s) & 0x7f)
#define WSTOPSIG(s) WEXITSTATUS(s)
#define WIFEXITED(s) (WTERMSIG(s) == 0)
#define WIFSTOPPED(s) (((s) & 0xff) == 0x7f)
#define WIFSIGNALED(s) (WTERMSIG(s) != 0 && WTERMSIG(s) != 0x7f)
#define WIFCONTINUED(s) ((s) == 0xffff)
#define WCOREDUMP(s) ((s) & 0x80)

struct rusage;

pid_t wait4(pid_t pid, int *status, int options, struct rusage *ru);
pid_t waitpid(pid_t pid, int *status, int options);

#endif
