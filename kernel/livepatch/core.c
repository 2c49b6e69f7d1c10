// SPDX-License-Identifier: MIT
/*
 * The livepatch core: patches, objects and functions, their sysfs tree,
 * symbol resolution, enabling and disabling, and modules that come and go
 * (Linux: kernel/livepatch/core.c).
 */
#define pr_fmt(fmt) "livepatch: " fmt

#include <linux/kernel.h>
#include <linux/elf.h>
#include <linux/export.h>
#include <linux/bug.h>
#include <linux/kallsyms.h>
#include <linux/kobject.h>
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/sysfs.h>
#include <scion/init.h>
#include "core.h"
#include "patch.h"
#include "transition.h"

DEFINE_MUTEX(klp_mutex);
/* Patches that are enabled or in transition, in the order they were enabled. */
LIST_HEAD(klp_patches);

static struct kobject *klp_root_kobj;

static bool klp_is_module(struct klp_object *obj)
{
	return obj->name;
}

/* Bind obj to its module if that module is loaded and alive. Caller holds klp_mutex. */
static void klp_find_object_module(struct klp_object *obj)
{
	struct module *mod;

	if (!klp_is_module(obj))
		return;
	preempt_disable();
	mod = find_module(obj->name);
	/*
	 * A module that is still UNFORMED, or already GOING, is not patched
	 * here: klp_module_coming() / klp_module_going() handle those, under
	 * the same mutex. [Linux: mod->klp_alive]
	 */
	if (mod && mod->klp_alive)
		obj->mod = mod;
	preempt_enable();
}

static int klp_find_object_symbol(const char *objname, const char *name, unsigned long sympos,
				  unsigned long *addr)
{
	unsigned long count = 0;
	int ret;

	ret = kallsyms_find_symbol(objname, name, sympos, addr, &count);
	if (!ret)
		return 0;
	if (count == 0)
		pr_err("symbol '%s' not found in symbol table\n", name);
	else if (count > 1 && sympos == 0)
		pr_err("unresolvable ambiguity for symbol '%s' in object '%s'\n", name,
		       objname ? objname : "vmlinux");
	else
		pr_err("symbol position %lu for symbol '%s' in object '%s' not found\n", sympos,
		       name, objname ? objname : "vmlinux");
	*addr = 0;
	return -EINVAL;
}

/* ---- livepatch relocations (.klp.rela.<objname>.<section>) ---- */

/*
 * A patch module reaches what its target does not export (static
 * functions, unexported globals, a module's statics) through relocation
 * sections named .klp.rela.<objname>.<section> (SHF_RELA_LIVEPATCH) whose
 * symbols are SHN_LIVEPATCH and named .klp.sym.<objname>.<symbol>,<sympos>
 * (Documentation/livepatch/module-elf-format.rst; tools/klp-convert
 * writes them). The vmlinux ones are applied while the patch module is
 * formed (klp_apply_section_relocs() from the loader, Linux 5.8+); a
 * module's when that module is patched, and cleared when it goes, so that
 * they apply again when it comes back (Linux 6.1).
 */

/*
 * Give each symbol of relasec its address in sec_objname. Formats are
 * parsed as Linux does: object names of up to 55 characters
 * (MODULE_NAME_LEN 56), symbol names of up to 511 (KSYM_NAME_LEN 512).
 */
