// SPDX-License-Identifier: MIT
/*
 * The module loader: load_module() takes a checked ELF file through the
 * states UNFORMED -> COMING -> LIVE, module_delete() through GOING to
 * gone; each failure unwinds everything done so far, so a module is never
 * left half loaded (Linux: kernel/module/main.c).
 */
#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/ctype.h>
#include <linux/fs.h>
#include <linux/ftrace.h>
#include <linux/livepatch.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/notifier.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/vermagic.h>
#include <asm/elf.h>
#include <arch.h>
#include "internal.h"

/*
 * The module list. Changed under module_mutex with interrupts off, so
 * that lockless walkers with preemption disabled (kallsyms lookups, from
 * any context) see it whole. [Linux: RCU]
 */
LIST_HEAD(modules);
DEFINE_MUTEX(module_mutex);
EXPORT_SYMBOL_GPL(module_mutex);
static BLOCKING_NOTIFIER_HEAD(module_notify_list);

/* What the last load cost, for `modbench`. */
struct module_load_stats module_last_load;

int register_module_notifier(struct notifier_block *nb)
{
	return blocking_notifier_chain_register(&module_notify_list, nb);
}
EXPORT_SYMBOL(register_module_notifier);

int unregister_module_notifier(struct notifier_block *nb)
{
	return blocking_notifier_chain_unregister(&module_notify_list, nb);
}
EXPORT_SYMBOL(unregister_module_notifier);

/* ---- Lookups ---- */

static struct module *find_module_all(const char *name, bool even_unformed)
{
	struct module *mod;

	list_for_each_entry(mod, &modules, list) {
		if (!even_unformed && mod->state == MODULE_STATE_UNFORMED)
			continue;
		if (!strcmp(mod->name, name))
			return mod;
	}
	return NULL;
}

struct module *find_module(const char *name)
{
	return find_module_all(name, false);
}
EXPORT_SYMBOL_GPL(find_module);

struct module *__module_address(unsigned long addr)
{
	struct module *mod;

	list_for_each_entry(mod, &modules, list)
		if (mod->state != MODULE_STATE_UNFORMED && within_module(addr, mod))
			return mod;
	return NULL;
}
EXPORT_SYMBOL_GPL(__module_address);

struct module *__module_text_address(unsigned long addr)
{
	struct module *mod = __module_address(addr);

	if (mod && addr - (unsigned long)mod->core_layout.base >= mod->core_layout.text_size)
		mod = NULL;
	return mod;
}
EXPORT_SYMBOL_GPL(__module_text_address);

bool is_module_address(unsigned long addr)
{
	bool ret;

	preempt_disable();
	ret = __module_address(addr) != NULL;
	preempt_enable();
	return ret;
}

bool is_module_text_address(unsigned long addr)
{
	bool ret;

	preempt_disable();
	ret = __module_text_address(addr) != NULL;
	preempt_enable();
	return ret;
}

int module_for_each(int (*fn)(struct module *mod, void *data), void *data)
{
	struct module *mod;
	int ret = 0;

	mutex_lock(&module_mutex);
	list_for_each_entry(mod, &modules, list) {
		if (mod->state == MODULE_STATE_UNFORMED)
			continue;
		ret = fn(mod, data);
		if (ret)
			break;
	}
	mutex_unlock(&module_mutex);
	return ret;
}

static void list_publish(struct module *mod)
{
	unsigned long flags;

	local_irq_save(flags);
	list_add_tail(&mod->list, &modules);
	local_irq_restore(flags);
}

static void list_unpublish(struct module *mod)
{
	unsigned long flags;

	local_irq_save(flags);
	list_del(&mod->list);
	local_irq_restore(flags);
}

/* ---- References and dependencies ---- */

bool try_module_get(struct module *mod)
{
	unsigned long flags;
	bool ret = true;

	if (!mod)
		return true;
	local_irq_save(flags);
	if (module_is_live(mod))
		mod->refcnt++;
	else
		ret = false;
	local_irq_restore(flags);
	return ret;
}
EXPORT_SYMBOL(try_module_get);

void __module_get(struct module *mod)
{
	unsigned long flags;

	if (!mod)
		return;
	local_irq_save(flags);
	mod->refcnt++;
	local_irq_restore(flags);
}
EXPORT_SYMBOL(__module_get);

