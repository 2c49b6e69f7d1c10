/* SPDX-License-Identifier: MIT */
/*
 * Function tracing: callbacks on entry to kernel functions, which may
 * redirect the call (kernel/trace/; Linux: include/linux/ftrace.h).
 * Livepatch uses it exactly as Linux's kernel/livepatch/patch.c does.
 */
#ifndef _LINUX_FTRACE_H
#define _LINUX_FTRACE_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <arch.h>		/* struct pt_regs, arch_regs_ip(), arch_regs_set_ip() */
#include <asm/ftrace.h>		/* MCOUNT_INSN_SIZE: bytes of a fentry site */

struct ftrace_ops;

/*
 * What a callback gets of the traced function's registers. Linux 6.12
 * passes struct ftrace_regs, full pt_regs only for SAVE_REGS ops; here
 * the trampoline always saves a full struct pt_regs (its cost is small
 * next to the rest, see `ftrace-bench`), so ftrace_get_regs() never
 * returns NULL. Callbacks use the accessors below, as in Linux.
 */
struct ftrace_regs {
	struct pt_regs regs;
};

/*
 * A callback: ip is the fentry site (the traced function's address),
 * parent_ip the return address into its caller, op the registered ops.
 * Called with preemption disabled, inside ftrace's recursion protection;
 * it must not sleep. [Linux: same type]
 */
typedef void (*ftrace_func_t)(unsigned long ip, unsigned long parent_ip,
			      struct ftrace_ops *op, struct ftrace_regs *fregs);

/* ops->flags, Linux's values. */
#define FTRACE_OPS_FL_ENABLED (1UL << 0)	/* registered; set by ftrace */
#define FTRACE_OPS_FL_DYNAMIC (1UL << 1)	/* ops is allocated memory (see unregister) */
#define FTRACE_OPS_FL_SAVE_REGS (1UL << 2)	/* wants full pt_regs: always given here */
#define FTRACE_OPS_FL_RECURSION (1UL << 4)	/* does its own recursion check (ftrace checks anyway) */
#define FTRACE_OPS_FL_IPMODIFY (1UL << 12)	/* may change the resume ip: one per function */
#define FTRACE_OPS_FL_PERMANENT (1UL << 16)	/* accepted; there is no ftrace_enabled switch */

struct ftrace_hash;		/* a set of fentry sites (kernel/trace/internal.h) */

/*
 * A user of ftrace. The caller sets func (and flags, private); the rest
 * is ftrace's. A zeroed ops traces every function until a filter is set.
 */
struct ftrace_ops {
	ftrace_func_t func;
	struct ftrace_ops *next;		/* ftrace_ops_list, while registered */
	unsigned long flags;			/* FTRACE_OPS_FL_* */
	void *private;				/* the owner's */
	struct ftrace_hash *filter_hash;	/* sites to trace; NULL or empty: all.
						   Linux: func_hash->filter_hash */
};

/*
 * Start calling ops->func at the sites of its filter. Return: 0;
 * -EBUSY if ops is already registered, or if it has IPMODIFY and another
 * IPMODIFY ops holds one of its functions; -EINVAL without func, or for
 * IPMODIFY with an empty filter (that would be every function); -ENOMEM;
 * -ENODEV once ftrace switched itself off. On error nothing changed.
 * Context: task, may sleep (ftrace_lock). [Linux: same]
 */
int register_ftrace_function(struct ftrace_ops *ops);

/*
 * Stop calling ops->func. On return no CPU is in, or will enter, ops->func
 * for this registration, so ops may be freed. -EBUSY (and a warning) if
 * ops is not registered. Context: task, may sleep. [Linux: same; Linux
 * waits for RCU-tasks for FTRACE_OPS_FL_DYNAMIC ops, see ftrace_ops.c]
 */
int unregister_ftrace_function(struct ftrace_ops *ops);

/*
 * Add ip (a function's address: ftrace_location() finds its site) to
 * ops's filter, or remove it; reset empties the filter first. Takes
 * effect at once if ops is registered. Return: 0; -EINVAL if ip is not
 * traceable; -ENOENT to remove an ip not in the filter; -EBUSY for an
 * IPMODIFY conflict; -ENOMEM. On error the filter is unchanged.
 * Context: task, may sleep. [Linux: same]
 */