static int klp_resolve_symbols(Elf64_Shdr *sechdrs, const char *strtab, unsigned int symndx,
			       Elf64_Shdr *relasec, const char *sec_objname)
{
	static_assert(MODULE_NAME_LEN >= 56 && KSYM_NAME_LEN == 512);
	bool sec_vmlinux = !strcmp(sec_objname, "vmlinux");
	const Elf64_Rela *relas = (const void *)relasec->sh_addr;
	char sym_objname[MODULE_NAME_LEN], sym_name[KSYM_NAME_LEN];
	unsigned long sympos, addr, i;
	bool sym_vmlinux;
	int cnt, ret;

	for (i = 0; i < relasec->sh_size / sizeof(*relas); i++) {
		Elf64_Sym *sym = (Elf64_Sym *)sechdrs[symndx].sh_addr + ELF64_R_SYM(relas[i].r_info);

		if (sym->st_shndx != SHN_LIVEPATCH) {
			pr_err("symbol %s is not marked as a livepatch symbol\n", strtab + sym->st_name);
			return -EINVAL;
		}
		cnt = sscanf(strtab + sym->st_name, ".klp.sym.%55[^.].%511[^,],%lu", sym_objname,
			     sym_name, &sympos);
		if (cnt != 3) {
			pr_err("symbol %s has an incorrectly formatted name\n", strtab + sym->st_name);
			return -EINVAL;
		}
		sym_vmlinux = !strcmp(sym_objname, "vmlinux");
		/*
		 * A module's section may not reach into vmlinux (Linux 5.8:
		 * such symbols are exported, or belong in a vmlinux section).
		 */
		if (!sec_vmlinux && sym_vmlinux) {
			pr_err("invalid access to vmlinux symbol '%s' from module-specific livepatch relocation section\n",
			       sym_name);
			return -EINVAL;
		}
		/*
		 * Nor a vmlinux section into a module, which may not be
		 * loaded. Linux does not check; here the vmlinux sections are
		 * resolved under module_mutex, which a module lookup takes.
		 */
		if (sec_vmlinux && !sym_vmlinux) {
			pr_err("invalid access to module symbol '%s' from vmlinux livepatch relocation section\n",
			       sym_name);
			return -EINVAL;
		}
		ret = klp_find_object_symbol(sym_vmlinux ? NULL : sym_objname, sym_name, sympos, &addr);
		if (ret)
			return ret;
		sym->st_value = addr;
	}
	return 0;
}

/*
 * Apply (or clear) section secndx of patch module pmod if it is a
 * livepatch relocation section for objname (NULL: vmlinux).
 * [Linux: klp_write_section_relocs()]
 */
static int klp_write_section_relocs(struct module *pmod, Elf64_Shdr *sechdrs, const char *shstrtab,
				    const char *strtab, unsigned int symndx, unsigned int secndx,
				    const char *objname, bool apply)
{
	Elf64_Shdr *sec = &sechdrs[secndx];
	char sec_objname[MODULE_NAME_LEN];
	int ret;

	if (sscanf(shstrtab + sec->sh_name, ".klp.rela.%55[^.]", sec_objname) != 1) {
		pr_err("section %s has an incorrectly formatted name\n", shstrtab + sec->sh_name);
		return -EINVAL;
	}
	if (strcmp(objname ? objname : "vmlinux", sec_objname))
		return 0;
	/*
	 * The section and its target must stay with the module (the loader
	 * checked the entries of those only). Linux trusts the file here.
	 */
	if (sec->sh_type != SHT_RELA || !(sec->sh_flags & SHF_ALLOC) ||
	    !(sechdrs[sec->sh_info].sh_flags & SHF_ALLOC)) {
		pr_err("section %s is not an allocated relocation section for an allocated section\n",
		       shstrtab + sec->sh_name);
		return -EINVAL;
	}
	if (!apply) {
		arch_clear_relocate_add(sechdrs, strtab, symndx, secndx, pmod);
		return 0;
	}
	ret = klp_resolve_symbols(sechdrs, strtab, symndx, sec, sec_objname);
	if (ret)
		return ret;
	return arch_apply_relocate_add(sechdrs, strtab, symndx, secndx, pmod);
}

int klp_apply_section_relocs(struct module *pmod, Elf64_Shdr *sechdrs, const char *shstrtab,
			     const char *strtab, unsigned int symndx, unsigned int secndx,
			     const char *objname)
{
	return klp_write_section_relocs(pmod, sechdrs, shstrtab, strtab, symndx, secndx, objname,
					true);
}

