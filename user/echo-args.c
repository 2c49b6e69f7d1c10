// SPDX-License-Identifier: MIT
/* echo-args: print argc and each argv[i] on a line (checks argument passing). */
#include <stdio.h>

int main(int argc, char **argv)
{
	int i;

	printf("argc=%d\n", argc);
	for (i = 0; i < argc; i++)
		printf("argv[%d]=%s\n", i, argv[i]);
	if (argv[argc])
		printf("echo-args: argv[argc] is not NULL\n");
	return 0;
}
