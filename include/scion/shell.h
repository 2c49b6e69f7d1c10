/* SPDX-License-Identifier: MIT */
/*
 * The serial shell's command table. A subsystem adds a command with
 * SHELL_COMMAND() in its own file; the shell core never changes for it.
 */
#ifndef _SCION_SHELL_H
#define _SCION_SHELL_H

#include <linux/compiler.h>

#define SHELL_MAX_ARGS 128
#define SHELL_LINE_MAX 512

/*
 * Run with argv[0] = the command name. Return 0 on success, or non-zero;
 * the command prints its own one-line error ("<cmd>: ..."). Commands run
 * in the shell's context with interrupts enabled.
 */
typedef int (*shell_fn)(int argc, char **argv);

struct shell_command {
	const char *name;
	shell_fn fn;
	const char *usage;	/* "dmesg [-c]" */
	const char *help;	/* one line */
};

#define SHELL_COMMAND(cname, func, use, text)                                   \
	static const struct shell_command __shell_cmd_##func __used              \
		__section("shell_cmds") __aligned(8) = { cname, func, use, text }

/*
 * Command output. Goes to the console, or into the file named after '>'
 * on the command line (the shell collects it and writes it when the
 * command returns, so a sysfs store sees one write, as with `echo 1 >`).
 */
__printf(1, 2) int shell_printf(const char *fmt, ...);
void shell_write(const char *buf, size_t len);
void shell_puts(const char *s);
/* Error output (stderr): always the console, even under '>'. */
__printf(1, 2) int shell_eprintf(const char *fmt, ...);

/* Look up a command by name (NULL if none). */
const struct shell_command *shell_find(const char *name);
/* Split line into argv in place (quotes '' and "" group words). Returns argc or -E2BIG. */
int shell_split(char *line, char **argv, int max);
/* Run one command line as if typed; returns the command's status, 127 if unknown. */
int shell_run_line(char *line);
/* Print "usage: <usage>" for cmd and return 2 (bad arguments). */
int shell_usage(const struct shell_command *cmd);
/*
 * Run argv[0] as a user program (kernel/jobs.c): "/path/prog" or a name
 * in /bin; a last argument "&" runs it in the background. Returns its
 * exit status (foreground), 0 (background), or -ENOENT when there is no
 * such program (the shell then says "command not found").
 */
int shell_run_program(int argc, char **argv);
/* Report background jobs that ended since the last prompt. */
void shell_reap_jobs(void);
/* The interactive loop on the console; never returns. */
__noreturn void shell_main(void);

#endif