/* Every livepatch relocation section of patch for module object obj, applied or cleared. */
static int klp_write_object_relocs(struct klp_patch *patch, struct klp_object *obj, bool apply)
{
	struct klp_modinfo *info = patch->mod->klp_info;
	unsigned int i;
	int ret;

	if (WARN_ON_ONCE(!info))
		return -EINVAL;
	for (i = 1; i < info->hdr.e_shnum; i++) {
		if (!(info->sechdrs[i].sh_flags & SHF_RELA_LIVEPATCH))
			continue;
		ret = klp_write_section_relocs(patch->mod, info->sechdrs, info->secstrings,
					       patch->mod->kallsyms->strtab, info->symndx, i,
					       obj->name, apply);
		if (ret)
			return ret;
	}
	return 0;
}

static int klp_apply_object_relocs(struct klp_patch *patch, struct klp_object *obj)
{
	return klp_write_object_relocs(patch, obj, true);
}

/*
 * The object's module goes: zero what was written for it, so that the
 * fields are ready for its next load (and a stale address is never used).
 */
static void klp_clear_object_relocs(struct klp_patch *patch, struct klp_object *obj)
{
	klp_write_object_relocs(patch, obj, false);
}

/* ---- sysfs: /sys/kernel/livepatch/<patch>/... ---- */

static ssize_t enabled_store(struct kobject *kobj, struct kobj_attribute *attr, const char *buf,
			     size_t count)
{
	struct klp_patch *patch = container_of(kobj, struct klp_patch, kobj);
	bool enabled;
	int ret;

	ret = kstrtobool(buf, &enabled);
	if (ret)
		return ret;

	mutex_lock(&klp_mutex);
	if (patch->enabled == enabled) {
		/* Already in the requested state. */
		ret = -EINVAL;
		goto out;
	}
	/*
	 * Writing the opposite of a transition in flight reverses it;
	 * otherwise only disabling is possible: a disabled patch is gone.
	 */
	if (patch == klp_transition_patch)
		klp_reverse_transition();
	else if (!enabled)
		ret = __klp_disable_patch(patch);
	else
		ret = -EINVAL;
out:
	mutex_unlock(&klp_mutex);
	return ret < 0 ? ret : (ssize_t)count;
}

static ssize_t enabled_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
	struct klp_patch *patch = container_of(kobj, struct klp_patch, kobj);

	return sysfs_emit(buf, "%d\n", patch->enabled);
}

static ssize_t transition_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
	struct klp_patch *patch = container_of(kobj, struct klp_patch, kobj);

	return sysfs_emit(buf, "%d\n", patch == klp_transition_patch);
}

static ssize_t force_store(struct kobject *kobj, struct kobj_attribute *attr, const char *buf,
			   size_t count)
{
	struct klp_patch *patch = container_of(kobj, struct klp_patch, kobj);
	bool val;
	int ret;

	ret = kstrtobool(buf, &val);
	if (ret)
		return ret;
	if (!val)
		return count;

	mutex_lock(&klp_mutex);
	if (patch != klp_transition_patch) {
		mutex_unlock(&klp_mutex);
		return -EINVAL;
	}
	klp_force_transition();
	mutex_unlock(&klp_mutex);
	return count;
}

static ssize_t replace_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
	struct klp_patch *patch = container_of(kobj, struct klp_patch, kobj);

	return sysfs_emit(buf, "%d\n", patch->replace);
}

static ssize_t stack_order_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
	struct klp_patch *patch, *this = container_of(kobj, struct klp_patch, kobj);
	int stack_order = 0;

	mutex_lock(&klp_mutex);
	klp_for_each_patch(patch) {
		stack_order++;
		if (patch == this)
			break;
	}
	mutex_unlock(&klp_mutex);
	return sysfs_emit(buf, "%d\n", stack_order);
}

