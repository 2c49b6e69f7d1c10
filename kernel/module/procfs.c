// SPDX-License-Identifier: MIT
/*
 * /proc/modules, one line per module as Linux prints it (Linux:
 * kernel/module/procfs.c):
 *   demo 16384 0 - Live 0xffffffffa0000000 (O)
 * name, size, references, the modules using it ("-" for none), state,
 * address, taint flags.
 */
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <scion/init.h>
#include "internal.h"

static int modules_show(struct seq_file *m, void *v)
{
	struct module *mod;
	struct module_use *use;
	char flags[16];

	mutex_lock(&module_mutex);
	list_for_each_entry_reverse(mod, &modules, list) {
		if (mod->state == MODULE_STATE_UNFORMED)
			continue;
		seq_printf(m, "%s %u %d ", mod->name, mod->core_layout.size, module_refcount(mod));
		list_for_each_entry(use, &mod->source_list, source_list)
			seq_printf(m, "%s,", use->source->name);
		if (list_empty(&mod->source_list))
			seq_puts(m, "-");
		seq_printf(m, " %s 0x%016lx", module_state_name(mod->state),
			   (unsigned long)mod->core_layout.base);
		if (mod->taints)
			seq_printf(m, " (%s)", module_flags(mod, flags, false));
		seq_puts(m, "\n");
	}
	mutex_unlock(&module_mutex);
	return 0;
}

static int modules_proc_init(void)
{
	return proc_create_single("modules", 0444, NULL, modules_show) ? 0 : -ENOMEM;
}
fs_initcall(modules_proc_init);
