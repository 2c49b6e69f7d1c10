// SPDX-License-Identifier: MIT
/*
 * klp-consistency-hammer [N]: N processes (default 8) each read
 * /proc/klp_consistency_call over and over, so that they keep entering
 * the livepatch consistency checker's target from user space (each read
 * is one call, kernel/livepatch/consistency_target.c), until it says
 * "stopped". The exit status is the number of processes that saw a
 * "mismatch" or failed (2 for a usage error): a second opinion next to
 * the counters of /proc/klp_consistency.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define CALL_FILE "/proc/klp_consistency_call"
#define MAX_PROCS 256

/* Call until stopped. Return: 0, 1 if a call reported a mismatch, 2 on an error. */
static int hammer(void)
{
	char buf[16];
	int bad = 0;
	long n;
	int fd;

	for (;;) {
		fd = open(CALL_FILE, O_RDONLY);
		if (fd < 0) {
			perror(CALL_FILE);
			return 2;
		}
		n = read(fd, buf, sizeof(buf) - 1);
		close(fd);
		if (n <= 0) {
			perror("read");
			return 2;
		}
		buf[n] = 0;
		if (!strcmp(buf, "stopped\n"))
			return bad;
		if (!strcmp(buf, "mismatch\n"))
			bad = 1;
	}
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 8;
	int i, status, failed = 0;
	pid_t pid;

	if (argc > 2 || n < 1 || n > MAX_PROCS) {
		dprintf(2, "usage: klp-consistency-hammer [1..%d]\n", MAX_PROCS);
		return 2;
	}
	for (i = 1; i < n; i++) {
		pid = fork();
		if (pid < 0) {
			perror("fork");
			break;
		}
		if (pid == 0)
			exit(hammer());
	}
	failed = hammer() != 0;
	while ((pid = wait4(-1, &status, 0, NULL)) > 0 || (pid < 0 && errno == EINTR))
		if (pid > 0 && (!WIFEXITED(status) || WEXITSTATUS(status)))
			failed++;
	return failed;
}
