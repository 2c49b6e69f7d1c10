// SPDX-License-Identifier: MIT
/*
 * System call wrappers: sys_xxx() return the kernel's value (-errno on
 * error); the POSIX-like xxx() turn -errno into -1 and errno.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <syscall_arch.h>

#define SYSCALL3(nr, a, b, c) arch_syscall(nr, (long)(a), (long)(b), (long)(c), 0, 0, 0)

long sys_read(int fd, void *buf, size_t count) { return SYSCALL3(__NR_read, fd, buf, count); }
long sys_write(int fd, const void *buf, size_t count) { return SYSCALL3(__NR_write, fd, buf, count); }
long sys_open(const char *path, int flags, mode_t mode) { return SYSCALL3(__NR_open, path, flags, mode); }
long sys_close(int fd) { return SYSCALL3(__NR_close, fd, 0, 0); }
long sys_getpid(void) { return SYSCALL3(__NR_getpid, 0, 0, 0); }
long sys_getppid(void) { return SYSCALL3(__NR_getppid, 0, 0, 0); }
long sys_fork(void) { return SYSCALL3(__NR_fork, 0, 0, 0); }
long sys_kill(pid_t pid, int sig) { return SYSCALL3(__NR_kill, pid, sig, 0); }
long sys_sched_yield(void) { return SYSCALL3(__NR_sched_yield, 0, 0, 0); }

long sys_execve(const char *path, char *const argv[], char *const envp[])
{
	return SYSCALL3(__NR_execve, path, argv, envp);
}

long sys_wait4(pid_t pid, int *status, int options, struct rusage *ru)
{
	return arch_syscall(__NR_wait4, pid, (long)status, options, (long)ru, 0, 0);
}

long sys_nanosleep(const struct timespec *req, struct timespec *rem)
{
	return SYSCALL3(__NR_nanosleep, req, rem, 0);
}

long sys_getdents64(int fd, struct linux_dirent64 *dirp, size_t count)
{
	return SYSCALL3(__NR_getdents64, fd, dirp, count);
}

void sys_exit(int status)
{
	for (;;)
		SYSCALL3(__NR_exit, status, 0, 0);
}

void sys_exit_group(int status)
{
	for (;;)
		SYSCALL3(__NR_exit_group, status, 0, 0);
}

/* The POSIX convention on top of a raw result. */
static long posix_ret(long ret)
{
	if (IS_ERR_VALUE(ret)) {
		errno = (int)-ret;
		return -1;
	}
	return ret;
}

ssize_t read(int fd, void *buf, size_t count) { return posix_ret(sys_read(fd, buf, count)); }
ssize_t write(int fd, const void *buf, size_t count) { return posix_ret(sys_write(fd, buf, count)); }
int close(int fd) { return posix_ret(sys_close(fd)); }
pid_t getpid(void) { return sys_getpid(); }
pid_t getppid(void) { return sys_getppid(); }
pid_t fork(void) { return posix_ret(sys_fork()); }
int kill(pid_t pid, int sig) { return posix_ret(sys_kill(pid, sig)); }
int sched_yield(void) { return posix_ret(sys_sched_yield()); }

int open(const char *path, int flags, ...)
{
	mode_t mode = 0;

	if (flags & O_CREAT) {
		va_list ap;

		va_start(ap, flags);
		mode = va_arg(ap, mode_t);
		va_end(ap);
	}
	return posix_ret(sys_open(path, flags, mode));
}

int execve(const char *path, char *const argv[], char *const envp[])
{
	return posix_ret(sys_execve(path, argv, envp));
}

pid_t wait4(pid_t pid, int *status, int options, struct rusage *ru)
{
	return posix_ret(sys_wait4(pid, status, options, ru));
}

pid_t waitpid(pid_t pid, int *status, int options)
{
	return wait4(pid, status, options, NULL);
}

int nanosleep(const struct timespec *req, struct timespec *rem)
{
	return posix_ret(sys_nanosleep(req, rem));
}

ssize_t getdents64(int fd, struct linux_dirent64 *dirp, size_t count)
{
	return posix_ret(sys_getdents64(fd, dirp, count));
}

long write_all(int fd, const void *buf, size_t count)
{
	const char *p = buf;

	while (count) {
		long n = sys_write(fd, p, count);

		if (n == -EINTR)
			continue;
		if (n < 0)
			return n;
		if (n == 0)
			return -EIO;
		p += n;
		count -= n;
	}
	return 0;
}

unsigned int sleep(unsigned int seconds)
{
	struct timespec req = { .tv_sec = seconds }, rem = { 0 };

	if (sys_nanosleep(&req, &rem) == -EINTR)
		return rem.tv_sec + (rem.tv_nsec > 0);
	return 0;
}

int usleep(useconds_t usec)
{
	struct timespec req = {
		.tv_sec = usec / 1000000,
		.tv_nsec = (long)(usec % 1000000) * 1000,
	};

	return nanosleep(&req, NULL);
}