void module_put(struct module *mod)
{
	unsigned long flags;

	if (!mod)
		return;
	local_irq_save(flags);
	WARN_ON_ONCE(mod->refcnt <= 0);
	mod->refcnt--;
	local_irq_restore(flags);
}
EXPORT_SYMBOL(module_put);

int module_refcount(struct module *mod)
{
	return READ_ONCE(mod->refcnt);
}
EXPORT_SYMBOL(module_refcount);

/*
 * a uses symbols of b: b gets a reference and a holder, once per pair.
 * Context: module_mutex. [Linux: ref_module()]
 */
static int ref_module(struct module *a, struct module *b)
{
	struct module_use *use;

	list_for_each_entry(use, &b->source_list, source_list)
		if (use->source == a)
			return 0;
	if (b->state == MODULE_STATE_COMING)
		return -EBUSY;
	use = kmalloc(sizeof(*use), GFP_KERNEL);
	if (!use)
		return -ENOMEM;
	if (!try_module_get(b)) {
		kfree(use);
		return -ENOENT;
	}
	use->source = a;
	use->target = b;
	list_add(&use->source_list, &b->source_list);
	list_add(&use->target_list, &a->target_list);
	return 0;
}

/* Drop every dependency of mod. Context: module_mutex. [Linux: module_unload_free()] */
static void module_unload_free(struct module *mod)
{
	struct module_use *use, *tmp;

	list_for_each_entry_safe(use, tmp, &mod->target_list, target_list) {
		list_del(&use->source_list);
		list_del(&use->target_list);
		module_put(use->target);
		kfree(use);
	}
}

/* Resolve one undefined symbol of mod (module_resolve_fn). [Linux: resolve_symbol()] */
static int resolve_symbol(void *ctx, const char *name, unsigned long *value)
{
	struct module *mod = ctx, *owner;
	const struct kernel_symbol *sym;
	bool gpl_only;
	int err;

	module_last_load.undefined++;
	sym = module_find_export(name, &owner, &gpl_only);
	if (!sym || (gpl_only && !mod->gpl_compatible))
		return -ENOENT;
	if (owner) {
		err = ref_module(mod, owner);
		if (err)
			return err;
	}
	*value = sym->value;
	return 0;
}

/* ---- Names, states, taint flags ---- */

const char *module_state_name(enum module_state state)
{
	switch (state) {
	case MODULE_STATE_LIVE: return "Live";
	case MODULE_STATE_COMING: return "Loading";
	case MODULE_STATE_GOING: return "Unloading";
	default: return "Unformed";
	}
}

/* Linux: module_flags(): "(POKE)" letters in taint order, with +/- for loading/unloading. */
char *module_flags(struct module *mod, char *buf, bool show_state)
{
	static const struct { unsigned int flag; char c; } letters[] = {
		{ TAINT_PROPRIETARY_MODULE, 'P' }, { TAINT_OOT_MODULE, 'O' },
		{ TAINT_FORCED_MODULE, 'F' }, { TAINT_LIVEPATCH, 'K' },
	};
	unsigned int i, n = 0;

	for (i = 0; i < ARRAY_SIZE(letters); i++)
		if (mod->taints & (1UL << letters[i].flag))
			buf[n++] = letters[i].c;
	if (show_state && mod->state == MODULE_STATE_GOING)
		buf[n++] = '-';
	if (show_state && mod->state == MODULE_STATE_COMING)
		buf[n++] = '+';
	buf[n] = 0;
	return buf;
}

static void taint_module(struct module *mod, unsigned int flag)
{
	add_taint(flag);
	mod->taints |= 1UL << flag;
}

/* ---- Loading ---- */

static const char *get_modinfo(const struct load_info *info, const char *tag)
{
	const Elf64_Shdr *s = &info->sechdrs[info->index.modinfo];

	if (!info->index.modinfo)
		return NULL;
	return module_get_modinfo((const char *)info->hdr + s->sh_offset, s->sh_size, tag, NULL);
}

/* A module name becomes a directory name: 1-55 of [A-Za-z0-9_]. */
static bool valid_name(const char *name)
{
	size_t i, len = strnlen(name, MODULE_NAME_LEN);

	if (!len || len == MODULE_NAME_LEN)
		return false;
	for (i = 0; i < len; i++)
		if (!isalnum(name[i]) && name[i] != '_')
			return false;
	return true;
}