static struct kobj_attribute enabled_kobj_attr = __ATTR_RW(enabled);
static struct kobj_attribute transition_kobj_attr = __ATTR_RO(transition);
static struct kobj_attribute force_kobj_attr = __ATTR_WO(force);
static struct kobj_attribute replace_kobj_attr = __ATTR_RO(replace);
static struct kobj_attribute stack_order_kobj_attr = __ATTR_RO(stack_order);
static struct attribute *klp_patch_attrs[] = {
	&enabled_kobj_attr.attr,
	&transition_kobj_attr.attr,
	&force_kobj_attr.attr,
	&replace_kobj_attr.attr,
	&stack_order_kobj_attr.attr,
	NULL
};
ATTRIBUTE_GROUPS(klp_patch);

static ssize_t patched_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
	struct klp_object *obj = container_of(kobj, struct klp_object, kobj);

	return sysfs_emit(buf, "%d\n", obj->patched);
}

static struct kobj_attribute patched_kobj_attr = __ATTR_RO(patched);
static struct attribute *klp_object_attrs[] = {
	&patched_kobj_attr.attr,
	NULL
};
ATTRIBUTE_GROUPS(klp_object);

/* ---- lifetime ---- */

static void klp_kobj_release_patch(struct kobject *kobj)
{
	struct klp_patch *patch = container_of(kobj, struct klp_patch, kobj);

	complete(&patch->finish);
}

static const struct kobj_type klp_ktype_patch = {
	.release = klp_kobj_release_patch,
	.sysfs_ops = &kobj_sysfs_ops,
	.default_groups = klp_patch_groups,
};

static void klp_kobj_release_object(struct kobject *kobj)
{
	struct klp_object *obj = container_of(kobj, struct klp_object, kobj);

	/* Static objects are the patch module's data; dynamic ones (nops) are ours. */
	if (obj->dynamic) {
		kfree(obj->name);
		kfree(obj);
	}
}

static const struct kobj_type klp_ktype_object = {
	.release = klp_kobj_release_object,
	.sysfs_ops = &kobj_sysfs_ops,
	.default_groups = klp_object_groups,
};

static void klp_kobj_release_func(struct kobject *kobj)
{
	struct klp_func *func = container_of(kobj, struct klp_func, kobj);

	if (func->nop) {
		kfree(func->old_name);
		kfree(func);
	}
}

static const struct kobj_type klp_ktype_func = {
	.release = klp_kobj_release_func,
	.sysfs_ops = &kobj_sysfs_ops,
};

static void __klp_free_funcs(struct klp_object *obj)
{
	struct klp_func *func, *tmp;

	list_for_each_entry_safe(func, tmp, &obj->func_list, node) {
		list_del(&func->node);
		kobject_put(&func->kobj);
	}
}

/* Forget what belongs to the loaded module (it is going away). */
static void klp_free_object_loaded(struct klp_object *obj)
{
	struct klp_func *func;

	obj->mod = NULL;
	klp_for_each_func(obj, func)
		func->old_func = NULL;
}

static void klp_free_objects(struct klp_patch *patch)
{
	struct klp_object *obj, *tmp;

	list_for_each_entry_safe(obj, tmp, &patch->obj_list, node) {
		__klp_free_funcs(obj);
		list_del(&obj->node);
		kobject_put(&obj->kobj);
	}
}

/* First half of freeing, under klp_mutex: off the list, objects' sysfs gone. */
static void klp_free_patch_start(struct klp_patch *patch)
{
	if (!list_empty(&patch->list))
		list_del(&patch->list);
	klp_free_objects(patch);
}

/*
 * Second half, without klp_mutex: the patch's own directory goes, and
 * once nothing uses the kobject any more the module may be removed —
 * unless a forced transition involved it, then never.
 */
static void klp_free_patch_finish(struct klp_patch *patch)
{
	kobject_put(&patch->kobj);
	wait_for_completion(&patch->finish);
	if (!patch->forced)
		module_put(patch->mod);
}

static void klp_free_patch_work_fn(struct work_struct *work)
{
	struct klp_patch *patch = container_of(work, struct klp_patch, free_work);

	klp_free_patch_finish(patch);
}

/*
 * A patch is disabled from its own `enabled` store: its kobject cannot be
 * waited for from there, so the second half runs in a worker.
 */
