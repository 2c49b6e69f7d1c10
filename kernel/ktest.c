// SPDX-License-Identifier: MIT
/*
 * ktest: in-kernel unit tests with KTAP output, as Linux's KUnit prints it.
 * Suites are gathered from the ktest_suites table; `ktest [suite...]` runs
 * them from the shell and `ktest=` at boot.
 */
#include <linux/kernel.h>
#include <scion/console.h>
#include <scion/ktest.h>
#include <scion/shell.h>

extern const struct ktest_suite __start_ktest_suites[], __stop_ktest_suites[];

void ktest_fail(struct ktest *t, const char *file, int line, const char *fmt, ...)
{
	char msg[256];
	va_list args;

	va_start(args, fmt);
	vscnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	t->failures++;
	shell_printf("    # %s: %s:%d: %s\n", t->name, file, line, msg);
}

void ktest_skip(struct ktest *t, const char *reason)
{
	t->skipped = true;
	strscpy(t->skip_reason, reason, sizeof(t->skip_reason));
}

static const struct ktest_suite *find_suite(const char *name)
{
	const struct ktest_suite *s;

	for (s = __start_ktest_suites; s < __stop_ktest_suites; s++)
		if (!strcmp(s->name, name))
			return s;
	return NULL;
}

/* Runs one suite as a KTAP subtest; returns true when every case passed. */
static bool run_suite(const struct ktest_suite *s, int index)
{
	const struct ktest_case *c;
	int n = 0, i = 0, failed = 0;

	for (c = s->cases; c->name; c++)
		n++;
	shell_printf("    KTAP version 1\n    # Subtest: %s\n    1..%d\n", s->name, n);
	if (s->init && s->init()) {
		shell_printf("not ok %d %s # suite init failed\n", index, s->name);
		return false;
	}
	for (c = s->cases; c->name; c++) {
		struct ktest t = { .name = c->name };

		c->fn(&t);
		i++;
		if (t.skipped)
			shell_printf("    ok %d %s # SKIP %s\n", i, c->name, t.skip_reason);
		else if (t.failures)
			shell_printf("    not ok %d %s\n", i, c->name);
		else
			shell_printf("    ok %d %s\n", i, c->name);
		failed += !!t.failures;
	}
	if (s->exit)
		s->exit();
	shell_printf("%sok %d %s\n", failed ? "not " : "", index, s->name);
	return !failed;
}

int ktest_run(int nr, const char *const *names)
{
	const struct ktest_suite *s;
	int i, failed = 0;

	for (i = 0; i < nr; i++)
		if (!find_suite(names[i])) {
			shell_printf("ktest: no such suite: %s\n", names[i]);
			return -ENOENT;
		}
	shell_printf("KTAP version 1\n1..%d\n",
		       nr ? nr : (int)(__stop_ktest_suites - __start_ktest_suites));
	if (nr) {
		for (i = 0; i < nr; i++)
			failed += !run_suite(find_suite(names[i]), i + 1);
	} else {
		for (s = __start_ktest_suites, i = 1; s < __stop_ktest_suites; s++, i++)
			failed += !run_suite(s, i);
	}
	shell_printf("# ktest: %d suites failed\n", failed);
	return failed;
}

static int cmd_ktest(int argc, char **argv)
{
	const struct ktest_suite *s;

	if (argc == 2 && !strcmp(argv[1], "-l")) {
		for (s = __start_ktest_suites; s < __stop_ktest_suites; s++)
			shell_printf("%s\n", s->name);
		return 0;
	}
	if (argc == 2 && !strcmp(argv[1], "all"))
		argc = 1;
	return ktest_run(argc - 1, (const char *const *)argv + 1) ? 1 : 0;
}
SHELL_COMMAND("ktest", cmd_ktest, "ktest [-l | all | suite...]", "run in-kernel tests (KTAP output); -l lists suites");
