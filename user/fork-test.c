// SPDX-License-Identifier: MIT
/*
 * fork-test [N]: fork N children (default 8), child i exits with status i;
 * reap them all with wait4(-1) and check every status. Prints
 * "fork-test: ok N" or "fork-test: FAIL <why>" (exit 1).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_CHILDREN 64

static int fail(const char *why, long a, long b)
{
	printf("fork-test: FAIL %s (%ld, %ld)\n", why, a, b);
	return 1;
}

int main(int argc, char **argv)
{
	pid_t pids[MAX_CHILDREN], pid;
	int n = argc > 1 ? atoi(argv[1]) : 8;
	int i, status, reaped = 0;

	if (n < 1 || n > MAX_CHILDREN)
		return fail("count out of range 1..64", n, MAX_CHILDREN);
	for (i = 0; i < n; i++) {
		pids[i] = fork();
		if (pids[i] < 0)
			return fail("fork failed: errno, child", errno, i);
		if (pids[i] == 0)
			exit(i);
	}
	while (reaped < n) {
		pid = wait4(-1, &status, 0, NULL);
		if (pid < 0 && errno == EINTR)
			continue;
		if (pid < 0)
			return fail("wait4 failed: errno, reaped", errno, reaped);
		for (i = 0; i < n && pids[i] != pid; i++)
			;
		if (i == n)
			return fail("wait4 returned an unknown pid, status", pid, status);
		if (!WIFEXITED(status) || WEXITSTATUS(status) != i)
			return fail("wrong status: child, status", i, status);
		pids[i] = 0;
		reaped++;
	}
	if (wait4(-1, &status, WNOHANG, NULL) != -1 || errno != ECHILD)
		return fail("a child is left after all were reaped: errno", errno, 0);
	printf("fork-test: ok %d\n", n);
	return 0;
}
