// SPDX-License-Identifier: MIT
/*
 * Module parameters: the standard types' set/get operations and the
 * parsing of the insmod line "a=1 b='x y' flag" (Linux: kernel/params.c).
 */
#include <linux/kernel.h>
#include <linux/ctype.h>
#include <linux/export.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include "internal.h"

DEFINE_MUTEX(module_param_mutex);

/* Integer types: kstrto<type>() to set (a trailing newline is fine), a format to show. */
#define STANDARD_PARAM_DEF(name, type, format, strtolfn)                       \
	int param_set_##name(const char *val, const struct kernel_param *kp)   \
	{                                                                      \
		return val ? strtolfn(val, 0, (type *)kp->arg) : -EINVAL;     \
	}                                                                      \
	int param_get_##name(char *buffer, const struct kernel_param *kp)      \
	{                                                                      \
		return scnprintf(buffer, PAGE_SIZE, format "\n", *((type *)kp->arg)); \
	}                                                                      \
	const struct kernel_param_ops param_ops_##name = {                     \
		.set = param_set_##name, .get = param_get_##name,             \
	};                                                                     \
	EXPORT_SYMBOL(param_ops_##name)

static int kstrtobyte(const char *s, unsigned int base, unsigned char *res)
{
	return kstrtou8(s, base, res);
}

static int kstrtoshort(const char *s, unsigned int base, short *res)
{
	long long v;
	int err = kstrtoll(s, base, &v);

	if (!err && (v < -32768 || v > 32767))
		err = -ERANGE;
	if (!err)
		*res = v;
	return err;
}

static int kstrtoushort(const char *s, unsigned int base, unsigned short *res)
{
	unsigned long long v;
	int err = kstrtoull(s, base, &v);

	if (!err && v > 65535)
		err = -ERANGE;
	if (!err)
		*res = v;
	return err;
}

STANDARD_PARAM_DEF(byte, unsigned char, "%hhu", kstrtobyte);
STANDARD_PARAM_DEF(short, short, "%hi", kstrtoshort);
STANDARD_PARAM_DEF(ushort, unsigned short, "%hu", kstrtoushort);
STANDARD_PARAM_DEF(int, int, "%i", kstrtoint);
STANDARD_PARAM_DEF(uint, unsigned int, "%u", kstrtouint);
STANDARD_PARAM_DEF(long, long, "%li", kstrtol);
STANDARD_PARAM_DEF(ulong, unsigned long, "%lu", kstrtoul);
STANDARD_PARAM_DEF(ullong, unsigned long long, "%llu", kstrtoull);

/* "y", "n", "1", "0", "on", "off"; a bare name means true. */
int param_set_bool(const char *val, const struct kernel_param *kp)
{
	return kstrtobool(val ?: "1", kp->arg);
}
EXPORT_SYMBOL(param_set_bool);

int param_get_bool(char *buffer, const struct kernel_param *kp)
{
	return sprintf(buffer, "%c\n", *(bool *)kp->arg ? 'Y' : 'N');
}
EXPORT_SYMBOL(param_get_bool);

const struct kernel_param_ops param_ops_bool = {
	.flags = KERNEL_PARAM_OPS_FL_NOARG,
	.set = param_set_bool,
	.get = param_get_bool,
};
EXPORT_SYMBOL(param_ops_bool);

static int param_set_invbool(const char *val, const struct kernel_param *kp)
{
	bool v;
	int err = kstrtobool(val ?: "1", &v);

	if (!err)
		*(bool *)kp->arg = !v;
	return err;
}

static int param_get_invbool(char *buffer, const struct kernel_param *kp)
{
	return sprintf(buffer, "%c\n", *(bool *)kp->arg ? 'N' : 'Y');
}

const struct kernel_param_ops param_ops_invbool = {
	.flags = KERNEL_PARAM_OPS_FL_NOARG,
	.set = param_set_invbool,
	.get = param_get_invbool,
};
EXPORT_SYMBOL(param_ops_invbool);

/*
 * charp: the variable points at a kmalloc'd copy of the value, except for
 * the module's initial string, which is not ours to free. As in Linux,
 * the copies are on a list, so only they are ever freed (Linux:
 * kmalloc_parameter(), maybe_kfree_parameter()). Context: module_param_mutex.
 */
struct kmalloced_param {
	struct list_head list;
	char val[];
};
static LIST_HEAD(kmalloced_params);

static void maybe_kfree_parameter(void *param)
{
	struct kmalloced_param *p;

	list_for_each_entry(p, &kmalloced_params, list) {
		if (p->val == param) {
			list_del(&p->list);
			kfree(p);
			return;
		}
	}
}

static void param_free_charp(void *arg)
{
	maybe_kfree_parameter(*(char **)arg);
	*(char **)arg = NULL;
}

int param_set_charp(const char *val, const struct kernel_param *kp)
{
	struct kmalloced_param *p;
	size_t len;

	if (!val)
		return -EINVAL;
	len = strlen(val);
	if (len > 1024) {
		pr_err("%s: string parameter too long\n", kp->name);
		return -ENOSPC;
	}
	p = kmalloc(sizeof(*p) + len + 1, GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	memcpy(p->val, val, len + 1);
	list_add(&p->list, &kmalloced_params);
	maybe_kfree_parameter(*(char **)kp->arg);
	*(char **)kp->arg = p->val;
	return 0;
}
EXPORT_SYMBOL(param_set_charp);

int param_get_charp(char *buffer, const struct kernel_param *kp)
{
	return scnprintf(buffer, PAGE_SIZE, "%s\n", *(char **)kp->arg ?: "(null)");
}
EXPORT_SYMBOL(param_get_charp);

const struct kernel_param_ops param_ops_charp = {
	.set = param_set_charp,
	.get = param_get_charp,
	.free = param_free_charp,
};
EXPORT_SYMBOL(param_ops_charp);

/* module_param_string(): copied into the module's own array. */
static int param_set_copystring(const char *val, const struct kernel_param *kp)
{
	const struct kparam_string *kps = kp->str;

	if (!val)
		return -EINVAL;
	if (strlen(val) + 1 > kps->maxlen) {
		pr_err("%s: string doesn't fit in %u chars.\n", kp->name, kps->maxlen - 1);
		return -ENOSPC;
	}
	strcpy(kps->string, val);
	return 0;
}

static int param_get_string(char *buffer, const struct kernel_param *kp)
{
	return scnprintf(buffer, PAGE_SIZE, "%s\n", kp->str->string);
}

const struct kernel_param_ops param_ops_string = {
	.set = param_set_copystring,
	.get = param_get_string,
};
EXPORT_SYMBOL(param_ops_string);

/* Arrays: "1,2,3", at most max elements, each set with the element type's ops. */
static int param_array_set(const char *val, const struct kernel_param *kp)
{
	const struct kparam_array *arr = kp->arr;
	struct kernel_param elem = { .name = kp->name, .ops = arr->ops, .perm = kp->perm };
	char buf[128];
	unsigned int n = 0;
	int err;

	if (!val)
		return -EINVAL;
	for (;;) {
		size_t len = strcspn(val, ",");

		if (n == arr->max) {
			pr_err("%s: can only take %u arguments\n", kp->name, arr->max);
			return -EINVAL;
		}
		if (len >= sizeof(buf))
			return -ENOSPC;
		memcpy(buf, val, len);
		buf[len] = 0;
		elem.arg = (char *)arr->elem + n * arr->elemsize;
		err = arr->ops->set(buf, &elem);
		if (err)
			return err;
		n++;
		if (!val[len])
			break;
		val += len + 1;
	}
	if (arr->num)
		*arr->num = n;
	return 0;
}

static int param_array_get(char *buffer, const struct kernel_param *kp)
{
	const struct kparam_array *arr = kp->arr;
	struct kernel_param elem = { .name = kp->name, .ops = arr->ops };
	unsigned int i, n = arr->num ? *arr->num : arr->max;
	int off = 0, ret;

	for (i = 0; i < n; i++) {
		if (i)
			buffer[off - 1] = ',';	/* over the element's newline */
		elem.arg = (char *)arr->elem + i * arr->elemsize;
		ret = arr->ops->get(buffer + off, &elem);
		if (ret < 0)
			return ret;
		off += ret;
	}
	if (!n)
		buffer[off++] = '\n';
	buffer[off] = 0;
	return off;
}

static void param_array_free(void *arg)
{
	const struct kparam_array *arr = arg;
	unsigned int i;

	if (arr->ops->free)
		for (i = 0; i < (arr->num ? *arr->num : arr->max); i++)
			arr->ops->free((char *)arr->elem + i * arr->elemsize);
}

const struct kernel_param_ops param_array_ops = {
	.set = param_array_set,
	.get = param_array_get,
	.free = param_array_free,
};
EXPORT_SYMBOL(param_array_ops);

/*
 * Cut the next "name[=value]" off *args: quotes ('...' or "...") may
 * surround the value or the whole word and are removed. Returns the
 * word's name (NUL-terminated in place) and *val (NULL without '=').
 * Linux: next_arg() in lib/cmdline.c... kernel/params.c.
 */
static char *next_arg(char **args, char **val)
{
	char *p = skip_spaces(*args), *out, *name = p, quote = 0;

	*val = NULL;
	out = p;
	for (; *p && (quote || !isspace(*p)); p++) {
		if (quote && *p == quote) {
			quote = 0;
			continue;
		}
		if (!quote && (*p == '"' || *p == '\'')) {
			quote = *p;
			continue;
		}
		if (!quote && *p == '=' && !*val) {
			*out++ = 0;
			*val = out;
			continue;
		}
		*out++ = *p;
	}
	if (*p)
		p++;
	*out = 0;
	*args = p;
	return name;
}

/*
 * Set mod's parameters from args. An unknown name is logged and ignored
 * (as Linux does for modules); a bad value fails with -EINVAL:
 * "<mod>: '<value>' invalid for parameter '<name>'".
 */
int module_parse_args(struct module *mod, const char *args)
{
	char *copy, *p, *name, *val;
	unsigned int i;
	int err = 0;

	if (!args || !*skip_spaces(args))
		return 0;
	copy = kstrdup(args, GFP_KERNEL);
	if (!copy)
		return -ENOMEM;
	p = copy;
	mutex_lock(&module_param_mutex);
	while (*(p = skip_spaces(p)) && !err) {
		const struct kernel_param *kp = NULL;

		name = next_arg(&p, &val);
		for (i = 0; i < mod->num_kp; i++)
			if (!strcmp(mod->kp[i].name, name))
				kp = &mod->kp[i];
		if (!kp) {
			pr_warn("%s: unknown parameter '%s' ignored\n", mod->name, name);
			continue;
		}
		if (!val && !(kp->ops->flags & KERNEL_PARAM_OPS_FL_NOARG))
			err = -EINVAL;
		else
			err = kp->ops->set(val, kp);
		if (err) {
			pr_err("%s: '%s' invalid for parameter '%s'\n", mod->name, val ?: "", name);
			err = -EINVAL;
		}
	}
	mutex_unlock(&module_param_mutex);
	kfree(copy);
	return err;
}

/* Free what set() allocated (charp values), at unload. [Linux: destroy_params()] */
void module_destroy_params(struct module *mod)
{
	unsigned int i;

	for (i = 0; i < mod->num_kp; i++)
		if (mod->kp[i].ops->free)
			mod->kp[i].ops->free(mod->kp[i].ops == &param_array_ops ?
					     (void *)mod->kp[i].arr : mod->kp[i].arg);
}
