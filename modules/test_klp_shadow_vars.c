// SPDX-License-Identifier: MIT
/*
 * Selftest of the shadow variable API (Linux: test_klp_shadow_vars, run by
 * test-shadow-vars.sh): a plain module whose init attaches, finds and
 * frees shadow variables on three objects and logs each call. Addresses
 * differ from run to run, so each pointer is logged as PTR<n>, n counting
 * the distinct pointers in the order they first appear (PTR0 is NULL):
 * the log then reads the same on every run and every arch.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/livepatch.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/slab.h>

/* The PTR<n> table: a list of its own, not shadow variables (those are under test). */
struct ptr_name {
	struct list_head node;
	void *ptr;
	int id;
};

static LIST_HEAD(ptr_names);

/* n of PTR<n> for ptr, a new n if ptr is new; -ENOMEM if the table cannot grow. */
static int ptr_id(void *ptr)
{
	static int next_id;
	struct ptr_name *name;

	list_for_each_entry(name, &ptr_names, node)
		if (name->ptr == ptr)
			return name->id;
	name = kmalloc(sizeof(*name), GFP_ATOMIC);	/* also called from the ctor */
	if (!name)
		return -ENOMEM;
	name->ptr = ptr;
	name->id = next_id++;
	list_add_tail(&name->node, &ptr_names);
	return name->id;
}

static void free_ptr_names(void)
{
	struct ptr_name *name, *tmp;

	list_for_each_entry_safe(name, tmp, &ptr_names, node) {
		list_del(&name->node);
		kfree(name);
	}
}

/*
 * The API, each call logged with its arguments and result. The PTR ids
 * are taken in a fixed order, after the call: a pointer first seen in the
 * ctor (the new data) is numbered there, as in Linux's log.
 */
static void *shadow_get(void *obj, unsigned long id)
{
	void *ret = klp_shadow_get(obj, id);
	int obj_id = ptr_id(obj);

	pr_info("klp_%s(obj=PTR%d, id=0x%lx) = PTR%d\n", __func__, obj_id, id, ptr_id(ret));
	return ret;
}

/* ctor_data points to the pointer the ctor stores: it is logged as PTR<*ctor_data>. */
static void log_alloc(const char *func, void *obj, unsigned long id, size_t size, gfp_t gfp_flags,
		      klp_shadow_ctor_t ctor, void **ctor_data, void *ret)
{
	int obj_id = ptr_id(obj), ctor_id = ptr_id(ctor), data_id = ptr_id(*ctor_data);

	pr_info("klp_%s(obj=PTR%d, id=0x%lx, size=%zx, gfp_flags=%pGg), ctor=PTR%d, ctor_data=PTR%d = PTR%d\n",
		func, obj_id, id, size, &gfp_flags, ctor_id, data_id, ptr_id(ret));
}

static void *shadow_alloc(void *obj, unsigned long id, size_t size, gfp_t gfp_flags,
			  klp_shadow_ctor_t ctor, void **ctor_data)
{
	void *ret = klp_shadow_alloc(obj, id, size, gfp_flags, ctor, ctor_data);

	log_alloc(__func__, obj, id, size, gfp_flags, ctor, ctor_data, ret);
	return ret;
}

static void *shadow_get_or_alloc(void *obj, unsigned long id, size_t size, gfp_t gfp_flags,
				 klp_shadow_ctor_t ctor, void **ctor_data)
{
	void *ret = klp_shadow_get_or_alloc(obj, id, size, gfp_flags, ctor, ctor_data);

	log_alloc(__func__, obj, id, size, gfp_flags, ctor, ctor_data, ret);
	return ret;
}

static void shadow_free(void *obj, unsigned long id, klp_shadow_dtor_t dtor)
{
	int obj_id;

	klp_shadow_free(obj, id, dtor);
	obj_id = ptr_id(obj);
	pr_info("klp_%s(obj=PTR%d, id=0x%lx, dtor=PTR%d)\n", __func__, obj_id, id, ptr_id(dtor));
}

static void shadow_free_all(unsigned long id, klp_shadow_dtor_t dtor)
{
	klp_shadow_free_all(id, dtor);
	pr_info("klp_%s(id=0x%lx, dtor=PTR%d)\n", __func__, id, ptr_id(dtor));
}

/* The shadow variable holds a pointer: store the one ctor_data points to. */
static int shadow_ctor(void *obj, void *shadow_data, void *ctor_data)
{
	void **var = shadow_data, **src = ctor_data;
	int var_id;

	if (!src)
		return -EINVAL;
	*var = *src;
	var_id = ptr_id(var);
	pr_info("%s: PTR%d -> PTR%d\n", __func__, var_id, ptr_id(*src));
	return 0;
}

static void shadow_dtor(void *obj, void *shadow_data)
{
	int obj_id = ptr_id(obj);

	pr_info("%s(obj=PTR%d, shadow_data=PTR%d)\n", __func__, obj_id, ptr_id(shadow_data));
}

