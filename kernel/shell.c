// SPDX-License-Identifier: MIT
/*
 * The serial shell: line editing with history, word splitting, and the
 * dispatch of commands registered with SHELL_COMMAND() anywhere in the
 * kernel.
 */
#include <linux/kernel.h>
#include <scion/console.h>
#include <scion/shell.h>

#define HISTORY 16
#define PROMPT "scion# "

static char history[HISTORY][SHELL_LINE_MAX];
static unsigned int history_len;	/* lines ever stored; slot = n % HISTORY */

extern const struct shell_command __start_shell_cmds[], __stop_shell_cmds[];

void shell_write(const char *buf, size_t len)
{
	console_write(buf, len);
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

int shell_run_line(char *line)
{
	char *argv[SHELL_MAX_ARGS + 1];
	const struct shell_command *cmd;
	int argc = shell_split(line, argv, SHELL_MAX_ARGS);

	if (argc < 0) {
		shell_printf("shell: too many arguments (at most %d)\n", SHELL_MAX_ARGS);
		return 2;
	}
	if (argc == 0)
		return 0;
	argv[argc] = NULL;
	cmd = shell_find(argv[0]);
	if (!cmd) {
		shell_printf("%s: command not found\n", argv[0]);
		return 127;
	}
	return cmd->fn(argc, argv);
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
		console_puts(PROMPT);
		if (read_line(line) < 0)
			continue;
		remember(line);
		shell_run_line(line);
	}
}
