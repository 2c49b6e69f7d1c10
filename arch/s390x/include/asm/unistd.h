/* SPDX-License-Identifier: MIT */
/* s390x system call numbers: Linux's (arch/s390/kernel/syscalls/syscall.tbl). */
#ifndef _ASM_S390X_UNISTD_H
#define _ASM_S390X_UNISTD_H

#define __NR_exit 1
#define __NR_fork 2
#define __NR_read 3
#define __NR_write 4
#define __NR_open 5
#define __NR_close 6
#define __NR_execve 11
#define __NR_getpid 20
#define __NR_kill 37
#define __NR_getppid 64
#define __NR_wait4 114
#define __NR_sched_yield 158
#define __NR_nanosleep 162
#define __NR_getdents64 220
#define __NR_exit_group 248
#define NR_SYSCALLS 249

#endif