/* The module's name, from .modinfo "name=" (Linux: also .gnu.linkonce.this_module). */
static int setup_load_info(struct load_info *info)
{
	const char *name = get_modinfo(info, "name");

	if (!name) {
		pr_err("module: '%s': no module name in .modinfo (not built by make modules?)\n", info->name);
		return -ENOEXEC;
	}
	if (!valid_name(name)) {
		pr_err("module: '%s': bad module name '%.*s'\n", info->name, MODULE_NAME_LEN, name);
		return -ENOEXEC;
	}
	info->name = name;
	return 0;
}

/* vermagic, intree, license, livepatch. [Linux: check_modinfo(), set_license()] */
static int check_modinfo(struct module *mod, const struct load_info *info)
{
	const char *magic = get_modinfo(info, "vermagic");
	const char *license = get_modinfo(info, "license");

	if (!magic) {
		pr_warn("%s: no version magic, tainting kernel.\n", mod->name);
		taint_module(mod, TAINT_FORCED_MODULE);
	} else if (strcmp(magic, VERMAGIC_STRING)) {
		pr_err("%s: version magic '%s' should be '%s'\n", mod->name, magic, VERMAGIC_STRING);
		return -ENOEXEC;
	}
	if (!get_modinfo(info, "intree")) {
		pr_warn("%s: loading out-of-tree module taints kernel.\n", mod->name);
		taint_module(mod, TAINT_OOT_MODULE);
	}
	mod->gpl_compatible = module_license_is_gpl_compatible(license);
	if (!mod->gpl_compatible) {
		pr_warn("%s: module license '%s' taints kernel.\n", mod->name, license ?: "unspecified");
		taint_module(mod, TAINT_PROPRIETARY_MODULE);
	}
	if (get_modinfo(info, "livepatch") && !strcmp(get_modinfo(info, "livepatch"), "Y")) {
		mod->klp = true;
		taint_module(mod, TAINT_LIVEPATCH);
		pr_notice("%s: tainting kernel with TAINT_LIVEPATCH\n", mod->name);
	}
	return 0;
}

/* Is s a NUL-terminated string inside mod's memory? */
static bool string_in_module(const struct module *mod, const char *s)
{
	unsigned long end = (unsigned long)mod->core_layout.base + mod->core_layout.size;

	return within_module((unsigned long)s, mod) && memchr(s, 0, end - (unsigned long)s);
}

/* The contents of section name as an array of objects, or NULL; -ENOEXEC if malformed. */
static int section_objs(const struct load_info *info, const char *name, size_t size,
			const void **objs, unsigned int *num)
{
	unsigned int i = module_find_sec(info, name);
	const Elf64_Shdr *s = &info->sechdrs[i];

	*objs = NULL;
	*num = 0;
	if (!i || !(s->sh_flags & SHF_ALLOC))
		return 0;
	if (s->sh_size % size || s->sh_addr % 8) {
		pr_err("%s: section %s: size %llu or alignment is wrong\n", info->name, name,
		       (unsigned long long)s->sh_size);
		return -ENOEXEC;
	}
	*objs = (const void *)s->sh_addr;
	*num = s->sh_size / size;
	return 0;
}

