// SPDX-License-Identifier: MIT
/*
 * badptr: hand the kernel bad user pointers; each call must fail with
 * -EFAULT (-14) and the kernel must go on. Reads fd 0, so give it input
 * (or a file) if fd 0 would block.
 */
#include <string.h>
#include <stdio.h>
#include <unistd.h>

static void report(const char *call, long ret)
{
	printf("badptr: %s -> %ld (%s)\n", call, ret, ret < 0 ? strerror(-ret) : "no error");
}

int main(void)
{
	report("write", sys_write(STDOUT_FILENO, (void *)16, 10));
	report("read", sys_read(STDIN_FILENO, (void *)0xdead0000UL, 10));
	report("open", sys_open((const char *)8, 0, 0));
	return 0;
}
