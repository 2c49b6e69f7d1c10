/* SPDX-License-Identifier: MIT */
/*
 * Module parameters: variables set from the insmod line ("count=3") and
 * shown under /sys/module/<mod>/parameters/<name> with their permission
 * bits (kernel/module/params.c; Linux: include/linux/moduleparam.h).
 *
 *   static int count = 1;
 *   module_param(count, int, 0644);
 *   MODULE_PARM_DESC(count, "how many");
 *
 * Types: byte short ushort int uint long ulong ullong bool invbool charp,
 * module_param_string() for a char array, module_param_array() for a
 * comma-separated list. perm 0 keeps the parameter out of sysfs.
 */
#ifndef _LINUX_MODULEPARAM_H
#define _LINUX_MODULEPARAM_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/stat.h>
#include <linux/sysfs.h>	/* VERIFY_OCTAL_PERMISSIONS */

/* Built-in parameters would be "<module>.<name>"; modules use plain names. */
#ifdef MODULE
#define MODULE_PARAM_PREFIX ""
#else
#define MODULE_PARAM_PREFIX KBUILD_MODNAME "."
#endif

struct kernel_param;

/* The parameter may be given without "=value" ("verbose" for a bool). */
#define KERNEL_PARAM_OPS_FL_NOARG (1 << 0)

/*
 * How a type is parsed and printed. set() gets the text after '=' (NULL
 * for a bare name) and returns 0 or -errno; get() prints the value and a
 * newline into a PAGE_SIZE buffer and returns the length; free() releases
 * what set() allocated (charp), at unload.
 */
struct kernel_param_ops {
	unsigned int flags;
	int (*set)(const char *val, const struct kernel_param *kp);
	int (*get)(char *buffer, const struct kernel_param *kp);
	void (*free)(void *arg);
};

struct kparam_string {
	unsigned int maxlen;
	char *string;
};

struct kparam_array {
	unsigned int max;
	unsigned int elemsize;
	unsigned int *num;		/* elements set; may be NULL */
	const struct kernel_param_ops *ops;
	void *elem;
};

/*
 * One parameter, in section __param of the module. Linux's struct also
 * has mod and level; here the loader knows the module, and there are no
 * levels.
 */
struct kernel_param {
	const char *name;
	const struct kernel_param_ops *ops;
	u16 perm;
	u8 flags;
	union {
		void *arg;
		const struct kparam_string *str;
		const struct kparam_array *arr;
	};
};

/* A .modinfo string "tag=info" (modinfo prints them). */
#define __MODULE_INFO(tag, name, info)                                         \
	static const char __UNIQUE_ID(name)[] __used __section(".modinfo")      \
		__aligned(1) = __stringify(tag) "=" info

#define MODULE_PARM_DESC(_parm, desc) __MODULE_INFO(parm, _parm, #_parm ":" desc)
#define __MODULE_PARM_TYPE(name, _type) __MODULE_INFO(parmtype, name##type, #name ":" _type)

#define __module_param_call(prefix, _name, ops_, arg, perm_, flags_)         \
	static const char __param_str_##_name[] = prefix #_name;               \
	static const struct kernel_param __param_##_name __used               \
		__section("__param") __aligned(sizeof(void *)) = {             \
		.name = __param_str_##_name, .ops = ops_,                      \
		.perm = VERIFY_OCTAL_PERMISSIONS(perm_), .flags = flags_, { arg } \
	}

#define module_param_cb(name, ops, arg, perm)                                  \
	__module_param_call(MODULE_PARAM_PREFIX, name, ops, arg, perm, 0)

/* A compile-time check that the variable has the parameter's type. */
#define __param_check(name, p, type)                                           \
	static inline type __maybe_unused *__check_##name(void) { return (p); }

#define param_check_byte(name, p) __param_check(name, p, unsigned char)
#define param_check_short(name, p) __param_check(name, p, short)
#define param_check_ushort(name, p) __param_check(name, p, unsigned short)
#define param_check_int(name, p) __param_check(name, p, int)
#define param_check_uint(name, p) __param_check(name, p, unsigned int)
#define param_check_long(name, p) __param_check(name, p, long)
#define param_check_ulong(name, p) __param_check(name, p, unsigned long)
#define param_check_ullong(name, p) __param_check(name, p, unsigned long long)
#define param_check_bool(name, p) __param_check(name, p, bool)
#define param_check_invbool(name, p) __param_check(name, p, bool)
#define param_check_charp(name, p) __param_check(name, p, char *)

/*
 * The type is pasted at the first level of each macro: <stdbool.h> makes
 * "bool" a macro, which a nested call would expand to _Bool first.
 */
#define module_param_named(name, value, type, perm)                            \
	param_check_##type(name, &(value));                                    \
	module_param_cb(name, &param_ops_##type, &value, perm);                \
	__MODULE_PARM_TYPE(name, #type)

#define module_param(name, type, perm)                                         \
	param_check_##type(name, &(name));                                     \
	module_param_cb(name, &param_ops_##type, &name, perm);                 \
	__MODULE_PARM_TYPE(name, #type)

#define module_param_string(name, string, len, perm)                           \
	static const struct kparam_string __param_string_##name = { len, string }; \
	__module_param_call(MODULE_PARAM_PREFIX, name, &param_ops_string,      \
			    .str = &__param_string_##name, perm, 0);           \
	__MODULE_PARM_TYPE(name, "string")

#define module_param_array_named(name, array, type, nump, perm)                \
	param_check_##type(name, &(array)[0]);                                 \
	static const struct kparam_array __param_arr_##name = {                \
		.max = sizeof(array) / sizeof((array)[0]), .num = nump,        \
		.ops = &param_ops_##type, .elemsize = sizeof((array)[0]),      \
		.elem = array };                                               \
	__module_param_call(MODULE_PARAM_PREFIX, name, &param_array_ops,       \
			    .arr = &__param_arr_##name, perm, 0);              \
	__MODULE_PARM_TYPE(name, "array of " #type)

#define module_param_array(name, type, nump, perm)                             \
	param_check_##type(name, &(name)[0]);                                  \
	static const struct kparam_array __param_arr_##name = {                \
		.max = sizeof(name) / sizeof((name)[0]), .num = nump,          \
		.ops = &param_ops_##type, .elemsize = sizeof((name)[0]),       \
		.elem = name };                                                \
	__module_param_call(MODULE_PARAM_PREFIX, name, &param_array_ops,       \
			    .arr = &__param_arr_##name, perm, 0);              \
	__MODULE_PARM_TYPE(name, "array of " #type)

extern const struct kernel_param_ops param_ops_byte, param_ops_short, param_ops_ushort,
	param_ops_int, param_ops_uint, param_ops_long, param_ops_ulong, param_ops_ullong,
	param_ops_bool, param_ops_invbool, param_ops_charp, param_ops_string, param_array_ops;

/* The set/get functions behind the ops, for module_param_cb() users. */
int param_set_int(const char *val, const struct kernel_param *kp);
int param_get_int(char *buffer, const struct kernel_param *kp);
int param_set_uint(const char *val, const struct kernel_param *kp);
int param_get_uint(char *buffer, const struct kernel_param *kp);
int param_set_bool(const char *val, const struct kernel_param *kp);
int param_get_bool(char *buffer, const struct kernel_param *kp);
int param_set_charp(const char *val, const struct kernel_param *kp);
int param_get_charp(char *buffer, const struct kernel_param *kp);

#endif
