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
#include "state.h"
#include "transition.h"

DEFINE_MUTEX(klp_mutex);
/* Patches that are enabled or in transition, in the order they were enabled. */
LIST_HEAD(klp_patches);

static struct kobject *klp_root_kobj;


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

int klp_find_object_symbol(const char *objname, const char *name, unsigned long sympos,
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

void klp_init_func_early(struct klp_object *obj, struct klp_func *func)
{
	kobject_init(&func->kobj, &klp_ktype_func);
	list_add_tail(&func->node, &obj->func_list);
}

void klp_init_object_early(struct klp_patch *patch, struct klp_object *obj)
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
	if (!klp_is_patch_compatible(patch)) {
		pr_err("Livepatch patch (%s) is not compatible with the already installed livepatches.\n",
		       patch->mod->name);
		mutex_unlock(&klp_mutex);
		return -EINVAL;
	}
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
