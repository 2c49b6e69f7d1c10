// SPDX-License-Identifier: MIT
/* ktest suites for the module loader's parts that need the kernel: exports, parameters, references. */
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/notifier.h>
#include <scion/ktest.h>
#include "internal.h"

static void test_exports_sorted_and_found(struct ktest *t)
{
	const struct kernel_symbol *sym;
	struct module *owner;
	bool gpl;

	sym = module_find_export("printk", &owner, &gpl);
	KTEST_ASSERT_TRUE(t, sym != NULL);
	KTEST_EXPECT_EQ(t, sym->value, (unsigned long)printk);
	KTEST_EXPECT_TRUE(t, owner == NULL && !gpl);
	sym = module_find_export("blocking_notifier_call_chain", &owner, &gpl);
	KTEST_EXPECT_TRUE(t, sym != NULL && gpl);
	KTEST_EXPECT_TRUE(t, module_find_export("scion_no_such_function", &owner, &gpl) == NULL);
	/* Each lookup is a binary search: a handful of comparisons, not one per export. */
	module_export_compares = 0;
	module_find_export("strlen", &owner, &gpl);
	KTEST_EXPECT_TRUE(t, module_export_compares <= 10);
}

static void test_gpl_licenses(struct ktest *t)
{
	KTEST_EXPECT_TRUE(t, module_license_is_gpl_compatible("GPL"));
	KTEST_EXPECT_TRUE(t, module_license_is_gpl_compatible("Dual MIT/GPL"));
	KTEST_EXPECT_FALSE(t, module_license_is_gpl_compatible("Proprietary"));
	KTEST_EXPECT_FALSE(t, module_license_is_gpl_compatible(NULL));
}

static void test_modinfo_lookup(struct ktest *t)
{
	static const char info[] = "license=GPL\0parm=a:one\0name=x\0parm=b:two\0cut=no";
	const char *p;

	KTEST_EXPECT_STREQ(t, module_get_modinfo(info, sizeof(info) - 1, "license", NULL), "GPL");
	p = module_get_modinfo(info, sizeof(info) - 1, "parm", NULL);
	KTEST_EXPECT_STREQ(t, p, "a:one");
	KTEST_EXPECT_STREQ(t, module_get_modinfo(info, sizeof(info) - 1, "parm", p), "b:two");
	KTEST_EXPECT_TRUE(t, module_get_modinfo(info, sizeof(info) - 1, "lic", NULL) == NULL);
	/* The last entry has no NUL inside the section: ignored. */
	KTEST_EXPECT_TRUE(t, module_get_modinfo(info, sizeof(info) - 1, "cut", NULL) == NULL);
}

static int p_int;
static bool p_bool;
static char *p_charp;
static int p_array[3];
static unsigned int p_nr;
static const struct kparam_array p_arr = { 3, sizeof(int), &p_nr, &param_ops_int, p_array };
static const struct kernel_param test_params[] = {
	{ .name = "n", .ops = &param_ops_int, .perm = 0644, .arg = &p_int },
	{ .name = "flag", .ops = &param_ops_bool, .perm = 0644, .arg = &p_bool },
	{ .name = "s", .ops = &param_ops_charp, .perm = 0644, .arg = &p_charp },
	{ .name = "arr", .ops = &param_array_ops, .perm = 0644, .arr = &p_arr },
};

