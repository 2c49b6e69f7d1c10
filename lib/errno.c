// SPDX-License-Identifier: MIT
/*
 * Text for each error number of include/linux/errno.h: glibc's strerror()
 * wording, so that shell messages read as they do on a Linux host.
 */
#include <linux/errno.h>
#include <linux/sprintf.h>

static const char *const errno_texts[] = {
	[0] = "Success",
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
	[ENFILE] = "Too many open files in system",
	[EMFILE] = "Too many open files",
	[ENOTTY] = "Inappropriate ioctl for device",
	[EFBIG] = "File too large",
	[ENOSPC] = "No space left on device",
	[ESPIPE] = "Illegal seek",
	[EROFS] = "Read-only file system",
	[EPIPE] = "Broken pipe",
	[EDOM] = "Numerical argument out of domain",
	[ERANGE] = "Numerical result out of range",
	[EDEADLK] = "Resource deadlock avoided",
	[ENAMETOOLONG] = "File name too long",
	[ENOSYS] = "Function not implemented",
	[ENOTEMPTY] = "Directory not empty",
	[ENODATA] = "No data available",
	[ETIME] = "Timer expired",
	[EBADMSG] = "Bad message",
	[EOVERFLOW] = "Value too large for defined data type",
	[EADDRINUSE] = "Address already in use",
	[ETIMEDOUT] = "Connection timed out",
	[EALREADY] = "Operation already in progress",
	[ECANCELED] = "Operation canceled",
	[EKEYREJECTED] = "Key was rejected by service",
};

/* "Unknown error -2147483648" and its NUL. */
static char unknown_text[32];

const char *errno_text(int err)
{
	unsigned int n = err < 0 ? -(unsigned int)err : (unsigned int)err;

	if (n < sizeof(errno_texts) / sizeof(errno_texts[0]) && errno_texts[n])
		return errno_texts[n];
	/* glibc prints the value as given; we were given either sign. */
	snprintf(unknown_text, sizeof(unknown_text), "Unknown error %u", n);
	return unknown_text;
}
