/* SPDX-License-Identifier: MIT */
/*
 * The arch contract: every hook generic code may call, implemented once per
 * architecture in arch/<arch>/. Generic code never tests for an architecture;
 * it calls these. Each hook states its context and its Linux counterpart.
 */
#ifndef _SCION_ARCH_H
#define _SCION_ARCH_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/elf.h>		/* Elf64_Shdr, for the module hooks */
#include <asm/ptrace.h>		/* struct pt_regs */
#include <asm/page.h>		/* PAGE_SIZE, __va(), __pa() */
#include <asm/irqflags.h>	/* arch_local_irq_save() and friends, inline */

/* ---- Boot information, filled in by the arch before start_kernel() ---- */

#define BOOT_MAX_RANGES 32
#define BOOT_MAX_MODULES 64
#define BOOT_CMDLINE_SIZE 1024

struct boot_range {
	u64 start;		/* physical, inclusive */
	u64 end;		/* physical, exclusive */
};

struct boot_module {
	u64 start, end;		/* physical */
	char name[256];		/* the module2 string (QEMU -initrd: the whole path), or "" */
};

struct boot_info {
	char cmdline[BOOT_CMDLINE_SIZE];
	struct boot_range ram[BOOT_MAX_RANGES];		/* usable RAM */
	int nr_ram;
	struct boot_range reserved[BOOT_MAX_RANGES];	/* kernel image, boot data */
	int nr_reserved;
	struct boot_module modules[BOOT_MAX_MODULES];
	int nr_modules;
	const char *loader;	/* "GRUB multiboot2", "QEMU -kernel", ... */
};

extern struct boot_info boot_info;

/*
 * What the arch calls while parsing boot data: a reserved physical range,
 * a range of usable RAM, a file the boot loader loaded (it is reserved too).
 */
void boot_reserve(u64 start, u64 end);
void boot_add_ram(u64 start, u64 end);
void boot_add_module(u64 start, u64 end, const char *name);

/* ---- Early setup (called once, in order, from start_kernel) ---- */

/*
 * Bring up the console so printk works, install the trap/interrupt
 * vectors, and fill boot_info. Interrupts stay disabled.
 * [Linux: setup_arch(), early console]
 */
void arch_early_init(void);

/*
 * Switch to the kernel's final page tables (W^X kernel mapping plus a
 * direct map of all RAM at __va()). Called after the page allocator is up
 * with pages from boot_info.ram. [Linux: paging_init()]
 */
void arch_mm_init(void);

/*
 * Enable the console's receive interrupt and start a periodic tick at
 * hz Hz that calls timer_interrupt(regs). Interrupts are enabled by the
 * caller afterwards. [Linux: time_init(), tick setup]
 */
void arch_irq_init(unsigned int hz);

/* Human-readable name, e.g. "x86_64" or "s390x" (uname -m). */
extern const char arch_name[];

/* ---- Console ---- */

/*
 * Write len bytes to the console, synchronously, with "\n" turned into
 * "\r\n". Callable from any context, interrupts on or off, before and
 * after arch_irq_init(). [Linux: console->write]
 */
void arch_console_write(const char *s, size_t len);

/*
 * Re-arm console receive after the generic input buffer was full and
 * console_rx() refused a byte (flow control: the arch stops receiving
 * until then). Context: any, interrupts off.
 */
void arch_console_rx_resume(void);

/*
 * Generic side, called by the arch receive interrupt for each byte, which
 * it stores. Returns false when the buffer has no room left for another
 * byte: the arch must then stop receiving (leave further bytes in the
 * device) until arch_console_rx_resume().
 */
bool console_rx(u8 c);

/* ---- Time ---- */

/* Generic tick handler, called by the arch timer interrupt, irqs off. */
void timer_interrupt(struct pt_regs *regs);

/* Monotonic nanoseconds since boot; callable from any context.
 * [Linux: local_clock()] */
