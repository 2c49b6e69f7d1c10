// SPDX-License-Identifier: MIT
/* Running user programs from the shell: foreground, background (&), wait, kill, sleep. */
#include <linux/kernel.h>
#include <linux/delay.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <scion/console.h>
#include <scion/process.h>
#include <scion/shell.h>

#define WNOHANG 1

/* What the shell says when a program ends other than by exiting. */
static void report_status(pid_t pid, int status, bool background)
{
	if (WIFEXITED(status)) {
		if (background)
			shell_printf("[%d] done, status %d\n", pid, WEXITSTATUS(status));
		return;
	}
	if (background)
		shell_printf("[%d] killed by SIG%s\n", pid, signal_name(WTERMSIG(status)) ?: "?");
	else if (WTERMSIG(status) != SIGINT)
		shell_printf("%s (SIG%s)\n", WTERMSIG(status) == SIGSEGV ? "Segmentation fault" :
			     WTERMSIG(status) == SIGKILL ? "Killed" : "Terminated",
			     signal_name(WTERMSIG(status)) ?: "?");
}

int shell_run_program(int argc, char **argv)
{
	char path[256];
	struct kstat st;
	bool background = false;
	int status = 0;
	pid_t pid;

	if (argc > 1 && !strcmp(argv[argc - 1], "&")) {
		background = true;
		argv[--argc] = NULL;
	}
	if (strchr(argv[0], '/'))
		strscpy(path, argv[0], sizeof(path));
	else
		snprintf(path, sizeof(path), "/bin/%s", argv[0]);
	if (vfs_stat(path, &st))
		return strchr(argv[0], '/') ? (shell_eprintf("sh: %s: %s\n", path,
							    errno_text(-ENOENT)), 127) : -ENOENT;
	pid = spawn_user_process(path, (const char *const *)argv, background ? 0 : SPAWN_FOREGROUND);
	if (pid < 0) {
		shell_eprintf("sh: %s: %s\n", path, errno_text(pid));
		return pid == -ENOENT ? 127 : 126;
	}
	if (background) {
		shell_printf("[%d]\n", pid);
		return 0;
	}
	kernel_wait4(pid, &status, 0, false);	/* the child made itself the foreground */
	console_set_foreground(0);
	report_status(pid, status, false);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

void shell_reap_jobs(void)
{
	int status;
	long pid;

	while ((pid = kernel_wait4(-1, &status, WNOHANG, false)) > 0)
		report_status(pid, status, true);
}

static int cmd_wait(int argc, char **argv)
{
	int status;
	long pid, want = -1;

	if (argc > 2)
		return shell_usage(shell_find("wait"));
	if (argc == 2 && (kstrtol(argv[1], 10, &want) || want <= 0)) {
		shell_printf("wait: %s: not a pid\n", argv[1]);
		return 1;
	}
	while ((pid = kernel_wait4(want, &status, 0, false)) > 0) {
		report_status(pid, status, true);
		if (want > 0)
			return 0;
	}
	if (want > 0) {
		shell_printf("wait: pid %ld is not a child of this shell\n", want);
		return 127;
	}
	return 0;
}
SHELL_COMMAND("wait", cmd_wait, "wait [pid]", "wait for background programs to end");

static int cmd_kill(int argc, char **argv)
{
	int sig = SIGTERM, i = 1, err, ret = 0;
	long pid;

	if (argc > 1 && argv[1][0] == '-') {
		const char *s = argv[1] + 1;
		long n;

		if (!kstrtol(s, 10, &n))
			sig = n;
		else
			sig = signal_from_name(s);
		if (sig <= 0 || sig >= _NSIG) {
			shell_printf("kill: %s: invalid signal specification\n", s);
			return 1;
		}
		i++;
	}
	if (i == argc)
		return shell_usage(shell_find("kill"));
	for (; i < argc; i++) {
		if (kstrtol(argv[i], 10, &pid) || pid <= 0) {
			shell_printf("kill: %s: arguments must be process ids\n", argv[i]);
			ret = 1;
			continue;
		}
		err = kill_pid(pid, sig);
		if (err == -ESRCH)
			shell_printf("kill: (%ld) - No such process\n", pid);
		else if (err == -EPERM)
			shell_printf("kill: (%ld) - Operation not permitted\n", pid);
		if (err)
			ret = 1;
	}
	return ret;
}
SHELL_COMMAND("kill", cmd_kill, "kill [-SIGNAL | -N] pid...", "send a signal (default TERM) to processes");

/* "1", "0.5", "2.25" seconds -> milliseconds; -EINVAL otherwise. */
static long parse_seconds(const char *s)
{
	unsigned long whole = 0, frac = 0, scale = 1000;
	const char *dot = strchr(s, '.');
	char buf[24];

	if (!*s || strlen(s) >= sizeof(buf))
		return -EINVAL;
	strscpy(buf, s, sizeof(buf));
	if (dot)
		buf[dot - s] = 0;
	if ((buf[0] && kstrtoul(buf, 10, &whole)) || whole > 3600)
		return -EINVAL;
	for (s = dot ? dot + 1 : ""; *s; s++) {
		if (*s < '0' || *s > '9')
			return -EINVAL;
		scale /= 10;
		frac += (*s - '0') * scale;
	}
	if (dot && !dot[1] && !buf[0])
		return -EINVAL;
	return whole * 1000 + frac;
}

static int cmd_sleep(int argc, char **argv)
{
	long ms;

	if (argc != 2)
		return shell_usage(shell_find("sleep"));
	ms = parse_seconds(argv[1]);
	if (ms < 0) {
		shell_printf("sleep: invalid time interval '%s'\n", argv[1]);
		return 1;
	}
	msleep(ms);
	return 0;
}
SHELL_COMMAND("sleep", cmd_sleep, "sleep seconds", "pause the shell (fractions allowed: 0.5)");
