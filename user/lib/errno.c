// SPDX-License-Identifier: MIT
/* errno, the error texts (Linux's wording, as glibc prints them), perror. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int errno;

static const char *const error_text[] = {
	[EPERM] = "Operation not permitted",
	[ENOENT] = "No such file or directory",
	[ESRCH] = "No such process",
	[EINTR] = "Interrupted system call",
	[EIO] = "Input/output error",
	[ENXIO] = "No such device or address",
	[E2BIG] = "Argument list too long",
	[ENOEXEC] = "Exec format error",
	[EBADF] = "Bad file descriptor",
	[ECHILD] = "No child processes",
	[EAGAIN] = "Resource temporarily unavailable",
	[ENOMEM] = "Cannot allocate memory",
	[EACCES] = "Permission denied",
	[EFAULT] = "Bad address",
	[EBUSY] = "Device or resource busy",
	[EEXIST] = "File exists",
	[ENODEV] = "No such device",
	[ENOTDIR] = "Not a directory",
	[EISDIR] = "Is a directory",
	[EINVAL] = "Invalid argument",
	[EMFILE] = "Too many open files",
	[ENOTTY] = "Inappropriate ioctl for device",
	[EFBIG] = "File too large",
	[ENOSPC] = "No space left on device",
	[ESPIPE] = "Illegal seek",
	[EROFS] = "Read-only file system",
	[EPIPE] = "Broken pipe",
	[ERANGE] = "Numerical result out of range",
	[ENAMETOOLONG] = "File name too long",
	[ENOSYS] = "Function not implemented",
	[ENOTEMPTY] = "Directory not empty",
};

const char *strerror(int err)
{
	static char unknown[32];

	if (err > 0 && err < (int)(sizeof(error_text) / sizeof(error_text[0])) &&
	    error_text[err])
		return error_text[err];
	snprintf(unknown, sizeof(unknown), "Unknown error %d", err);
	return unknown;
}

void perror(const char *msg)
{
	const char *text = strerror(errno);

	if (msg && *msg)
		dprintf(STDERR_FILENO, "%s: %s: %s\n", progname, msg, text);
	else
		dprintf(STDERR_FILENO, "%s: %s\n", progname, text);
}