/* Is the variable the one allocated, still holding the pointer it was given? */
static void check_var(void **got, void **allocated, void *expected)
{
	if (got == allocated && *got == expected) {
		int var_id = ptr_id(got);

		pr_info("  got expected PTR%d -> PTR%d result\n", var_id, ptr_id(*got));
	}
}

#define NUM_OBJS 3
#define SV_ID1 0x1234	/* a "char" field each object gains (a pointer to a char here) */
#define SV_ID2 0x1235	/* an "int" field */

/* Objects the variables are attached to: what they contain does not matter. */
struct test_object {
	int unused;
};

static int test_klp_shadow_vars_init(void)
{
	struct test_object objs[NUM_OBJS];
	char nfields1[NUM_OBJS], *pnfields1[NUM_OBJS], *pndup[NUM_OBJS];
	int nfields2[NUM_OBJS], *pnfields2[NUM_OBJS];
	void **sv1[NUM_OBJS], **sv2[NUM_OBJS], **sv;
	int ret = 0, i;

	ptr_id(NULL);	/* PTR0 */

	/* An empty table finds nothing. */
	if (!shadow_get(&objs[0], SV_ID1))
		pr_info("  got expected NULL result\n");

	/* Pass 1: attach both variables to every object (SV_ID1 by either call). */
	for (i = 0; i < NUM_OBJS; i++) {
		pnfields1[i] = &nfields1[i];
		ptr_id(pnfields1[i]);
		if (i % 2)
			sv1[i] = shadow_alloc(&objs[i], SV_ID1, sizeof(pnfields1[i]), GFP_KERNEL,
					      shadow_ctor, (void **)&pnfields1[i]);
		else
			sv1[i] = shadow_get_or_alloc(&objs[i], SV_ID1, sizeof(pnfields1[i]),
						     GFP_KERNEL, shadow_ctor,
						     (void **)&pnfields1[i]);
		pnfields2[i] = &nfields2[i];
		ptr_id(pnfields2[i]);
		sv2[i] = shadow_alloc(&objs[i], SV_ID2, sizeof(pnfields2[i]), GFP_KERNEL,
				      shadow_ctor, (void **)&pnfields2[i]);
		if (!sv1[i] || !sv2[i]) {
			ret = -ENOMEM;
			goto out;
		}
	}

	/* Pass 2: each is found, pointing where its ctor made it point. */
	for (i = 0; i < NUM_OBJS; i++) {
		sv = shadow_get(&objs[i], SV_ID1);
		if (!sv) {
			ret = -EINVAL;
			goto out;
		}
		check_var(sv, sv1[i], pnfields1[i]);
		sv = shadow_get(&objs[i], SV_ID2);
		if (!sv) {
			ret = -EINVAL;
			goto out;
		}
		check_var(sv, sv2[i], pnfields2[i]);
	}

	/* Pass 3: get_or_alloc returns the existing variable; its ctor does not run again. */
	for (i = 0; i < NUM_OBJS; i++) {
		pndup[i] = &nfields1[i];
		ptr_id(pndup[i]);
		sv = shadow_get_or_alloc(&objs[i], SV_ID1, sizeof(pndup[i]), GFP_KERNEL,
					 shadow_ctor, (void **)&pndup[i]);
		if (!sv) {
			ret = -EINVAL;
			goto out;
		}
		check_var(sv, sv1[i], pnfields1[i]);
	}

	/* Pass 4: free the SV_ID1 variables one by one, through the dtor; they are gone. */
	for (i = 0; i < NUM_OBJS; i++) {
		shadow_free(&objs[i], SV_ID1, shadow_dtor);
		if (!shadow_get(&objs[i], SV_ID1))
			pr_info("  got expected NULL result\n");
	}

	/* Pass 5: the SV_ID2 variables are untouched. */
	for (i = 0; i < NUM_OBJS; i++) {
		sv = shadow_get(&objs[i], SV_ID2);
		if (!sv) {
			ret = -EINVAL;
			goto out;
		}
		check_var(sv, sv2[i], pnfields2[i]);
	}

	/*
	 * Pass 6: free all SV_ID2 variables at once. No dtor: it would log
	 * in the table's order, which is not the objects' order.
	 */
	shadow_free_all(SV_ID2, NULL);
	for (i = 0; i < NUM_OBJS; i++)
		if (!shadow_get(&objs[i], SV_ID2))
			pr_info("  got expected NULL result\n");

	free_ptr_names();
	return 0;
out:
	shadow_free_all(SV_ID1, NULL);
	shadow_free_all(SV_ID2, NULL);
	free_ptr_names();
	return ret;
}

static void test_klp_shadow_vars_exit(void)
{
}

module_init(test_klp_shadow_vars_init);
module_exit(test_klp_shadow_vars_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Livepatch test: shadow variables");