void klp_free_patch_async(struct klp_patch *patch)
{
	klp_free_patch_start(patch);
	schedule_work(&patch->free_work);
}

/* ---- initialisation ---- */

static int klp_init_func(struct klp_object *obj, struct klp_func *func)
{
	if (!func->old_name || (!func->new_func && !func->nop))
		return -EINVAL;
	if (strlen(func->old_name) >= KSYM_NAME_LEN)
		return -EINVAL;
	INIT_LIST_HEAD(&func->stack_node);
	func->patched = false;
	func->transition = false;
	/* sysfs shows sympos 0 ("the only one") as 1, as Linux does. */
	return kobject_add(&func->kobj, &obj->kobj, "%s,%lu", func->old_name,
			   func->old_sympos ? func->old_sympos : 1);
}

/* Resolve the object's functions now that the object is loaded. */
static int klp_init_object_loaded(struct klp_patch *patch, struct klp_object *obj)
{
	struct klp_func *func;
	int ret;

	/*
	 * Only a module's relocations (.klp.rela.<module>.*): the vmlinux
	 * ones were written when the patch module was formed.
	 */
	if (klp_is_module(obj)) {
		ret = klp_apply_object_relocs(patch, obj);
		if (ret)
			return ret;
	}

	klp_for_each_func(obj, func) {
		ret = klp_find_object_symbol(obj->name, func->old_name, func->old_sympos,
					     (unsigned long *)&func->old_func);
		if (ret)
			return ret;
		if (!kallsyms_lookup_size_offset((unsigned long)func->old_func, &func->old_size,
						 NULL)) {
			pr_err("kallsyms size lookup failed for '%s'\n", func->old_name);
			return -ENOENT;
		}
		if (func->nop)
			func->new_func = func->old_func;
		if (!kallsyms_lookup_size_offset((unsigned long)func->new_func, &func->new_size,
						 NULL)) {
			pr_err("kallsyms size lookup failed for '%s' replacement\n", func->old_name);
			return -ENOENT;
		}
	}
	return 0;
}

static int klp_init_object(struct klp_patch *patch, struct klp_object *obj)
{
	struct klp_func *func;
	const char *name;
	int ret;

	if (klp_is_module(obj) && strlen(obj->name) >= MODULE_NAME_LEN)
		return -EINVAL;
	obj->patched = false;
	obj->mod = NULL;
	klp_find_object_module(obj);

	name = klp_is_module(obj) ? obj->name : "vmlinux";
	ret = kobject_add(&obj->kobj, &patch->kobj, "%s", name);
	if (ret)
		return ret;
	klp_for_each_func(obj, func) {
		ret = klp_init_func(obj, func);
		if (ret)
			return ret;
	}
	if (klp_is_object_loaded(obj))
		ret = klp_init_object_loaded(patch, obj);
	return ret;
}

static void klp_init_func_early(struct klp_object *obj, struct klp_func *func)
{
	kobject_init(&func->kobj, &klp_ktype_func);
	list_add_tail(&func->node, &obj->func_list);
}

static void klp_init_object_early(struct klp_patch *patch, struct klp_object *obj)
{
	INIT_LIST_HEAD(&obj->func_list);
	kobject_init(&obj->kobj, &klp_ktype_object);
	list_add_tail(&obj->node, &patch->obj_list);
}

static void klp_init_patch_early(struct klp_patch *patch)
{
	struct klp_object *obj;
	struct klp_func *func;

	INIT_LIST_HEAD(&patch->list);
	INIT_LIST_HEAD(&patch->obj_list);
	kobject_init(&patch->kobj, &klp_ktype_patch);
	patch->enabled = false;
	patch->forced = false;
	INIT_WORK(&patch->free_work, klp_free_patch_work_fn);
	init_completion(&patch->finish);

	klp_for_each_object_static(patch, obj) {
		klp_init_object_early(patch, obj);
		klp_for_each_func_static(obj, func)
			klp_init_func_early(obj, func);
	}
}

/* ---- atomic replace [Linux 5.1]: nops for what older patches changed ---- */

