/* SPDX-License-Identifier: MIT */
/*
 * Livepatch: replace kernel or module functions while the system runs
 * (kernel/livepatch/; Linux: include/linux/livepatch.h). A patch module
 * describes its replacements with these structures and calls
 * klp_enable_patch() from its init function.
 */
#ifndef _LINUX_LIVEPATCH_H
#define _LINUX_LIVEPATCH_H

#include <linux/types.h>
#include <linux/elf.h>
#include <linux/list.h>
#include <linux/kobject.h>
#include <linux/completion.h>
#include <linux/workqueue.h>
#include <linux/sched.h>

struct module;

/*
 * One function to replace.
 * @old_name:   the function's name in its object
 * @new_func:   the replacement, with the same prototype
 * @old_sympos: which of several symbols with that name (1-based, address
 *              order; 0 = the name must be unique)
 * Internal:
 * @old_func, @old_size, @new_size: resolved address and sizes (the stack
 *              check tests return addresses against [func, func + size))
 * @kobj:       /sys/kernel/livepatch/<patch>/<object>/<old_name,sympos>
 * @node:       in the object's func_list
 * @stack_node: in its klp_ops' func_stack (top = the active version)
 * @patched:    on the func_stack
 * @transition: being applied or reverted: the ftrace handler must look at
 *              the running task's patch_state to pick a version
 *
 * State machine (Linux's comment, same meaning):
 *   patching:   patched=0 transition=0 -> 0/1 -> 1/1 -> 1/0
 *   unpatching: patched=1 transition=0 -> 1/1 -> 0/1 -> 0/0
 */
struct klp_func {
	const char *old_name;
	void *new_func;
	unsigned long old_sympos;

	void *old_func;
	struct kobject kobj;
	struct list_head node;
	struct list_head stack_node;
	unsigned long old_size, new_size;
	bool nop;
	bool patched;
	bool transition;
};

struct klp_object;

/* (Un)patch callbacks [Linux 4.15]: run by the livepatch issue's successor. */
struct klp_callbacks {
	int (*pre_patch)(struct klp_object *obj);
	void (*post_patch)(struct klp_object *obj);
	void (*pre_unpatch)(struct klp_object *obj);
	void (*post_unpatch)(struct klp_object *obj);
	bool post_unpatch_enabled;
};

/*
 * The functions of one object: the kernel (@name NULL, shown as "vmlinux")
 * or a module, which may load later than the patch.
 */
struct klp_object {
	const char *name;
	struct klp_func *funcs;
	struct klp_callbacks callbacks;

	struct kobject kobj;
	struct list_head func_list;
	struct list_head node;
	struct module *mod;	/* the loaded module, NULL if none (or vmlinux) */
	bool dynamic;
	bool patched;
};

/*
 * A change to the system's state that a patch makes and later patches
 * must keep (klp_state [Linux 5.5], kernel/livepatch/state.c).
 * @id:      non-zero; the same id in two patches means the same change
 * @version: of that change; a patch with an older version of a state
 *           that an installed patch has is refused
 * @data:    the patch's own, for its callbacks
 * patch->states ends with an entry whose id is 0.
 */
struct klp_state {
	unsigned long id;
	unsigned int version;
	void *data;
};

/*
 * A live patch.
 * @mod:     the patch module (THIS_MODULE); names /sys/kernel/livepatch/<mod>
 * @objs:    objects, ended by an entry with NULL name and funcs
 * @states:  system states it changes (optional), ended by id 0
 * @replace: atomic replace [Linux 5.1] (kept for the sysfs file)
 * Internal: @list in klp_patches (enabled or in transition), @kobj,
 * @obj_list, @enabled, @forced (the module can never be removed),
 * @free_work (frees the patch outside the sysfs store that disabled it),
 * @finish (the kobject is released).
 */
struct klp_patch {
	struct module *mod;
	struct klp_object *objs;
	struct klp_state *states;
	bool replace;

	struct list_head list;
	struct kobject kobj;
	struct list_head obj_list;
	bool enabled;
	bool forced;
	struct work_struct free_work;
	struct completion finish;
};

#define klp_for_each_object_static(patch, obj) \
	for (obj = (patch)->objs; obj->funcs || obj->name; obj++)
#define klp_for_each_object(patch, obj) \
	list_for_each_entry(obj, &(patch)->obj_list, node)
#define klp_for_each_func_static(obj, func) \
	for (func = (obj)->funcs; func && (func->old_name || func->new_func || func->old_sympos); func++)
#define klp_for_each_func(obj, func) \
	list_for_each_entry(func, &(obj)->func_list, node)

/*
 * Register and enable patch: resolve its symbols, add its sysfs tree,
 * start the transition. Called from the patch module's init. 0 or -errno.
 */
int klp_enable_patch(struct klp_patch *patch);

