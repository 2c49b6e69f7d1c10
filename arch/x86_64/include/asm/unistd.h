/* SPDX-License-Identifier: MIT */
/* x86_64 system call numbers: Linux's (arch/x86/entry/syscalls/syscall_64.tbl). */
#ifndef _ASM_X86_UNISTD_H
#define _ASM_X86_UNISTD_H

#define __NR_read 0
#define __NR_write 1
#define __NR_open 2
#define __NR_close 3
#define __NR_sched_yield 24
#define __NR_nanosleep 35
#define __NR_getpid 39
#define __NR_fork 57
#define __NR_execve 59
#define __NR_exit 60
#define __NR_wait4 61
#define __NR_kill 62
#define __NR_getppid 110
#define __NR_getdents64 217
#define __NR_exit_group 231
#define NR_SYSCALLS 232

#endif
