// SPDX-License-Identifier: MIT
/* Exports a name the kernel already exports: "exports duplicate symbol strlen (owned by kernel)". */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/init.h>

size_t strlen(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}
EXPORT_SYMBOL(strlen);

MODULE_LICENSE("GPL");
