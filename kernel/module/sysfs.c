// SPDX-License-Identifier: MIT
/*
 * /sys/module/<name>: refcnt, initstate, taint, coresize, and
 * parameters/<param> for every parameter with a non-zero mode, read and
 * written through the parameter's ops (Linux: kernel/module/sysfs.c and
 * the sysfs half of kernel/params.c).
 *
 * The directory may outlive the module (a file still open): every
 * callback takes module_param_mutex and finds mkobj->mod NULL once the
 * module is going away, and answers -ENODEV.
 */
#include <linux/kernel.h>
#include <linux/kobject.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <scion/panic.h>
#include "internal.h"

struct param_attribute {
	struct kobj_attribute kattr;
	const struct kernel_param *param;
	char *name;
};

struct module_kobject {
	struct kobject kobj;
	struct module *mod;		/* NULL once the module is going (module_param_mutex) */
	struct attribute_group params_group;
	struct attribute **attrs;	/* NULL-terminated, for params_group */
	struct param_attribute *params;
	unsigned int num_params;
};

static struct module_kobject *to_mkobj(struct kobject *kobj)
{
	return container_of(kobj, struct module_kobject, kobj);
}

static void module_kobj_release(struct kobject *kobj)
{
	struct module_kobject *mk = to_mkobj(kobj);
	unsigned int i;

	for (i = 0; i < mk->num_params; i++)
		kfree(mk->params[i].name);
	kfree(mk->params);
	kfree(mk->attrs);
	kfree(mk);
}

static const struct kobj_type module_ktype = {
	.release = module_kobj_release,
	.sysfs_ops = &kobj_sysfs_ops,
};

/* Run show(mod, buf) with the module pinned against unload, or -ENODEV. */
static ssize_t with_module(struct kobject *kobj, char *buf,
			   ssize_t (*show)(struct module *mod, char *buf))
{
	struct module_kobject *mk = to_mkobj(kobj);
	ssize_t ret = -ENODEV;

	mutex_lock(&module_param_mutex);
	if (mk->mod)
		ret = show(mk->mod, buf);
	mutex_unlock(&module_param_mutex);
	return ret;
}

static ssize_t refcnt_of(struct module *mod, char *buf)
{
	return sysfs_emit(buf, "%d\n", module_refcount(mod));
}

static ssize_t initstate_of(struct module *mod, char *buf)
{
	static const char *const names[] = {
		[MODULE_STATE_LIVE] = "live", [MODULE_STATE_COMING] = "coming",
		[MODULE_STATE_GOING] = "going", [MODULE_STATE_UNFORMED] = "unformed",
	};

	return sysfs_emit(buf, "%s\n", names[mod->state]);
}

static ssize_t taint_of(struct module *mod, char *buf)
{
	char flags[16];

	return sysfs_emit(buf, "%s\n", module_flags(mod, flags, false));
}

static ssize_t coresize_of(struct module *mod, char *buf)
{
	return sysfs_emit(buf, "%u\n", mod->core_layout.size);
}

#define MODULE_ATTR(field)                                                     \
	static ssize_t field##_show(struct kobject *kobj, struct kobj_attribute *a, char *buf) \
	{                                                                      \
		return with_module(kobj, buf, field##_of);                     \
	}                                                                      \
	static struct kobj_attribute field##_attr = __ATTR_RO(field)

MODULE_ATTR(refcnt);
MODULE_ATTR(initstate);
MODULE_ATTR(taint);
MODULE_ATTR(coresize);

static struct attribute *module_attrs[] = {
	&refcnt_attr.attr, &initstate_attr.attr, &taint_attr.attr, &coresize_attr.attr, NULL,
};
static const struct attribute_group module_group = { .attrs = module_attrs };

static ssize_t param_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
	struct param_attribute *pa = container_of(attr, struct param_attribute, kattr);
	struct module_kobject *mk = to_mkobj(kobj);
	ssize_t ret = -ENODEV;

	if (!pa->param->ops->get)
		return -EPERM;
	mutex_lock(&module_param_mutex);
	if (mk->mod)
		ret = pa->param->ops->get(buf, pa->param);
	mutex_unlock(&module_param_mutex);
	return ret;
}

static ssize_t param_store(struct kobject *kobj, struct kobj_attribute *attr,
			   const char *buf, size_t count)
{
	struct param_attribute *pa = container_of(attr, struct param_attribute, kattr);
	struct module_kobject *mk = to_mkobj(kobj);
	ssize_t ret = -ENODEV;

	if (!pa->param->ops->set)
		return -EPERM;
	mutex_lock(&module_param_mutex);
	if (mk->mod)
		ret = pa->param->ops->set(buf, pa->param);
	mutex_unlock(&module_param_mutex);
	return ret ?: (ssize_t)count;
}

/* One attribute per parameter with a mode; the group "parameters" only if there is one. */
static int add_params(struct module_kobject *mk, struct module *mod)
{
	unsigned int i, n = 0;

	for (i = 0; i < mod->num_kp; i++)
		n += mod->kp[i].perm != 0;
	if (!n)
		return 0;
	mk->params = kcalloc(n, sizeof(*mk->params), GFP_KERNEL);
	mk->attrs = kcalloc(n + 1, sizeof(*mk->attrs), GFP_KERNEL);
	if (!mk->params || !mk->attrs)
		return -ENOMEM;
	for (i = 0; i < mod->num_kp; i++) {
		const struct kernel_param *kp = &mod->kp[i];
		struct param_attribute *pa = &mk->params[mk->num_params];

		if (!kp->perm)
			continue;
		pa->name = kstrdup(kp->name, GFP_KERNEL);
		if (!pa->name)
			return -ENOMEM;
		pa->param = kp;
		pa->kattr.attr.name = pa->name;
		pa->kattr.attr.mode = kp->perm;
		pa->kattr.show = param_show;
		pa->kattr.store = (kp->perm & 0222) ? param_store : NULL;
		mk->attrs[mk->num_params++] = &pa->kattr.attr;
	}
	mk->params_group.name = "parameters";
	mk->params_group.attrs = mk->attrs;
	return sysfs_create_group(&mk->kobj, &mk->params_group);
}

/* /sys/module/<name> and its files. [Linux: mod_sysfs_setup()] */
int module_sysfs_setup(struct module *mod)
{
	struct module_kobject *mk;
	int err;

	mk = kzalloc(sizeof(*mk), GFP_KERNEL);
	if (!mk)
		return -ENOMEM;
	mk->mod = mod;
	mk->kobj.kset = module_kset;
	kobject_init(&mk->kobj, &module_ktype);
	err = kobject_add(&mk->kobj, NULL, "%s", mod->name);
	if (!err)
		err = sysfs_create_group(&mk->kobj, &module_group);
	if (!err)
		err = add_params(mk, mod);
	if (err) {
		mk->mod = NULL;
		kobject_put(&mk->kobj);
		return err;
	}
	mod->mkobj = mk;
	return 0;
}

/* Remove the directory; callbacks still running finish first (the mutex). [Linux: mod_sysfs_teardown()] */
void module_sysfs_teardown(struct module *mod)
{
	struct module_kobject *mk = mod->mkobj;

	if (!mk)
		return;
	mutex_lock(&module_param_mutex);
	mk->mod = NULL;
	mutex_unlock(&module_param_mutex);
	kobject_del(&mk->kobj);
	kobject_put(&mk->kobj);
	mod->mkobj = NULL;
}
