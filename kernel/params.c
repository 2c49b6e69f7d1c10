// SPDX-License-Identifier: MIT
/* Kernel command-line parsing: "name=value" words, quotes allowed (Linux: kernel/params.c). */
#include <linux/kernel.h>
#include <scion/init.h>
#include <arch.h>

/*
 * Split the next word off *s: returns the word's start, sets *value to the
 * text after '=' (or "" when there is none). Double quotes group spaces.
 */
static char *next_arg(char **s, char **value)
{
	char *p = skip_spaces(*s), *start = p, *out = p;
	bool quoted = false;

	*value = NULL;
	if (!*p)
		return NULL;
	for (; *p && (quoted || *p != ' '); p++) {
		if (*p == '"') {
			quoted = !quoted;
			continue;
		}
		if (*p == '=' && !*value) {
			*out++ = 0;
			*value = out;
			continue;
		}
		*out++ = *p;
	}
	if (*p)
		p++;
	*out = 0;
	*s = p;
	if (!*value)
		*value = out;	/* empty string */
	return start;
}

bool cmdline_get(const char *name, char *buf, size_t size)
{
	return cmdline_find(boot_info.cmdline, name, buf, size);
}

bool cmdline_find(const char *cmdline, const char *name, char *buf, size_t size)
{
	char copy[BOOT_CMDLINE_SIZE], *s = copy, *word, *value;

	strscpy(copy, cmdline, sizeof(copy));
	while ((word = next_arg(&s, &value)))
		if (!strcmp(word, name)) {
			strscpy(buf, value, size);
			return true;
		}
	return false;
}

void parse_boot_params(void)
{
	extern const struct boot_param __start_boot_params[], __stop_boot_params[];
	char copy[BOOT_CMDLINE_SIZE], *s = copy, *word, *value;
	const struct boot_param *p;

	strscpy(copy, boot_info.cmdline, sizeof(copy));
	while ((word = next_arg(&s, &value))) {
		for (p = __start_boot_params; p < __stop_boot_params; p++) {
			if (strcmp(p->name, word))
				continue;
			if (p->fn(value))
				pr_warn("bad boot option value: %s=%s\n", word, value);
		}
	}
}
