// SPDX-License-Identifier: MIT
/*
 * Livepatch core: patches, objects and functions (Linux:
 * kernel/livepatch/core.c). For now only the two calls the module loader
 * makes; the patch API and its sysfs interface arrive with the livepatch
 * core.
 */
#include <linux/kernel.h>
#include <linux/livepatch.h>
#include <linux/module.h>

/*
 * A module is COMING: apply every patch that targets it. There are no
 * patches yet, so nothing to apply.
 */
int klp_module_coming(struct module *mod)
{
	return 0;
}

/* A module is GOING: revert what klp_module_coming() applied (nothing yet). */
void klp_module_going(struct module *mod)
{
}