static struct klp_object *klp_find_object(struct klp_patch *patch, struct klp_object *old_obj)
{
	struct klp_object *obj;

	klp_for_each_object(patch, obj) {
		if (klp_is_module(old_obj) != klp_is_module(obj))
			continue;
		if (!klp_is_module(old_obj) || !strcmp(old_obj->name, obj->name))
			return obj;
	}
	return NULL;
}

/* The same function: same name, same position (0 and 1 both mean the first). */
static struct klp_func *klp_find_func(struct klp_object *obj, struct klp_func *old_func)
{
	struct klp_func *func;

	klp_for_each_func(obj, func) {
		if (strcmp(old_func->old_name, func->old_name))
			continue;
		if (old_func->old_sympos == func->old_sympos ||
		    (old_func->old_sympos <= 1 && func->old_sympos <= 1))
			return func;
	}
	return NULL;
}

static struct klp_object *klp_alloc_object_dynamic(struct klp_patch *patch, const char *name)
{
	struct klp_object *obj = kzalloc(sizeof(*obj), GFP_KERNEL);

	if (!obj)
		return NULL;
	if (name) {
		obj->name = kstrdup(name, GFP_KERNEL);
		if (!obj->name) {
			kfree(obj);
			return NULL;
		}
	}
	klp_init_object_early(patch, obj);
	obj->dynamic = true;
	return obj;
}

static struct klp_func *klp_alloc_func_nop(struct klp_object *obj, struct klp_func *old_func)
{
	struct klp_func *func = kzalloc(sizeof(*func), GFP_KERNEL);

	if (!func)
		return NULL;
	func->old_name = kstrdup(old_func->old_name, GFP_KERNEL);
	if (!func->old_name) {
		kfree(func);
		return NULL;
	}
	klp_init_func_early(obj, func);
	/* new_func becomes old_func once the object is loaded: "run the original". */
	func->old_sympos = old_func->old_sympos;
	func->nop = true;
	return func;
}

/*
 * A replace patch takes over every function any patch in force changes:
 * those it does not replace itself get a nop, which runs the original.
 */
static int klp_add_nops(struct klp_patch *patch)
{
	struct klp_patch *old_patch;
	struct klp_object *old_obj, *obj;
	struct klp_func *old_func;

	klp_for_each_patch(old_patch) {
		klp_for_each_object(old_patch, old_obj) {
			obj = klp_find_object(patch, old_obj);
			if (!obj)
				obj = klp_alloc_object_dynamic(patch, old_obj->name);
			if (!obj)
				return -ENOMEM;
			klp_for_each_func(old_obj, old_func) {
				if (klp_find_func(obj, old_func))
					continue;
				if (!klp_alloc_func_nop(obj, old_func))
					return -ENOMEM;
			}
		}
	}
	return 0;
}

/* Called when a replace patch's transition completed: the old ones step aside. */
void klp_unpatch_replaced_patches(struct klp_patch *new_patch)
{
	struct klp_patch *old_patch;

	klp_for_each_patch(old_patch) {
		if (old_patch == new_patch)
			return;
		old_patch->enabled = false;
		klp_unpatch_objects(old_patch);
	}
}

/* The nops did their job (every task runs the original there): remove them. */
void klp_discard_nops(struct klp_patch *new_patch)
{
	struct klp_object *obj, *tmp_obj;
	struct klp_func *func, *tmp_func;

	list_for_each_entry_safe(obj, tmp_obj, &new_patch->obj_list, node) {
		list_for_each_entry_safe(func, tmp_func, &obj->func_list, node) {
			if (!func->nop)
				continue;
			if (func->patched)
				klp_unpatch_func_public(func);
			list_del(&func->node);
			kobject_put(&func->kobj);
		}
		if (obj->dynamic) {
			obj->patched = false;
			list_del(&obj->node);
			kobject_put(&obj->kobj);
		}
	}
}

