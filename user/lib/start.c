// SPDX-License-Identifier: MIT
/* Program start-up and exit: decode the initial stack, run main(), exit. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char **environ;
const char *progname = "?";

/* Defined by the program, with two or three parameters. */
extern int main(int argc, char **argv, char **envp);

/*
 * Called by _start (lib/arch/<arch>/crt0.S) with the stack pointer the
 * kernel started us with. Both arches (x86_64 psABI 3.4.1; Linux's s390x
 * loader) lay it out the same way, one 8-byte word each:
 *
 *	sp[0]			argc
 *	sp[1 .. argc]		argv[], then a NULL
 *	sp[argc+2 ...]		envp[], then a NULL
 */
__attribute__((noreturn)) void libc_start(long *sp);
void libc_start(long *sp)
{
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1);
	char **envp = argv + argc + 1;

	environ = envp;
	if (argc > 0 && argv[0]) {
		const char *slash = strrchr(argv[0], '/');

		progname = slash ? slash + 1 : argv[0];
	}
	exit(main(argc, argv, envp));
}

/* No buffered output to flush: printf writes as it goes. */
void exit(int status)
{
	sys_exit_group(status);
}

void _exit(int status)
{
	sys_exit_group(status);
}
