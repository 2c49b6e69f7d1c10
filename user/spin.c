// SPDX-License-Identifier: MIT
/*
 * spin [N]: burn CPU in user mode without system calls. With N, count to
 * N, print "spin: done N" and exit 0; without, spin until killed (for
 * preemption and kill tests).
 */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	unsigned long n = 0, i;

	if (argc > 1) {
		char *end;

		n = strtoul(argv[1], &end, 0);
		if (*end || end == argv[1]) {
			dprintf(2, "spin: bad count '%s'\n", argv[1]);
			return 2;
		}
	}
	/* The empty asm makes i opaque, so the compiler keeps every iteration. */
	for (i = 0; argc < 2 || i < n; i++)
		__asm__ volatile("" : "+r"(i));
	printf("spin: done %lu\n", n);
	return 0;
}
