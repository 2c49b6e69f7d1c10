// SPDX-License-Identifier: MIT
/*
 * Shadow variables: data attached to existing objects by <obj, id>, the
 * "new fields" of a structure a live patch cannot change
 * (Linux: kernel/livepatch/shadow.c, 4.13; ctor/dtor 4.18).
 *
 * All of them live in one hash table of 2^12 buckets keyed by the object's
 * address; the id tells apart the variables of one object. A patch that
 * needs, say, a lock per struct sock allocates <sk, ID_LOCK> where it
 * creates one and looks it up where it uses it; objects that existed
 * before the patch simply have none, and the patched code must allow for
 * that.
 */
#define pr_fmt(fmt) "livepatch: " fmt

#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/export.h>
#include <linux/hashtable.h>
#include <linux/livepatch.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

/*
 * One shadow variable: the key, then @data (size chosen at allocation),
 * which is all its users ever see.
 */
struct klp_shadow {
	struct hlist_node node;
	void *obj;
	unsigned long id;
	char data[];
};

static DEFINE_HASHTABLE(klp_shadow_hash, 12);

/*
 * Serializes changes to klp_shadow_hash. Taken with interrupts off:
 * shadow variables may be used from any context, interrupt handlers
 * included.
 */
static DEFINE_SPINLOCK(klp_shadow_lock);

static bool klp_shadow_match(struct klp_shadow *shadow, void *obj, unsigned long id)
{
	return shadow->obj == obj && shadow->id == id;
}

/* <obj, id>, or NULL. Caller holds klp_shadow_lock or has interrupts off. */
static struct klp_shadow *klp_shadow_find(void *obj, unsigned long id)
{
	struct klp_shadow *shadow;

	hash_for_each_possible(klp_shadow_hash, shadow, node, (unsigned long)obj)
		if (klp_shadow_match(shadow, obj, id))
			return shadow;
	return NULL;
}

/**
 * klp_shadow_get() - the data of a shadow variable
 * @obj: the object it is attached to
 * @id:  which of the object's shadow variables
 *
 * Linux: the bucket is walked under rcu_read_lock(), and a freed variable
 * waits in kfree_rcu() until no lookup can stand on it. Here: with
 * interrupts off, because Scion has no RCU; on its one CPU that keeps
 * every writer (they hold klp_shadow_lock, with interrupts off) out for
 * the walk. As in Linux, the lock is not taken, so a ctor or dtor (which
 * run under it) may look variables up too.
 *
 * Return: the data, or NULL if <obj, id> does not exist.
 */
void *klp_shadow_get(void *obj, unsigned long id)
{
	struct klp_shadow *shadow;
	unsigned long flags;

	local_irq_save(flags);
	shadow = klp_shadow_find(obj, id);
	local_irq_restore(flags);
	return shadow ? shadow->data : NULL;
}
EXPORT_SYMBOL_GPL(klp_shadow_get);

/*
 * The common part of klp_shadow_alloc() and klp_shadow_get_or_alloc().
 * The memory is allocated before taking the lock (gfp_flags may allow
 * sleeping); if another task attached <obj, id> meanwhile, the new one is
 * dropped. The ctor then runs under the lock, so that no one sees the
 * variable before it is constructed, and it is never constructed twice.
 */
static void *__klp_shadow_get_or_alloc(void *obj, unsigned long id, size_t size,
				       gfp_t gfp_flags, klp_shadow_ctor_t ctor,
				       void *ctor_data, bool warn_on_exist)
{
	struct klp_shadow *new_shadow, *shadow;
	unsigned long flags;
	void *data;
	int err;

	data = klp_shadow_get(obj, id);
	if (data)
		goto exists;

	new_shadow = kzalloc(sizeof(*new_shadow) + size, gfp_flags);
	if (!new_shadow)
		return NULL;
	new_shadow->obj = obj;
	new_shadow->id = id;

	spin_lock_irqsave(&klp_shadow_lock, flags);
	shadow = klp_shadow_find(obj, id);
	if (unlikely(shadow)) {
		/* Attached by someone else since the lookup above. */
		data = shadow->data;
		spin_unlock_irqrestore(&klp_shadow_lock, flags);
		kfree(new_shadow);
		goto exists;
	}
	if (ctor) {
		err = ctor(obj, new_shadow->data, ctor_data);
		if (err) {
			spin_unlock_irqrestore(&klp_shadow_lock, flags);
			kfree(new_shadow);
			pr_err("Failed to construct shadow variable <%p, %lx> (%d)\n", obj, id, err);
			return NULL;
		}
	}
	hash_add(klp_shadow_hash, &new_shadow->node, (unsigned long)obj);
	spin_unlock_irqrestore(&klp_shadow_lock, flags);
	return new_shadow->data;

exists:
	if (warn_on_exist) {
		WARN(1, "Duplicate shadow variable <%p, %lx>\n", obj, id);
		return NULL;
	}
	return data;
}