/* Exports, parameters, mcount sites, init and exit. [Linux: find_module_sections()] */
static int find_module_sections(struct module *mod, const struct load_info *info)
{
	const Elf64_Sym *syms = (const void *)info->sechdrs[info->index.sym].sh_addr;
	const void *p;
	unsigned int i;
	int err;

	err = section_objs(info, "__ksymtab", sizeof(*mod->syms), &p, &mod->num_syms);
	mod->syms = p;
	if (!err)
		err = section_objs(info, "__ksymtab_gpl", sizeof(*mod->gpl_syms), &p, &mod->num_gpl_syms);
	mod->gpl_syms = p;
	if (!err)
		err = section_objs(info, "__param", sizeof(*mod->kp), &p, &mod->num_kp);
	mod->kp = p;
	if (!err)
		err = section_objs(info, "__mcount_loc", sizeof(unsigned long), &p,
				   &mod->num_ftrace_callsites);
	mod->ftrace_callsites = (unsigned long *)p;
	if (err)
		return err;
	for (i = 0; i < mod->num_syms; i++)
		if (!string_in_module(mod, mod->syms[i].name))
			goto bad_string;
	for (i = 0; i < mod->num_gpl_syms; i++)
		if (!string_in_module(mod, mod->gpl_syms[i].name))
			goto bad_string;
	for (i = 0; i < mod->num_kp; i++)
		if (!string_in_module(mod, mod->kp[i].name) || !mod->kp[i].ops)
			goto bad_string;
	for (i = 1; i < info->num_syms; i++) {
		const char *name = info->strtab + syms[i].st_name;
		unsigned long addr = syms[i].st_value;

		if (ELF64_ST_BIND(syms[i].st_info) == STB_LOCAL || !module_sym_is_interesting(info, &syms[i]))
			continue;
		if (addr - (unsigned long)mod->core_layout.base >= mod->core_layout.text_size)
			continue;
		if (!strcmp(name, "init_module"))
			mod->init = (int (*)(void))addr;
		else if (!strcmp(name, "cleanup_module"))
			mod->exit = (void (*)(void))addr;
	}
	return 0;

bad_string:
	pr_err("%s: an export or parameter name lies outside the module\n", info->name);
	return -ENOEXEC;
}

/* No two exports with one name, here or anywhere. [Linux: verify_exported_symbols()] */
static int verify_exported_symbols(struct module *mod)
{
	const struct kernel_symbol *tables[] = { mod->syms, mod->gpl_syms };
	unsigned int counts[] = { mod->num_syms, mod->num_gpl_syms };
	const char *dup;
	struct module *owner;
	bool gpl;
	unsigned int t, i;

	if (module_sort_exports(mod, &dup)) {
		pr_err("%s: exports duplicate symbol %s (owned by %s)\n", mod->name, dup, mod->name);
		return -ENOEXEC;
	}
	for (t = 0; t < 2; t++) {
		for (i = 0; i < counts[t]; i++) {
			if (!module_find_export(tables[t][i].name, &owner, &gpl))
				continue;
			pr_err("%s: exports duplicate symbol %s (owned by %s)\n", mod->name,
			       tables[t][i].name, module_name(owner));
			return -ENOEXEC;
		}
	}
	return 0;
}

/* Text RX, read-only data R, data RW and not executable. [Linux: module_enable_ro/nx()] */
static int module_enable_protections(struct module *mod)
{
	const struct module_layout *l = &mod->core_layout;
	char *base = l->base;
	int err = 0;

	if (l->text_size)
		err = arch_module_set_prot(base, l->text_size, PROT_READ | PROT_EXEC);
	if (!err && l->ro_size > l->text_size)
		err = arch_module_set_prot(base + l->text_size, l->ro_size - l->text_size, PROT_READ);
	return err;
}

/*
 * ftrace: the module's __mcount_loc call sites (mod->ftrace_callsites)
 * join ftrace when it is COMING, before livepatch looks at it, and leave
 * after its exit has run and livepatch has let go of it (Linux:
 * ftrace_module_init() while UNFORMED and ftrace_module_enable() in
 * prepare_coming_module(); ftrace_release_mod() after GOING).
 */
static int module_ftrace_init(struct module *mod)
{
	return ftrace_module_init(mod);
}

static void module_ftrace_release(struct module *mod)
{
	ftrace_release_mod(mod);
}

/* Free everything of mod; it is off the list. [Linux: free_module()] */
static void free_module_memory(struct module *mod)
{
	struct module_layout layout = mod->core_layout;

	kfree(mod->args);
	kfree(mod->modinfo);
	module_free_elf(mod);
	module_free_kallsyms(mod);
	arch_module_free(layout.base, layout.size);
}

/* Copy .modinfo for modinfo-style readers and /sys. */
static int keep_modinfo(struct module *mod, const struct load_info *info)
{
	const Elf64_Shdr *s = &info->sechdrs[info->index.modinfo];

	if (!info->index.modinfo)
		return 0;
	mod->modinfo = kmemdup((const char *)info->hdr + s->sh_offset, s->sh_size, GFP_KERNEL);
	mod->modinfo_size = s->sh_size;
	return mod->modinfo ? 0 : -ENOMEM;
}