int ftrace_set_filter_ip(struct ftrace_ops *ops, unsigned long ip, int remove, int reset);
/* The same for cnt addresses at once, all or nothing. [Linux: same] */
int ftrace_set_filter_ips(struct ftrace_ops *ops, unsigned long *ips, unsigned int cnt,
			  int remove, int reset);
/* Free the filter of an ops that is not registered. [Linux: same] */
void ftrace_free_filter(struct ftrace_ops *ops);

/*
 * The fentry site of the function at ip, or 0 if it is not traceable
 * (notrace, not a function, or ftrace is off). [Linux: same; Linux also
 * maps sym+0 to a site further in (x86 ENDBR, arm64 BTI): here the site
 * is always the first instruction, so it is ip itself or nothing.]
 */
unsigned long ftrace_location(unsigned long ip);

/*
 * Recursion protection for code a callback calls that may itself be
 * traced: returns a bit to pass to unlock, or -1 if this context already
 * holds it (the callback must then return at once). Disables preemption
 * until unlock. The dispatcher holds its own bits, so a callback's first
 * trylock succeeds. [Linux: include/linux/trace_recursion.h]
 */
int ftrace_test_recursion_trylock(unsigned long ip, unsigned long parent_ip);
void ftrace_test_recursion_unlock(int bit);

static inline struct pt_regs *ftrace_get_regs(struct ftrace_regs *fregs)
{
	return fregs ? &fregs->regs : NULL;
}

static inline unsigned long ftrace_regs_get_instruction_pointer(const struct ftrace_regs *fregs)
{
	return arch_regs_ip(&fregs->regs);
}

/* Resume at ip instead of the traced function (livepatch's klp_arch_set_pc()). */
static inline void ftrace_regs_set_instruction_pointer(struct ftrace_regs *fregs, unsigned long ip)
{
	arch_regs_set_ip(&fregs->regs, ip);
}

/* ---- Modules [Linux: same names] ---- */

struct module;

/*
 * The module loader's calls. ftrace_module_init(): record mod's fentry
 * sites (mod->ftrace_callsites), each checked to lie in its text and to
 * hold the NOP, and enable them for ops that trace every function; from
 * here on the module's functions are traceable and can be live patched.
 * 0; -ENOEXEC for a bad site (the module is refused; nothing changed);
 * -ENOMEM. Called while mod is COMING, before klp_module_coming().
 * [Linux: ftrace_module_init() + ftrace_module_enable()]
 * ftrace_release_mod(): forget them, after mod's exit and GOING (or a
 * failed load): the sites leave the records and the site table, and
 * every registered ops's filter (and set_ftrace_filter) loses the
 * module's functions. Context: task, may sleep (ftrace_lock).
 */
int ftrace_module_init(struct module *mod);
void ftrace_release_mod(struct module *mod);

/* ---- Records: one per fentry site [Linux: struct dyn_ftrace] ---- */

struct dyn_ftrace {
	unsigned long ip;	/* the site: the function's first instruction */
	unsigned int flags;	/* FTRACE_FL_* */
	unsigned int refs;	/* registered ops whose filter has this site */
};

#define FTRACE_FL_ENABLED (1U << 0)	/* the site calls the trampoline */
#define FTRACE_FL_IPMODIFY (1U << 1)	/* an IPMODIFY ops holds it */

/* ---- The arch side ---- */

/*
 * The trampoline every enabled site calls (arch/<arch>/ftrace_*.S and
 * mcount.S). For the unwinders, a return address in
 * [ftrace_regs_caller, ftrace_regs_caller_end) belongs to its frame,
 * which is laid out so that an ordinary frame-pointer (x86_64) or
 * back-chain (s390x) walk from a callback sees
 *   callback <- ftrace_regs_dispatch <- ftrace_regs_caller
 *            <- traced function + MCOUNT_INSN_SIZE <- the traced function's caller
 * (the two last are fake frames: the traced function has not built its
 * own frame yet). The exact layouts are drawn in the .S files.
 */
extern char ftrace_regs_caller[], ftrace_regs_caller_end[];

/*
 * Called by the trampoline with the full pt_regs of the traced function
 * at its first instruction (regs' ip: just after the site, where it
 * resumes unless a callback changes it). Runs the callbacks of the site
 * ip. Context: any; notrace.
 */
void ftrace_regs_dispatch(unsigned long ip, unsigned long parent_ip, struct pt_regs *regs);

#endif