u64 arch_clock_ns(void);

/* Raw cycle counter for benchmarks: rdtsc on x86_64, STCKF on s390x. */
u64 arch_cycles(void);

/* ---- CPU ---- */

/*
 * Wait for the next interrupt with interrupts enabled, atomically (no lost
 * wake-up between the check and the wait), and return with interrupts
 * disabled again. Called with interrupts disabled. [Linux: arch_cpu_idle()]
 */
void arch_cpu_idle(void);

/* Stop everything: interrupts off, halt forever. Used by panic(). */
__noreturn void arch_halt(void);

/* Turn the machine off; QEMU exits with status 0. [Linux: machine_power_off()] */
__noreturn void arch_poweroff(void);

/* Reset the machine (QEMU reboots, or exits under -no-reboot). [Linux: machine_restart()] */
__noreturn void arch_reboot(void);

/* ---- Faults and diagnostics ---- */

/* Print the register dump of regs in Linux's style (RIP/RSP/... or PSW/GPRS). */
void arch_show_regs(struct pt_regs *regs);

/* Instruction pointer and stack/frame pointer of a saved register set. */
unsigned long arch_regs_ip(const struct pt_regs *regs);
unsigned long arch_regs_fp(const struct pt_regs *regs);
/* The user stack pointer saved in a user-mode register frame. */
unsigned long arch_regs_user_sp(const struct pt_regs *regs);

struct task_struct;

/*
 * Called by the stack walks for each entry, innermost first: a return
 * address, or the ip saved in an entry frame. Returning false stops the
 * walk. [Linux: stack_trace_consume_fn]
 */
typedef bool (*stack_trace_consume_fn)(void *cookie, unsigned long addr);

/*
 * Best-effort walk for backtraces: with regs, regs' ip and then the frames
 * of the interrupted code on current's stack; else task's stack: current
 * from the return address into arch_stack_walk's caller, a switched-out
 * task from where it switched out. Crosses kernel-mode entry frames
 * (interrupt, exception), stops at a user-mode one, at a return address
 * outside kernel text, and at a frame that leaves the task's stack or
 * goes backwards, so garbage cannot make it loop or fault. Context: task
 * is current or not running, and cannot exit during the walk (interrupts
 * off). [Linux: arch_stack_walk()]
 */
void arch_stack_walk(stack_trace_consume_fn consume_entry, void *cookie,
		     struct task_struct *task, struct pt_regs *regs);

/*
 * The walk livepatch may trust: as arch_stack_walk() without regs, but it
 * returns 0 only if it ended where task's stack must end (the user-mode
 * pt_regs of a process, the first frame of ret_from_fork for a kernel
 * thread or a process not yet in user mode, the boot stack's first frame
 * for the idle task) with every entry a kernel text address. Anything
 * else is -EINVAL, never a guess: a kernel-mode entry frame on the way
 * (the interrupted function may not have saved its frame pointer or
 * return address yet), an address outside kernel text, a frame off the
 * stack or out of order, or consume_entry saying stop. Context: as
 * arch_stack_walk(). [Linux: arch_stack_walk_reliable()]
 */
int arch_stack_walk_reliable(stack_trace_consume_fn consume_entry, void *cookie,
			     struct task_struct *task);

/* Current frame pointer (of the caller of this inline-ish hook). */
unsigned long arch_current_fp(void);

/* Bounds of the boot/kernel stack in use before tasks exist. */
void arch_boot_stack(unsigned long *lo, unsigned long *hi);

/* ---- Tasks ---- */

/*
 * Prepare the kernel stack of a new task p (p->stack_lo/hi set) so that
 * the first switch to it runs schedule_tail(prev), then fn(arg), then
 * do_exit(fn's return value). [Linux: copy_thread() + ret_from_fork]
 */
void arch_thread_init(struct task_struct *p, int (*fn)(void *), void *arg);

