// SPDX-License-Identifier: MIT
/*
 * The serial shell: line editing with history, word splitting, and the
 * dispatch of commands registered with SHELL_COMMAND() anywhere in the
 * kernel.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <scion/console.h>
#include <scion/shell.h>

#define HISTORY 16
#define PROMPT "scion# "

static char history[HISTORY][SHELL_LINE_MAX];
static unsigned int history_len;	/* lines ever stored; slot = n % HISTORY */

extern const struct shell_command __start_shell_cmds[], __stop_shell_cmds[];

#define REDIRECT_MAX (64 * 1024)

/* The output of a command running under "> path", collected by shell_write(). */
struct redirect {
	char *buf;			/* NULL: no redirection */
	size_t len;
	bool overflow;
	struct task_struct *task;	/* only this task's output is collected */
};
static struct redirect redirect;

void shell_write(const char *buf, size_t len)
{
	if (redirect.buf && redirect.task == current) {
		if (len > REDIRECT_MAX - redirect.len) {
			len = REDIRECT_MAX - redirect.len;
			redirect.overflow = true;
		}
		memcpy(redirect.buf + redirect.len, buf, len);
		redirect.len += len;
		return;
	}
	console_write(buf, len);
}

int shell_eprintf(const char *fmt, ...)
{
	char buf[512];
	va_list args;
	int n;

	va_start(args, fmt);
	n = vscnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	console_write(buf, n);
	return n;
}

void shell_puts(const char *s)
{
	shell_write(s, strlen(s));
}

int shell_printf(const char *fmt, ...)
{
	char buf[512];
	va_list args;
	int n;

	va_start(args, fmt);
	n = vscnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	shell_write(buf, n);
	return n;
}

const struct shell_command *shell_find(const char *name)
{
	const struct shell_command *c;

	for (c = __start_shell_cmds; c < __stop_shell_cmds; c++)
		if (!strcmp(c->name, name))
			return c;
	return NULL;
}

int shell_usage(const struct shell_command *cmd)
{
	shell_printf("usage: %s\n", cmd->usage);
	return 2;
}

int shell_split(char *line, char **argv, int max)
{
	char *in = line, *out = line;
	int argc = 0;

	for (;;) {
		char quote = 0;

		while (*in == ' ' || *in == '\t')
			in++;
		if (!*in)
			break;
		if (argc == max)
			return -E2BIG;
		argv[argc++] = out;
		while (*in && (quote || (*in != ' ' && *in != '\t'))) {
			if (quote && *in == quote)
				quote = 0;
			else if (!quote && (*in == '"' || *in == '\''))
				quote = *in;
			else
				*out++ = *in;
			in++;
		}
		if (*in)
			in++;
		*out++ = 0;
	}
	return argc;
}

/*
 * Cut "> path" or ">> path" out of line: the first '>' outside quotes, the
 * path glued on or not ("echo 1 >/x"); words after the path stay
 * arguments, as in sh. Return: 0, with path "" when there is no '>', or 2
 * after a syntax error message.
 */
static int cut_redirection(char *line, char *path, bool *append)
{
	char *p, *start, *out = path, quote = 0;

	path[0] = 0;
	for (p = line; *p && (quote || *p != '>'); p++) {
		if (quote && *p == quote)
			quote = 0;
		else if (!quote && (*p == '"' || *p == '\''))
			quote = *p;
	}
	if (!*p)
		return 0;
	start = p++;
	*append = *p == '>';
	p += *append;
	p = skip_spaces(p);
	for (; *p && (quote || (*p != ' ' && *p != '\t' && *p != '>')); p++) {
		if (quote && *p == quote)
			quote = 0;
		else if (!quote && (*p == '"' || *p == '\''))
			quote = *p;
		else if (out < path + SHELL_LINE_MAX - 1)
			*out++ = *p;
	}
	*out = 0;
	if (out == path + SHELL_LINE_MAX - 1) {
		shell_eprintf("sh: %s\n", errno_text(-ENAMETOOLONG));
		return 2;
	}
	if (!path[0] || strchr(p, '>')) {
		shell_eprintf("sh: syntax error near unexpected token `%s'\n", path[0] ? ">" : "newline");
		return 2;
	}
	memmove(start, p, strlen(p) + 1);
	return 0;
}

/*
 * Run line with its output collected, then write it to path in one
 * write() call, so that a sysfs store() sees exactly what `echo` printed.
 * The file is opened (created, truncated) first, as sh does, so a bad
 * path runs nothing. Errors are Linux's shell wording: "sh: <path>:
 * <error>" for the open, "<command>: write error: <error>" for the write.
 */
