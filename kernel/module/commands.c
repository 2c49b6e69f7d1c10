// SPDX-License-Identifier: MIT
/*
 * The shell's module commands, with kmod's output and messages: insmod,
 * rmmod, lsmod, modinfo ("insmod: ERROR: could not insert module
 * /tmp/x.ko: Invalid module format").
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <asm/elf.h>
#include <scion/shell.h>
#include "internal.h"

/* kmod's mod_strerror(): the errno text, except where init_module's errors mean more. */
static const char *mod_strerror(int err)
{
	switch (err) {
	case -ENOEXEC: return "Invalid module format";
	case -ENOENT: return "Unknown symbol in module";
	case -ESRCH: return "Module has wrong symbol version";
	case -EINVAL: return "Invalid parameters";
	default: return errno_text(err);
	}
}

/* "a=1 b='x y'" from the words after the path, quoting values that have spaces. */
static char *join_params(int argc, char **argv)
{
	size_t len = 1;
	char *args;
	int i;

	for (i = 0; i < argc; i++)
		len += strlen(argv[i]) + 3;
	args = kmalloc(len, GFP_KERNEL);
	if (!args)
		return NULL;
	args[0] = 0;
	for (i = 0; i < argc; i++) {
		const char *eq = strchr(argv[i], '=');

		if (i)
			strcat(args, " ");
		if (eq && strchr(eq, ' ')) {
			strncat(args, argv[i], eq + 1 - argv[i]);
			strcat(args, "\"");
			strcat(args, eq + 1);
			strcat(args, "\"");
		} else {
			strcat(args, argv[i]);
		}
	}
	return args;
}

static int cmd_insmod(int argc, char **argv)
{
	struct kstat st;
	char *args;
	int err;

	if (argc < 2)
		return shell_usage(shell_find("insmod"));
	/* A file kmod cannot even open gets its "could not load" wording. */
	err = vfs_stat(argv[1], &st);
	if (!err && S_ISDIR(st.mode))
		err = -EISDIR;
	if (err) {
		shell_eprintf("insmod: ERROR: could not load module %s: %s\n", argv[1], errno_text(err));
		return 1;
	}
	args = join_params(argc - 2, argv + 2);
	if (!args)
		return 1;
	err = module_load_file(argv[1], args);
	kfree(args);
	if (err) {
		shell_eprintf("insmod: ERROR: could not insert module %s: %s\n", argv[1],
			      mod_strerror(err));
		return 1;
	}
	return 0;
}
SHELL_COMMAND("insmod", cmd_insmod, "insmod <file.ko> [param=value ...]",
	      "load a module, with parameters");

/* "demo", "demo.ko" and "/lib/modules/demo.ko" all name module demo. */
static void module_name_of(const char *arg, char *name, size_t size)
{
	const char *base = strrchr(arg, '/') ? strrchr(arg, '/') + 1 : arg;
	size_t len = strlen(base);
	size_t i;

	if (len > 3 && !strcmp(base + len - 3, ".ko"))
		len -= 3;
	len = min(len, size - 1);
	for (i = 0; i < len; i++)
		name[i] = base[i] == '-' ? '_' : base[i];
	name[len] = 0;
}

/* kmod's check_module_inuse(): holders, then references. 0 if free to go. */
static int check_in_use(const char *name)
{
	struct module *mod;
	struct module_use *use;
	int ret = 0;

	mutex_lock(&module_mutex);
	mod = find_module(name);
	if (!mod) {
		shell_eprintf("rmmod: ERROR: Module %s is not currently loaded\n", name);
		ret = -ENOENT;
	} else if (!list_empty(&mod->source_list)) {
		shell_eprintf("rmmod: ERROR: Module %s is in use by:", name);
		list_for_each_entry(use, &mod->source_list, source_list)
			shell_eprintf(" %s", use->source->name);
		shell_eprintf("\n");
		ret = -EBUSY;
	} else if (module_refcount(mod) > 0) {
		shell_eprintf("rmmod: ERROR: Module %s is in use\n", name);
		ret = -EBUSY;
	}
	mutex_unlock(&module_mutex);
	return ret;
}

static int cmd_rmmod(int argc, char **argv)
{
	char name[MODULE_NAME_LEN];
	int i, status = 0, err;

	if (argc < 2)
		return shell_usage(shell_find("rmmod"));
	for (i = 1; i < argc; i++) {
		module_name_of(argv[i], name, sizeof(name));
		if (check_in_use(name)) {
			status = 1;
			continue;
		}
		err = module_delete(name);
		if (err) {
			shell_eprintf("rmmod: ERROR: could not remove module %s: %s\n", argv[i],
				      errno_text(err));
			status = 1;
		}
	}
	return status;
}
SHELL_COMMAND("rmmod", cmd_rmmod, "rmmod <module> ...", "unload modules");

