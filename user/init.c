// SPDX-License-Identifier: MIT
/* init: fork a child and reap it the way an init does, then exit 0. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#define CHILD_STATUS 7

int main(void)
{
	pid_t self = getpid(), child, reaped;
	int status;

	printf("init: started (pid %d)\n", self);
	child = fork();
	if (child < 0) {
		perror("fork");
		return 1;
	}
	if (child == 0) {
		printf("init: child pid %d, parent %d\n", getpid(), getppid());
		exit(CHILD_STATUS);
	}

	do
		reaped = wait4(child, &status, 0, NULL);
	while (reaped < 0 && errno == EINTR);
	if (reaped < 0) {
		perror("wait4");
		return 1;
	}
	if (WIFEXITED(status))
		printf("init: child %d exited with status %d\n", reaped, WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		printf("init: child %d killed by signal %d\n", reaped, WTERMSIG(status));
	else
		printf("init: child %d: status 0x%x\n", reaped, status);
	return 0;
}