/* The module loader's direct calls [Linux: kernel/module/main.c]. */
int klp_module_coming(struct module *mod);
void klp_module_going(struct module *mod);

/*
 * Shadow variables [Linux 4.13; ctor/dtor 4.18] (kernel/livepatch/shadow.c):
 * data a patch attaches to an existing object, <obj, id>, so the patched
 * code can have "new fields" in structures it cannot change. The data is
 * zeroed, then set by @ctor (if any) under a spinlock, in atomic context:
 * a ctor must not sleep. @dtor (if any) runs as the variable is freed,
 * under the same lock. Any context; a ctor or dtor may only call
 * klp_shadow_get().
 */
typedef int (*klp_shadow_ctor_t)(void *obj, void *shadow_data, void *ctor_data);
typedef void (*klp_shadow_dtor_t)(void *obj, void *shadow_data);

/* The data of <obj, id>, or NULL. */
void *klp_shadow_get(void *obj, unsigned long id);
/* A new <obj, id> of @size bytes; NULL if it exists (a WARN), if out of memory or if @ctor fails. */
void *klp_shadow_alloc(void *obj, unsigned long id, size_t size, gfp_t gfp_flags,
		       klp_shadow_ctor_t ctor, void *ctor_data);
/* <obj, id> as it is if it exists (@ctor not called), else a new one as klp_shadow_alloc(). */
void *klp_shadow_get_or_alloc(void *obj, unsigned long id, size_t size, gfp_t gfp_flags,
			      klp_shadow_ctor_t ctor, void *ctor_data);
/* Detach and free <obj, id> (nothing if it does not exist). */
void klp_shadow_free(void *obj, unsigned long id, klp_shadow_dtor_t dtor);
/* Detach and free <*, id>: every object's variable with this id. */
void klp_shadow_free_all(unsigned long id, klp_shadow_dtor_t dtor);

/*
 * System states [Linux 5.5] (kernel/livepatch/state.c).
 * klp_get_state(): @patch's own entry for @id, or NULL.
 * klp_get_prev_state(): during a transition (in callbacks), the entry for
 * @id of the most recent patch installed before the one in transition,
 * or NULL; outside a transition a WARN and NULL. Caller holds klp_mutex
 * (callbacks run under it).
 */
struct klp_state *klp_get_state(struct klp_patch *patch, unsigned long id);
struct klp_state *klp_get_prev_state(unsigned long id);

static inline bool klp_patch_pending(struct task_struct *task)
{
	return test_tsk_thread_flag(task, TIF_PATCH_PENDING);
}

/*
 * cond_resched() of a task with TIF_PATCH_PENDING: switch now if its
 * stack allows. A kernel thread that never returns to user mode and is
 * rarely asleep outside patched code gets a switch point this way.
 * [Linux 6.4: klp_sched_try_switch()]
 */
void __klp_sched_try_switch(void);
static inline void klp_sched_try_switch(void)
{
	if (unlikely(klp_patch_pending(current)))
		__klp_sched_try_switch();
}

/* Switch task (current, or one not running) to the transition's target state. */
void klp_update_patch_state(struct task_struct *task);
/* fork: the child starts in its parent's patch state. */
void klp_copy_process(struct task_struct *child);

/*
 * Livepatch relocations (.klp.rela.<obj>.<section>, Documentation/livepatch/
 * module-elf-format.rst). The loader hands each SHF_RELA_LIVEPATCH section
 * of a patch module being formed to klp_apply_section_relocs() with
 * objname NULL: the vmlinux ones are resolved and applied there, the
 * others wait until their module is patched. 0, or -EINVAL / -ENOEXEC with
 * the reason logged. [Linux 5.8+: same]
 */
int klp_apply_section_relocs(struct module *pmod, Elf64_Shdr *sechdrs, const char *shstrtab,
			     const char *strtab, unsigned int symndx, unsigned int secndx,
			     const char *objname);

/*
 * A patch module that calls or reads what its target does not export
 * names it like any extern; tools/klp-convert finds it in the kernel's
 * System.map (or the target module) and turns the references into
 * livepatch relocations. A name it finds more than once needs its object
 * and position, 1-based in address order (Linux: klp-convert's
 * annotations):
 *
 *	extern int kallsyms_test_dup(void);
 *	KLP_MODULE_RELOC(vmlinux) = { KLP_SYMPOS(kallsyms_test_dup, 2) };
 *
 * The section is read by the tool only; the loader does not load it.
 */
struct klp_module_reloc {
	void *sym;
	unsigned int sympos;
} __packed;

#define KLP_MODULE_RELOC(obj)							\
	static struct klp_module_reloc __klp_module_relocs_##obj[] __used	\
		__section(".klp.module_relocs." #obj) __aligned(1)
#define KLP_SYMPOS(symbol, pos) { .sym = (void *)&symbol, .sympos = pos }

#endif