/*
 * Switch from prev (current) to next: save prev's callee-saved registers
 * and stack pointer in prev->thread, load next's, switch address space if
 * next has another one. Returns, on next's stack, the task we switched
 * away from to get here. Context: interrupts off. [Linux: switch_to()]
 */
struct task_struct *arch_switch_to(struct task_struct *prev, struct task_struct *next);

/* Frame pointer saved by arch_switch_to for a task that is switched out. */
unsigned long arch_task_fp(const struct task_struct *p);

/* Were interrupts enabled in the interrupted context? */
bool arch_regs_irqs_enabled(const struct pt_regs *regs);

/*
 * Make the page at addr (kernel direct-map address) inaccessible (guard
 * true) or accessible again, so a kernel stack overflow faults at once.
 * Arches without a way to do it return false. [Linux: vmap stacks]
 */
bool arch_set_page_guard(void *addr, bool guard);

/* ---- User address spaces ---- */

struct mm_struct;

/* Give mm a page table that maps the kernel like every other. 0 or -ENOMEM. */
int arch_mm_init_context(struct mm_struct *mm);
/* Free mm's page-table pages (the user pages are already freed). */
void arch_mm_destroy_context(struct mm_struct *mm);
/* Map user page va -> pa with PROT_* prot. 0 or -ENOMEM. */
int arch_mm_map_page(struct mm_struct *mm, unsigned long va, unsigned long pa, unsigned int prot);
/* Physical address mapped at user va in mm, or 0. */
unsigned long arch_mm_lookup(struct mm_struct *mm, unsigned long va);
/* Make mm's page table the active one now (NULL: kernel mappings only). */
void arch_mm_activate(struct mm_struct *mm);

/* ---- Entering user mode ---- */

/*
 * The user-mode register frame of task p, at the top of its kernel stack:
 * filled by every entry from user mode, read by the return to it.
 * [Linux: task_pt_regs()]
 */
struct pt_regs *task_pt_regs(struct task_struct *p);
/* Set regs for a fresh program: user mode, ip, stack pointer sp, interrupts on. */
void arch_start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp);
/*
 * Leave the kernel for user mode with regs (= task_pt_regs(current)),
 * through the same exit path as a system call. Called by a new process's
 * first kernel code. [Linux: ret_from_fork's user branch]
 */
__noreturn void arch_return_to_user(struct pt_regs *regs);

/* ---- Loadable modules (kernel/module/) ---- */

struct module;

/*
 * size bytes (a multiple of PAGE_SIZE) of zeroed memory for a module's
 * sections, mapped read-write and not executable, where the module's code
 * model reaches the kernel: x86_64 in the module area 1.5 GiB above the
 * kernel image (-mcmodel=kernel: the top 2 GiB), s390x anywhere in
 * storage (larl/brasl reach +-4 GiB). NULL if there is no room.
 * Context: process. [Linux: module_alloc()]
 */
void *arch_module_alloc(size_t size);
/* Unmap and free what arch_module_alloc(size) returned. [Linux: module_memfree()] */
void arch_module_free(void *addr, size_t size);
/*
 * Protect the pages [addr, addr + size) of a module allocation: prot is
 * PROT_READ, with PROT_WRITE or PROT_EXEC (never both). 0, or -EINVAL for
 * a range outside the module area or W+X. [Linux: set_memory_ro/x/nx()]
 */
int arch_module_set_prot(void *addr, size_t size, unsigned int prot);
/*
 * Before a module is laid out, and again once it is copied: the memory the
 * arch needs next to the module's text for the relocations of every
 * SHT_RELA section of the file hdr (sechdrs, from the file; livepatch ones
 * included, which are applied later; elf_check.c has checked them). With
 * area NULL: its size in bytes, 0 for none, or a negative errno (-ENOMEM)
 * with one line logged naming name. With area (that many zeroed, writable
 * bytes in the text part, 16-byte aligned): fill it in for
 * arch_apply_relocate_add(), which finds it through me->core_layout;
 * 0 or -ENOMEM. s390x: a GOT and PLT entries; x86_64: nothing. Pure
 * computation: it also builds on the host. [Linux: module_frob_arch_sections()]
 */