static int lsmod_one(struct module *mod, void *data)
{
	struct module_use *use;
	const char *sep = " ";

	shell_printf("%-19s %8u  %d", mod->name, mod->core_layout.size, module_refcount(mod));
	list_for_each_entry(use, &mod->source_list, source_list) {
		shell_printf("%s%s", sep, use->source->name);
		sep = ",";
	}
	shell_printf("\n");
	return 0;
}

/* Newest first, as /proc/modules and lsmod list them. */
static int cmd_lsmod(int argc, char **argv)
{
	struct module *mod;

	if (argc != 1)
		return shell_usage(shell_find("lsmod"));
	shell_printf("Module                  Size  Used by\n");
	mutex_lock(&module_mutex);
	list_for_each_entry_reverse(mod, &modules, list)
		if (mod->state != MODULE_STATE_UNFORMED)
			lsmod_one(mod, NULL);
	mutex_unlock(&module_mutex);
	return 0;
}
SHELL_COMMAND("lsmod", cmd_lsmod, "lsmod", "list loaded modules");

/* "parm:           name:description (type)" for each parameter, as kmod prints them. */
static void print_params(const char *info, size_t size)
{
	const char *type, *desc;

	for (type = NULL; (type = module_get_modinfo(info, size, "parmtype", type));) {
		size_t namelen = strcspn(type, ":");
		const char *d = NULL;

		for (desc = NULL; (desc = module_get_modinfo(info, size, "parm", desc));)
			if (!strncmp(desc, type, namelen) && desc[namelen] == ':')
				d = desc + namelen + 1;
		shell_printf("%-16s%.*s:%s (%s)\n", "parm:", (int)namelen, type, d ?: "",
			     type[namelen] ? type + namelen + 1 : "");
	}
}

static void print_modinfo(const char *path, const char *info, size_t size)
{
	size_t off = 0;

	shell_printf("%-16s%s\n", "filename:", path);
	while (off < size) {
		const char *entry = info + off, *eq;
		size_t len = strnlen(entry, size - off);
		char tag[32];

		off += len + 1;
		eq = strnchr(entry, len, '=');
		if (!eq || eq - entry >= (long)sizeof(tag) - 1)
			continue;
		snprintf(tag, sizeof(tag), "%.*s:", (int)(eq - entry), entry);
		if (!strcmp(tag, "parm:") || !strcmp(tag, "parmtype:"))
			continue;
		shell_printf("%-16s%.*s\n", tag, (int)(len - (eq + 1 - entry)), eq + 1);
	}
	print_params(info, size);
}

static int cmd_modinfo(int argc, char **argv)
{
	struct load_info info = { 0 };
	char path[256];
	void *buf = NULL;
	ssize_t len;
	int err;

	if (argc != 2)
		return shell_usage(shell_find("modinfo"));
	/* A bare name is looked up in /lib/modules, as modprobe's directory. */
	if (strchr(argv[1], '/') || strstr(argv[1], ".ko"))
		strscpy(path, argv[1], sizeof(path));
	else
		snprintf(path, sizeof(path), "/lib/modules/%s.ko", argv[1]);
	len = kernel_read_file_from_path(path, &buf, MODULE_MAX_SIZE);
	if (len < 0) {
		shell_eprintf("modinfo: ERROR: Module %s not found.\n", argv[1]);
		return 1;
	}
	info.name = path;
	info.hdr = buf;
	info.len = len;
	info.machine = ELF_ARCH_MACHINE;
	info.data = ELF_ARCH_DATA;
	err = module_elf_check(&info);
	if (!err && !info.index.modinfo)
		err = -ENODATA;
	if (err) {
		shell_eprintf("modinfo: ERROR: could not get modinfo from '%s': %s\n", argv[1],
			      mod_strerror(err));
	} else {
		const Elf64_Shdr *s = &info.sechdrs[info.index.modinfo];

		print_modinfo(path, (const char *)buf + s->sh_offset, s->sh_size);
	}
	kfree(buf);
	return err ? 1 : 0;
}
SHELL_COMMAND("modinfo", cmd_modinfo, "modinfo <file.ko|name>", "show a module's .modinfo");
