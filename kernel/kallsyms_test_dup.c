// SPDX-License-Identifier: MIT
/*
 * The second of two static functions named kallsyms_test_dup (the first is
 * in kallsyms_test.c): what livepatch's sympos tells apart.
 */
#include <linux/compiler.h>

static noinline int kallsyms_test_dup(void)
{
	barrier();
	return 2;
}

/* Its address, for kallsyms_test.c; taking it also keeps the function. */
unsigned long kallsyms_test_dup_address(void)
{
	return (unsigned long)kallsyms_test_dup;
}