static void test_params_parse(struct ktest *t)
{
	struct module mod = { .name = "ktest", .kp = test_params, .num_kp = ARRAY_SIZE(test_params) };
	int loglevel = console_loglevel;

	/* The bad values below are logged; keep them off the console, inside the KTAP output. */
	console_loglevel = LOGLEVEL_EMERG;
	p_charp = "initial";
	KTEST_EXPECT_EQ(t, module_parse_args(&mod, "n=-7 flag s='a b' arr=1,2 other=3"), 0);
	KTEST_EXPECT_EQ(t, p_int, -7);
	KTEST_EXPECT_TRUE(t, p_bool);
	KTEST_EXPECT_STREQ(t, p_charp, "a b");
	KTEST_EXPECT_EQ(t, p_nr, 2);
	KTEST_EXPECT_EQ(t, p_array[1], 2);
	KTEST_EXPECT_EQ(t, module_parse_args(&mod, "s=\"x=y\""), 0);
	KTEST_EXPECT_STREQ(t, p_charp, "x=y");
	KTEST_EXPECT_EQ(t, module_parse_args(&mod, "n=abc"), -EINVAL);
	KTEST_EXPECT_EQ(t, module_parse_args(&mod, "arr=1,2,3,4"), -EINVAL);
	KTEST_EXPECT_EQ(t, module_parse_args(&mod, "n"), -EINVAL);	/* an int needs a value */
	module_destroy_params(&mod);
	KTEST_EXPECT_TRUE(t, p_charp == NULL);
	console_loglevel = loglevel;
}

static void test_refcount_rules(struct ktest *t)
{
	struct module mod = { .name = "ktest", .state = MODULE_STATE_LIVE };

	KTEST_EXPECT_TRUE(t, try_module_get(&mod));
	KTEST_EXPECT_EQ(t, module_refcount(&mod), 1);
	module_put(&mod);
	KTEST_EXPECT_EQ(t, module_refcount(&mod), 0);
	mod.state = MODULE_STATE_GOING;
	KTEST_EXPECT_FALSE(t, try_module_get(&mod));		/* going away: no new users */
	KTEST_EXPECT_EQ(t, module_refcount(&mod), 0);
	KTEST_EXPECT_TRUE(t, try_module_get(NULL));		/* the kernel itself */
}

static int order[4], calls;

static int nb_call(struct notifier_block *nb, unsigned long action, void *data)
{
	order[calls++] = nb->priority;
	return nb->priority == 5 ? notifier_from_errno(-EBUSY) : NOTIFY_OK;
}

static void test_notifier_order_and_stop(struct ktest *t)
{
	static BLOCKING_NOTIFIER_HEAD(chain);
	struct notifier_block a = { nb_call, NULL, 1 }, b = { nb_call, NULL, 9 }, c = { nb_call, NULL, 5 };
	int ret;

	blocking_notifier_chain_register(&chain, &a);
	blocking_notifier_chain_register(&chain, &b);
	calls = 0;
	ret = blocking_notifier_call_chain(&chain, MODULE_STATE_COMING, NULL);
	KTEST_EXPECT_EQ(t, calls, 2);
	KTEST_EXPECT_EQ(t, order[0], 9);		/* highest priority first */
	KTEST_EXPECT_EQ(t, notifier_to_errno(ret), 0);
	blocking_notifier_chain_register(&chain, &c);
	calls = 0;
	ret = blocking_notifier_call_chain(&chain, MODULE_STATE_COMING, NULL);
	KTEST_EXPECT_EQ(t, calls, 2);			/* 9, then 5 stops the walk */
	KTEST_EXPECT_EQ(t, notifier_to_errno(ret), -EBUSY);
	KTEST_EXPECT_EQ(t, blocking_notifier_chain_unregister(&chain, &c), 0);
	KTEST_EXPECT_EQ(t, blocking_notifier_chain_unregister(&chain, &c), -ENOENT);
	blocking_notifier_chain_unregister(&chain, &a);
	blocking_notifier_chain_unregister(&chain, &b);
}

static const struct ktest_case module_cases[] = {
	KTEST_CASE(test_exports_sorted_and_found),
	KTEST_CASE(test_gpl_licenses),
	KTEST_CASE(test_modinfo_lookup),
	KTEST_CASE(test_params_parse),
	KTEST_CASE(test_refcount_rules),
	KTEST_CASE(test_notifier_order_and_stop),
	{}
};
KTEST_SUITE(module_loader, module_cases);
