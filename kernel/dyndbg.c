// SPDX-License-Identifier: MIT
/*
 * pr_debug switches by module name: a small version of Linux's dynamic
 * debug. `dyndbg +livepatch` (shell) or `dyndbg=livepatch,sched` (boot)
 * turn on the pr_debug() lines of the files built with that KBUILD_MODNAME.
 */
#include <linux/kernel.h>
#include <scion/console.h>
#include <scion/init.h>
#include <scion/printk.h>
#include <scion/shell.h>

#define DYNDBG_MAX 16
#define DYNDBG_NAME 32

static char enabled[DYNDBG_MAX][DYNDBG_NAME];

bool printk_debug_enabled(const char *modname)
{
	int i;

	for (i = 0; i < DYNDBG_MAX; i++)
		if (enabled[i][0] && !strcmp(enabled[i], modname))
			return true;
	return false;
}

int dyndbg_set(const char *modname, bool on)
{
	int i, slot = -1;

	if (!*modname || strlen(modname) >= DYNDBG_NAME)
		return -EINVAL;
	for (i = 0; i < DYNDBG_MAX; i++) {
		if (!strcmp(enabled[i], modname)) {
			if (!on)
				enabled[i][0] = 0;
			return 0;
		}
		if (!enabled[i][0] && slot < 0)
			slot = i;
	}
	if (!on)
		return 0;
	if (slot < 0)
		return -ENOSPC;
	strscpy(enabled[slot], modname, DYNDBG_NAME);
	return 0;
}

static int dyndbg_param(const char *value)
{
	char buf[256], *s = buf, *tok;
	int err = 0;

	strscpy(buf, value, sizeof(buf));
	while ((tok = strsep(&s, ",")))
		if (*tok && dyndbg_set(tok, true))
			err = -EINVAL;
	return err;
}
early_param("dyndbg", dyndbg_param);

static int cmd_dyndbg(int argc, char **argv)
{
	int i, err;

	if (argc == 1) {
		for (i = 0; i < DYNDBG_MAX; i++)
			if (enabled[i][0])
				shell_printf("%s\n", enabled[i]);
		return 0;
	}
	for (i = 1; i < argc; i++) {
		if (argv[i][0] != '+' && argv[i][0] != '-') {
			shell_printf("dyndbg: expected +module or -module, got '%s'\n", argv[i]);
			return 1;
		}
		err = dyndbg_set(argv[i] + 1, argv[i][0] == '+');
		if (err) {
			shell_printf("dyndbg: %s: %s\n", argv[i], errno_text(err));
			return 1;
		}
	}
	return 0;
}
SHELL_COMMAND("dyndbg", cmd_dyndbg, "dyndbg [+module | -module ...]",
	      "turn pr_debug output of a module (e.g. livepatch) on or off; no argument lists them");