/**
 * klp_shadow_alloc() - attach a new shadow variable to an object
 * @obj:       the object
 * @id:        which variable
 * @size:      bytes of data, zeroed
 * @gfp_flags: for the allocation (GFP_KERNEL, or GFP_ATOMIC where sleeping is not allowed)
 * @ctor:      sets the data up (optional); runs under klp_shadow_lock: must not sleep
 * @ctor_data: passed to @ctor
 *
 * Return: the data; NULL if <obj, id> already exists (with a WARN), if
 * the memory is not there, or if @ctor returned an error.
 */
void *klp_shadow_alloc(void *obj, unsigned long id, size_t size, gfp_t gfp_flags,
		       klp_shadow_ctor_t ctor, void *ctor_data)
{
	return __klp_shadow_get_or_alloc(obj, id, size, gfp_flags, ctor, ctor_data, true);
}
EXPORT_SYMBOL_GPL(klp_shadow_alloc);

/**
 * klp_shadow_get_or_alloc() - the shadow variable, attached now if it is not yet
 *
 * As klp_shadow_alloc(), except that an existing <obj, id> is returned as
 * it is (its ctor is not called again). For patched code that meets
 * objects both older and newer than the patch.
 */
void *klp_shadow_get_or_alloc(void *obj, unsigned long id, size_t size, gfp_t gfp_flags,
			      klp_shadow_ctor_t ctor, void *ctor_data)
{
	return __klp_shadow_get_or_alloc(obj, id, size, gfp_flags, ctor, ctor_data, false);
}
EXPORT_SYMBOL_GPL(klp_shadow_get_or_alloc);

/* Unlink, destroy, free. Caller holds klp_shadow_lock. */
static void klp_shadow_free_struct(struct klp_shadow *shadow, klp_shadow_dtor_t dtor)
{
	hash_del(&shadow->node);
	if (dtor)
		dtor(shadow->obj, shadow->data);
	kfree(shadow);
}

/**
 * klp_shadow_free() - detach and free a shadow variable
 * @obj:  the object
 * @id:   which variable
 * @dtor: called with (obj, data) before the memory goes (optional);
 *        runs under klp_shadow_lock: must not sleep
 *
 * Nothing happens if <obj, id> does not exist.
 */
void klp_shadow_free(void *obj, unsigned long id, klp_shadow_dtor_t dtor)
{
	struct klp_shadow *shadow;
	unsigned long flags;

	spin_lock_irqsave(&klp_shadow_lock, flags);
	shadow = klp_shadow_find(obj, id);
	if (shadow)
		klp_shadow_free_struct(shadow, dtor);
	spin_unlock_irqrestore(&klp_shadow_lock, flags);
}
EXPORT_SYMBOL_GPL(klp_shadow_free);

/**
 * klp_shadow_free_all() - detach and free every object's shadow variable @id
 * @id:   which variable
 * @dtor: as for klp_shadow_free(), called for each, in no particular order
 *
 * A patch module calls this on its way out for the variables it attached
 * (Linux's samples: module exit; with callbacks, post_unpatch).
 */
void klp_shadow_free_all(unsigned long id, klp_shadow_dtor_t dtor)
{
	struct klp_shadow *shadow;
	struct hlist_node *tmp;
	unsigned long flags;
	unsigned int bkt;

	spin_lock_irqsave(&klp_shadow_lock, flags);
	hash_for_each_safe(klp_shadow_hash, bkt, tmp, shadow, node)
		if (shadow->id == id)
			klp_shadow_free_struct(shadow, dtor);
	spin_unlock_irqrestore(&klp_shadow_lock, flags);
}
EXPORT_SYMBOL_GPL(klp_shadow_free_all);
