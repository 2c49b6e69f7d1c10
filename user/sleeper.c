// SPDX-License-Identifier: MIT
/*
 * sleeper [seconds]: sleep in nanosleep() for that long, print
 * "sleeper: woke" and exit 0; with no argument, sleep until killed.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv)
{
	struct timespec req = { .tv_sec = 1000 }, rem;
	int forever = argc < 2;

	if (!forever)
		req.tv_sec = strtol(argv[1], NULL, 0);
	do {
		while (nanosleep(&req, &rem) < 0) {
			if (errno != EINTR) {
				perror("nanosleep");
				return 1;
			}
			req = rem;
		}
	} while (forever);
	printf("sleeper: woke\n");
	return 0;
}