static int run_redirected(char *line, const char *path, bool append)
{
	struct redirect saved = redirect, out;
	struct file *file;
	size_t done;
	ssize_t n;
	int ret;

	file = filp_open(path, O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC), 0644);
	if (IS_ERR(file)) {
		shell_eprintf("sh: %s: %s\n", path, errno_text(PTR_ERR(file)));
		return 1;
	}
	redirect = (struct redirect){ kmalloc(REDIRECT_MAX, GFP_KERNEL), 0, false, current };
	if (!redirect.buf) {
		redirect = saved;
		filp_close(file);
		shell_eprintf("sh: %s: %s\n", path, errno_text(-ENOMEM));
		return 1;
	}
	ret = shell_run_line(line);	/* leaves argv[0] at the start of line */
	out = redirect;
	redirect = saved;
	if (out.overflow) {
		shell_eprintf("sh: %s: output over %d KiB, nothing written\n", path, REDIRECT_MAX / 1024);
		ret = 1;
	}
	for (done = 0; !out.overflow && done < out.len; done += n) {
		n = kernel_write(file, out.buf + done, out.len - done, NULL);
		if (n <= 0) {
			shell_eprintf("%s: write error: %s\n", line[0] ? line : "sh", errno_text(n ? n : -EIO));
			ret = 1;
			break;
		}
	}
	kfree(out.buf);
	filp_close(file);
	return ret;
}

int shell_run_line(char *line)
{
	char *argv[SHELL_MAX_ARGS + 1], path[SHELL_LINE_MAX];
	const struct shell_command *cmd;
	int argc, ret;
	bool append;

	ret = cut_redirection(line, path, &append);
	if (ret)
		return ret;
	if (path[0])
		return run_redirected(line, path, append);
	argc = shell_split(line, argv, SHELL_MAX_ARGS);
	if (argc < 0) {
		shell_printf("shell: too many arguments (at most %d)\n", SHELL_MAX_ARGS);
		return 2;
	}
	if (argc == 0)
		return 0;
	argv[argc] = NULL;
	cmd = shell_find(argv[0]);
	if (cmd)
		return cmd->fn(argc, argv);
	/* Not a built-in: a program, by path or from /bin. */
	ret = shell_run_program(argc, argv);
	if (ret != -ENOENT)
		return ret;
	shell_eprintf("%s: command not found\n", argv[0]);
	return 127;
}

static void erase(size_t n)
{
	while (n--)
		console_puts("\b \b");
}

/* Replace the line being edited by text, on screen too. */
static size_t replace_line(char *buf, size_t len, const char *text)
{
	erase(len);
	len = strscpy(buf, text, SHELL_LINE_MAX);
	console_write(buf, len);
	return len;
}

/*
 * Read one line with echo. Returns its length, or -1 when Ctrl-C
 * abandoned it. Understands backspace/DEL, Ctrl-U, Ctrl-C and the
 * up/down arrows (ESC [ A / ESC [ B) for history; other keys are ignored.
 */
static int read_line(char *buf)
{
	unsigned int browse = history_len;
	static bool last_cr;
	size_t len = 0;
	int c;

	for (;;) {
		c = console_getc();
		if (c == '\n' && last_cr) {	/* "\r\n" from the terminal: one Enter */
			last_cr = false;
			continue;
		}
		last_cr = (c == '\r');
		if (c == '\r' || c == '\n') {
			console_puts("\n");
			buf[len] = 0;
			return len;
		} else if (c == 0x7f || c == '\b') {
			if (len) {
				len--;
				erase(1);
			}
		} else if (c == 0x15) {		/* Ctrl-U */
			erase(len);
			len = 0;
		} else if (c == 0x03) {		/* Ctrl-C */
			console_puts("^C\n");
			return -1;
		} else if (c == 0x1b) {
			if (console_getc() != '[')
				continue;
			c = console_getc();
			if (c == 'A' && browse > 0 && history_len - browse < min(history_len, HISTORY)) {
				browse--;
				len = replace_line(buf, len, history[browse % HISTORY]);
			} else if (c == 'B' && browse < history_len) {
				browse++;
				len = replace_line(buf, len, browse == history_len ? "" :
						   history[browse % HISTORY]);
			}
		} else if (c >= 0x20 && c < 0x7f && len < SHELL_LINE_MAX - 1) {
			buf[len++] = c;
			console_write((char *)&buf[len - 1], 1);
		}
	}
}

static void remember(const char *line)
{
	if (!*skip_spaces(line))
		return;
	if (history_len && !strcmp(history[(history_len - 1) % HISTORY], line))
		return;
	strscpy(history[history_len % HISTORY], line, SHELL_LINE_MAX);
	history_len++;
}

void shell_main(void)
{
	static char line[SHELL_LINE_MAX];

	for (;;) {
		shell_reap_jobs();
		console_puts(PROMPT);
		if (read_line(line) < 0)
			continue;
		remember(line);
		shell_run_line(line);
	}
}