/* After the replace completed: free the patches it replaced, as if disabled. */
void klp_free_replaced_patches_async(struct klp_patch *new_patch)
{
	struct klp_patch *old_patch, *tmp;

	list_for_each_entry_safe(old_patch, tmp, &klp_patches, list) {
		if (old_patch == new_patch)
			return;
		klp_free_patch_async(old_patch);
	}
}

static int klp_init_patch(struct klp_patch *patch)
{
	struct klp_object *obj;
	int ret;

	ret = kobject_add(&patch->kobj, klp_root_kobj, "%s", patch->mod->name);
	if (ret)
		return ret;
	if (patch->replace) {
		ret = klp_add_nops(patch);
		if (ret)
			return ret;
	}
	klp_for_each_object(patch, obj) {
		ret = klp_init_object(patch, obj);
		if (ret)
			return ret;
	}
	list_add_tail(&patch->list, &klp_patches);
	return 0;
}

/* ---- enabling and disabling ---- */

int __klp_disable_patch(struct klp_patch *patch)
{
	struct klp_object *obj;

	if (WARN_ON(!patch->enabled))
		return -EINVAL;
	if (klp_transition_patch)
		return -EBUSY;

	klp_init_transition(patch, KLP_TRANSITION_UNPATCHED);
	klp_for_each_object(patch, obj)
		if (obj->patched)
			klp_pre_unpatch_callback(obj);
	/*
	 * Pairs with the smp_rmb() in klp_ftrace_handler(): func->transition
	 * (set by klp_init_transition) is visible before any task can pick up
	 * TIF_PATCH_PENDING and start taking the unpatched path.
	 */
	smp_wmb();
	klp_start_transition();
	patch->enabled = false;
	klp_try_complete_transition();
	return 0;
}

static int __klp_enable_patch(struct klp_patch *patch)
{
	struct klp_object *obj;
	int ret;

	if (klp_transition_patch)
		return -EBUSY;
	if (WARN_ON(patch->enabled))
		return -EINVAL;

	pr_notice("enabling patch '%s'\n", patch->mod->name);
	klp_init_transition(patch, KLP_TRANSITION_PATCHED);
	/*
	 * Pairs with the first smp_rmb() in klp_ftrace_handler(): the
	 * transition flags are visible before the funcs appear on their
	 * func_stack below, so a task never runs a new function outside the
	 * consistency model.
	 */
	smp_wmb();

	klp_for_each_object(patch, obj) {
		if (!klp_is_object_loaded(obj))
			continue;
		ret = klp_pre_patch_callback(obj);
		if (ret) {
			pr_warn("pre-patch callback failed for object '%s'\n",
				klp_is_module(obj) ? obj->name : "vmlinux");
			goto err;
		}
		ret = klp_patch_object(obj);
		if (ret) {
			pr_warn("failed to patch object '%s'\n",
				klp_is_module(obj) ? obj->name : "vmlinux");
			goto err;
		}
	}

	klp_start_transition();
	patch->enabled = true;
	klp_try_complete_transition();
	return 0;
err:
	pr_warn("failed to enable patch '%s'\n", patch->mod->name);
	klp_cancel_transition();
	return ret;
}

int klp_enable_patch(struct klp_patch *patch)
{
	struct klp_object *obj;
	int ret;

	if (!patch || !patch->mod || !patch->objs)
		return -EINVAL;
	klp_for_each_object_static(patch, obj)
		if (!obj->funcs)
			return -EINVAL;
	if (!is_livepatch_module(patch->mod)) {
		pr_err("module %s is not marked as a livepatch module\n", patch->mod->name);
		return -EINVAL;
	}

	mutex_lock(&klp_mutex);
	if (!try_module_get(patch->mod)) {
		mutex_unlock(&klp_mutex);
		return -ENODEV;
	}
	klp_init_patch_early(patch);
	ret = klp_init_patch(patch);
	if (ret)
		goto err;
	ret = __klp_enable_patch(patch);
	if (ret)
		goto err;
	mutex_unlock(&klp_mutex);
	return 0;
err:
	klp_free_patch_start(patch);
	mutex_unlock(&klp_mutex);
	klp_free_patch_finish(patch);
	return ret;
}
EXPORT_SYMBOL_GPL(klp_enable_patch);