static unsigned long count_relocations(const struct load_info *info)
{
	unsigned long n = 0;
	unsigned int i;

	for (i = 1; i < info->hdr->e_shnum; i++) {
		const Elf64_Shdr *s = &info->sechdrs[i];

		if (s->sh_type == SHT_RELA && (info->sechdrs[s->sh_info].sh_flags & SHF_ALLOC) &&
		    !(s->sh_flags & SHF_RELA_LIVEPATCH))
			n += s->sh_size / sizeof(Elf64_Rela);
	}
	return n;
}

/*
 * Phase one, under module_mutex: place, resolve, relocate and publish the
 * module as UNFORMED, then make it COMING. On failure nothing remains.
 */
static struct module *form_module(struct load_info *info, const char *args)
{
	struct module *mod;
	void *base;
	u64 t0;
	int err;

	err = module_layout_sections(info);
	if (err)
		return ERR_PTR(err);
	mutex_lock(&module_mutex);
	err = -EEXIST;
	if (find_module_all(info->name, true)) {
		pr_err("%s: a module of that name is already loaded\n", info->name);
		goto out_unlock;
	}
	err = -ENOMEM;
	base = arch_module_alloc(info->layout.size);
	if (!base) {
		pr_err("%s: no room for %u bytes in the module area\n", info->name, info->layout.size);
		goto out_unlock;
	}
	err = module_copy_sections(info, base);
	if (err) {
		arch_module_free(base, info->layout.size);
		goto out_unlock;
	}
	mod = (struct module *)((char *)base + info->mod_offset);
	strscpy(mod->name, info->name, sizeof(mod->name));
	mod->state = MODULE_STATE_UNFORMED;
	mod->core_layout = info->layout;
	INIT_LIST_HEAD(&mod->source_list);
	INIT_LIST_HEAD(&mod->target_list);
	list_publish(mod);

	err = check_modinfo(mod, info);
	if (!err)
		err = keep_modinfo(mod, info);
	mod->args = kstrdup(args ?: "", GFP_KERNEL);
	if (!err && !mod->args)
		err = -ENOMEM;
	if (err)
		goto out_free;
	t0 = arch_clock_ns();
	module_export_compares = 0;
	err = module_simplify_symbols(info, mod, resolve_symbol, mod);
	module_last_load.resolve_ns = arch_clock_ns() - t0;
	module_last_load.compares = module_export_compares;
	if (err)
		goto out_free;
	t0 = arch_clock_ns();
	module_last_load.relocations = count_relocations(info);
	err = module_apply_relocations(info, mod);
	if (!err)
		err = module_apply_klp_relocations(info, mod);
	module_last_load.relocate_ns = arch_clock_ns() - t0;
	if (!err)
		err = find_module_sections(mod, info);
	if (!err)
		err = module_add_kallsyms(mod, info);
	if (!err && mod->klp)
		err = module_copy_elf(mod, info);
	if (!err)
		err = verify_exported_symbols(mod);
	if (!err)
		err = module_enable_protections(mod);
	if (err)
		goto out_free;
	mod->state = MODULE_STATE_COMING;
	mutex_unlock(&module_mutex);
	return mod;

out_free:
	module_unload_free(mod);
	list_unpublish(mod);
	free_module_memory(mod);
out_unlock:
	mutex_unlock(&module_mutex);
	return ERR_PTR(err);
}

/* The last step of every unload and failed load: gone from the list, memory freed. */
static void free_module(struct module *mod)
{
	module_sysfs_teardown(mod);
	mutex_lock(&module_param_mutex);
	module_destroy_params(mod);
	mutex_unlock(&module_param_mutex);
	mutex_lock(&module_mutex);
	module_unload_free(mod);
	list_unpublish(mod);
	mutex_unlock(&module_mutex);
	free_module_memory(mod);
}

/* GOING: notifiers, livepatch, ftrace, in Linux's order. */
static void going_notify(struct module *mod)
{
	mod->state = MODULE_STATE_GOING;
	blocking_notifier_call_chain(&module_notify_list, MODULE_STATE_GOING, mod);
	klp_module_going(mod);
	module_ftrace_release(mod);
}

