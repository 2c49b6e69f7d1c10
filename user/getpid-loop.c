// SPDX-License-Identifier: MIT
/*
 * getpid-loop [-v]: call getpid() in a tight loop until killed, so a task
 * keeps entering and leaving the kernel (as Linux's livepatch selftest
 * helper test_klp-call_getpid does). -v prints the pid once first.
 */
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	(void)argv;
	if (argc > 1)
		printf("getpid-loop: pid %ld\n", sys_getpid());
	for (;;)
		sys_getpid();
}
