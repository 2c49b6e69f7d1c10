// SPDX-License-Identifier: MIT
/* segv: store through a NULL pointer; the kernel must kill just this process (SIGSEGV). */
#include <stdio.h>

int main(void)
{
	int *p;

	/* Hide the NULL from the optimiser so the store is really made. */
	__asm__("" : "=r"(p) : "0"(0L));
	printf("segv: writing to address 0\n");
	*(volatile int *)p = 1;
	printf("segv: still alive after the fault\n");
	return 1;
}
