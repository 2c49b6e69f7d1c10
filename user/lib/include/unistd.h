/* SPDX-License-Identifier: MIT */
/*
 * The user libc's system call layer. Two levels:
 *  - sys_xxx(): the raw call; returns the kernel's result, -errno on error;
 *  - xxx(): POSIX-like; returns -1 and sets errno on error.
 * Numbers and registers are Linux's (lib/arch/<arch>/syscall_arch.h).
 */
#ifndef _USER_UNISTD_H
#define _USER_UNISTD_H

#include <sys/types.h>

#define STDIN_FILENO 0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2

struct timespec;
struct linux_dirent64;
struct rusage;

long sys_read(int fd, void *buf, size_t count);
long sys_write(int fd, const void *buf, size_t count);
long sys_open(const char *path, int flags, mode_t mode);
long sys_close(int fd);
long sys_getpid(void);
long sys_getppid(void);
long sys_fork(void);
long sys_execve(const char *path, char *const argv[], char *const envp[]);
__attribute__((noreturn)) void sys_exit(int status);	/* this thread */
__attribute__((noreturn)) void sys_exit_group(int status); /* the process */
long sys_wait4(pid_t pid, int *status, int options, struct rusage *ru);
long sys_kill(pid_t pid, int sig);
long sys_nanosleep(const struct timespec *req, struct timespec *rem);
long sys_sched_yield(void);
long sys_getdents64(int fd, struct linux_dirent64 *dirp, size_t count);

ssize_t read(int fd, void *buf, size_t count);
ssize_t write(int fd, const void *buf, size_t count);
int close(int fd);
pid_t getpid(void);
pid_t getppid(void);
pid_t fork(void);
int execve(const char *path, char *const argv[], char *const envp[]);
__attribute__((noreturn)) void _exit(int status);

/* Sleep via nanosleep; return the unslept seconds / 0, or -1 with errno. */
unsigned int sleep(unsigned int seconds);
int usleep(useconds_t usec);

/* Write all of buf, retrying short writes; 0 or -errno. */
long write_all(int fd, const void *buf, size_t count);

extern char **environ;
/* The program's name: basename of argv[0] (libc_start sets it). */
extern const char *progname;

#endif