/* ---- modules coming and going ---- */

/* Revert what klp_module_coming() did for patches before limit. Caller holds klp_mutex. */
static void klp_cleanup_module_patches_limited(struct module *mod, struct klp_patch *limit)
{
	struct klp_patch *patch;
	struct klp_object *obj;

	klp_for_each_patch(patch) {
		if (patch == limit)
			break;
		klp_for_each_object(patch, obj) {
			if (!klp_is_module(obj) || strcmp(obj->name, mod->name))
				continue;
			if (patch != klp_transition_patch)
				klp_pre_unpatch_callback(obj);
			pr_notice("reverting patch '%s' on unloading module '%s'\n",
				  patch->mod->name, obj->mod->name);
			klp_unpatch_object(obj);
			klp_post_unpatch_callback(obj);
			klp_clear_object_relocs(patch, obj);
			klp_free_object_loaded(obj);
			break;
		}
	}
}

int klp_module_coming(struct module *mod)
{
	struct klp_patch *patch;
	struct klp_object *obj;
	int ret;

	if (WARN_ON(mod->state != MODULE_STATE_COMING))
		return -EINVAL;
	if (!strcmp(mod->name, "vmlinux")) {
		pr_err("vmlinux.ko: invalid module name\n");
		return -EINVAL;
	}

	mutex_lock(&klp_mutex);
	/* From here on, patches being enabled see this module (klp_find_object_module). */
	mod->klp_alive = true;
	klp_for_each_patch(patch) {
		klp_for_each_object(patch, obj) {
			if (!klp_is_module(obj) || strcmp(obj->name, mod->name))
				continue;
			obj->mod = mod;
			ret = klp_init_object_loaded(patch, obj);
			if (ret) {
				pr_warn("failed to initialize patch '%s' for module '%s' (%d)\n",
					patch->mod->name, obj->mod->name, ret);
				goto err;
			}
			pr_notice("applying patch '%s' to loading module '%s'\n", patch->mod->name,
				  obj->mod->name);
			ret = klp_pre_patch_callback(obj);
			if (ret) {
				pr_warn("pre-patch callback failed for object '%s'\n", obj->name);
				goto err;
			}
			ret = klp_patch_object(obj);
			if (ret) {
				pr_warn("failed to apply patch '%s' to module '%s' (%d)\n",
					patch->mod->name, obj->mod->name, ret);
				klp_post_unpatch_callback(obj);
				goto err;
			}
			/* During a transition, post_patch waits for its completion. */
			if (patch != klp_transition_patch)
				klp_post_patch_callback(obj);
			break;
		}
	}
	mutex_unlock(&klp_mutex);
	return 0;
err:
	pr_warn("patch '%s' failed for module '%s', refusing to load module '%s'\n",
		patch->mod->name, obj->mod->name, obj->mod->name);
	mod->klp_alive = false;
	/*
	 * Linux leaves what klp_init_object_loaded() wrote of this patch's
	 * relocations, and its next try finds the fields non-zero; here they
	 * are cleared, so the module loads once the cause is gone.
	 */
	klp_clear_object_relocs(patch, obj);
	obj->mod = NULL;
	klp_cleanup_module_patches_limited(mod, patch);
	mutex_unlock(&klp_mutex);
	return ret;
}

void klp_module_going(struct module *mod)
{
	if (WARN_ON(mod->state != MODULE_STATE_GOING && mod->state != MODULE_STATE_COMING))
		return;
	mutex_lock(&klp_mutex);
	/* Patches enabled from now on must not bind to this module. */
	mod->klp_alive = false;
	klp_cleanup_module_patches_limited(mod, NULL);
	mutex_unlock(&klp_mutex);
}

static int klp_init(void)
{
	klp_root_kobj = kobject_create_and_add("livepatch", kernel_kobj);
	if (!klp_root_kobj)
		return -ENOMEM;
	return 0;
}
device_initcall(klp_init);