/* COMING: livepatch first, then the notifiers. [Linux: prepare_coming_module()] */
static int prepare_coming_module(struct module *mod)
{
	int err;

	err = module_ftrace_init(mod);
	if (err)
		return err;
	err = klp_module_coming(mod);
	if (err)
		return err;
	err = notifier_to_errno(blocking_notifier_call_chain(&module_notify_list,
							      MODULE_STATE_COMING, mod));
	if (err) {
		/* Linux calls GOING only for the notifiers that saw COMING; here all of them. */
		blocking_notifier_call_chain(&module_notify_list, MODULE_STATE_GOING, mod);
		klp_module_going(mod);
	}
	return err;
}

/* Run init; LIVE on success, everything undone on failure. [Linux: do_init_module()] */
static int do_init_module(struct module *mod)
{
	int ret = 0;

	if (mod->init)
		ret = mod->init();
	if (ret < 0) {
		going_notify(mod);
		free_module(mod);
		return ret;
	}
	if (ret > 0)
		pr_warn("%s: '%pS'->init suspiciously returned %d, it should follow 0/-E convention\n",
			mod->name, mod->init, ret);
	mod->state = MODULE_STATE_LIVE;
	blocking_notifier_call_chain(&module_notify_list, MODULE_STATE_LIVE, mod);
	return 0;
}

static int load_module(struct load_info *info, const char *args)
{
	struct module *mod;
	u64 start = arch_clock_ns();
	int err;

	info->machine = ELF_ARCH_MACHINE;
	info->data = ELF_ARCH_DATA;
	memset(&module_last_load, 0, sizeof(module_last_load));
	err = module_elf_check(info);
	if (!err)
		err = setup_load_info(info);
	if (err)
		goto out;
	mod = form_module(info, args);
	if (IS_ERR(mod)) {
		err = PTR_ERR(mod);
		goto out;
	}
	module_last_load.size = mod->core_layout.size;
	err = prepare_coming_module(mod);
	if (err) {
		module_ftrace_release(mod);
		mod->state = MODULE_STATE_GOING;
		free_module(mod);
		goto out;
	}
	err = module_parse_args(mod, mod->args);
	if (!err)
		err = module_sysfs_setup(mod);
	if (err) {
		going_notify(mod);
		free_module(mod);
		goto out;
	}
	module_last_load.load_ns = arch_clock_ns() - start;
	err = do_init_module(mod);
out:
	module_free_load_info(info);
	return err;
}

int module_load_image(const void *image, size_t len, const char *args, const char *source)
{
	struct load_info info = { .name = source, .len = len };
	int err;

	/* The loader writes to the file (sh_addr, st_value): work on a copy. */
	info.hdr = kmalloc(len ?: 1, GFP_KERNEL);
	if (!info.hdr)
		return -ENOMEM;
	memcpy(info.hdr, image, len);
	err = load_module(&info, args);
	kfree(info.hdr);
	return err;
}
EXPORT_SYMBOL_GPL(module_load_image);

int module_load_file(const char *path, const char *args)
{
	struct load_info info = { .name = path };
	void *buf = NULL;
	ssize_t len;
	int err;

	len = kernel_read_file_from_path(path, &buf, MODULE_MAX_SIZE);
	if (len < 0)
		return len;
	info.hdr = buf;
	info.len = len;
	err = load_module(&info, args);
	kfree(buf);
	return err;
}

/* ---- Unloading ---- */

int module_delete(const char *name)
{
	struct module *mod;
	int err = 0;

	mutex_lock(&module_mutex);
	mod = find_module(name);
	if (!mod)
		err = -ENOENT;
	else if (!list_empty(&mod->source_list))
		err = -EWOULDBLOCK;	/* others use its symbols */
	else if (mod->state != MODULE_STATE_LIVE)
		err = -EBUSY;		/* coming or already going */
	else if (mod->init && !mod->exit)
		err = -EBUSY;		/* no way to undo its init */
	else if (module_refcount(mod))
		err = -EWOULDBLOCK;
	if (!err)
		mod->state = MODULE_STATE_GOING;	/* try_module_get() fails from now on */
	mutex_unlock(&module_mutex);
	if (err)
		return err;
	if (mod->exit)
		mod->exit();
	going_notify(mod);
	free_module(mod);
	return 0;
}
EXPORT_SYMBOL_GPL(module_delete);