long arch_module_frob_arch_sections(const Elf64_Ehdr *hdr, const Elf64_Shdr *sechdrs,
				    const char *name, void *area);
/*
 * Apply SHT_RELA section relsec of a module to the section it targets
 * (sechdrs[relsec].sh_info): sh_addr of every section is where it was
 * placed, and st_value of every symbol of sechdrs[symindex] is final.
 * Each entry's type, symbol index and field (inside the target section)
 * are checked before the field is written, and a value that does not fit
 * the field, or a field that is not zero, is refused: 0, or -ENOEXEC with
 * one line logged that names me->name. While me is UNFORMED the fields
 * are written directly; later (livepatch relocations of a patch module
 * for a module that loads after it) through arch_text_poke(). Pure
 * computation otherwise: it also builds on the host (tests/fuzz/).
 * [Linux: apply_relocate_add()]
 */
int arch_apply_relocate_add(Elf64_Shdr *sechdrs, const char *strtab, unsigned int symindex,
			    unsigned int relsec, struct module *me);
/*
 * Undo arch_apply_relocate_add() of relsec on a formed module: every field
 * that holds what it wrote is zeroed (through arch_text_poke()), so that it
 * can be applied again; a zero field is left alone, any other value is
 * logged and stops the walk. For livepatch relocations of a target module
 * that goes away. [Linux 6.1: clear_relocate_add()]
 */
void arch_clear_relocate_add(Elf64_Shdr *sechdrs, const char *strtab, unsigned int symindex,
			     unsigned int relsec, struct module *me);

/* ---- Code patching and function tracing (ftrace) ---- */

struct dyn_ftrace;

/*
 * Replace len bytes at addr with opcode, as one change that every CPU
 * then executes: addr is kernel text or inside a module's memory (its
 * text, or data that is read-only by now: livepatch relocations); it
 * gets past the write protection and serializes instruction fetch before
 * returning. Any other address: a warning, and nothing is written. The caller
 * picks bytes that are a valid instruction stream before and after, and
 * on this one CPU no other code runs in between (interrupts are off for
 * the write). An SMP port switches this one function to Linux's int3
 * protocol; callers do not change. Context: task, any interrupt state.
 * [Linux: text_poke_bp() (x86), s390_kernel_write() + sync (s390)]
 */
void arch_text_poke(void *addr, const void *opcode, size_t len);

/*
 * Check, once at boot, that the fentry site rec->ip holds the NOP that
 * gcc -mnop-mcount put there. 0, or -EINVAL if it holds anything else
 * (nothing is written either way). [Linux: ftrace_init_nop()]
 */
int arch_ftrace_init_nop(struct dyn_ftrace *rec);

/*
 * Turn the NOP at rec->ip into a call of addr (the trampoline), or the
 * call of addr back into a NOP, with arch_text_poke(). Each first checks
 * that the site holds what ftrace left there: -EINVAL and nothing written
 * if not. Context: ftrace_lock held. [Linux: ftrace_make_call(), ftrace_make_nop()]
 */
int arch_ftrace_make_call(struct dyn_ftrace *rec, unsigned long addr);
int arch_ftrace_make_nop(struct dyn_ftrace *rec, unsigned long addr);

/*
 * Make regs resume at ip: x86_64 regs->ip, s390x regs->psw.addr. An
 * ftrace callback uses it (through ftrace_regs_set_instruction_pointer())
 * to redirect the traced call. [Linux: instruction_pointer_set(),
 * ftrace_regs_set_instruction_pointer(), klp_arch_set_pc()]
 */
void arch_regs_set_ip(struct pt_regs *regs, unsigned long ip);

#endif
