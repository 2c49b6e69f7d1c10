// SPDX-License-Identifier: MIT
/* errno, strerror (the texts of lib/errno.c, as glibc prints them), perror. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int errno;

/* The texts come from the kernel's lib/errno.c, linked into this libc. */
const char *errno_text(int err);

const char *strerror(int err)
{
	return errno_text(err);
}

void perror(const char *msg)
{
	const char *text = strerror(errno);

	if (msg && *msg)
		dprintf(STDERR_FILENO, "%s: %s: %s\n", progname, msg, text);
	else
		dprintf(STDERR_FILENO, "%s: %s\n", progname, text);
}
