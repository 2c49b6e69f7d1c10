/* SPDX-License-Identifier: MIT */
/* Private declarations shared by the files of arch/s390x: CPU helpers and cross-file calls. */
#ifndef _ASM_S390X_S390X_H
#define _ASM_S390X_S390X_H

#include <linux/types.h>
#include <asm/ptrace.h>

/* Control register 0 bits (PoP ch. 4, "Control Registers"). */
#define CR0_INSTRUCTION_EXEC_PROT	(1UL << (63 - 43))	/* with facility 130 */
#define CR0_LOW_ADDRESS_PROTECTION	(1UL << (63 - 35))
#define CR0_CLOCK_COMPARATOR_SUBMASK	(1UL << (63 - 52))
#define CR0_SERVICE_SIGNAL_SUBMASK	(1UL << (63 - 54))
#define CR0_EXTERNAL_SUBMASKS		0xffffUL	/* bits 48-63: every external subclass */

/* External-interruption codes (PoP ch. 6, "External Interruption"). */
#define EXT_IRQ_CLK_COMP	0x1004
#define EXT_IRQ_CPU_TIMER	0x1005
#define EXT_IRQ_SERVICE_SIG	0x2401

/* STCTG / LCTLG of one control register (PoP ch. 10, "Control Instructions"). */
#define ctl_store(cr) ({						\
	unsigned long __v;						\
	__asm__ __volatile__("stctg %[n],%[n],%[v]" : [v] "=Q"(__v) : [n] "i"(cr)); \
	__v;								\
})
#define ctl_load(cr, value) do {					\
	unsigned long __v = (value);					\
	__asm__ __volatile__("lctlg %[n],%[n],%[v]" : : [n] "i"(cr), [v] "Q"(__v) : "memory"); \
} while (0)

static inline unsigned long cr0_read(void)
{
	return ctl_store(0);
}

static inline void cr0_write(unsigned long v)
{
	ctl_load(0, v);
}

/*
 * mm.c: the identity map's page-table entry for addr (kernel memory,
 * which is also module memory), or NULL outside RAM; whether
 * instruction-execution protection is on (_PAGE_NOEXEC is honoured).
 */
unsigned long *s390x_identity_pte(unsigned long addr);
extern bool s390x_has_nx;

/* STORE CLOCK FAST (PoP ch. 7): the TOD clock, bit 51 = 1 microsecond. */
static inline __attribute__((no_instrument_function)) u64 get_tod_clock(void)
{
	u64 v;

	__asm__ __volatile__("stckf %0" : "=Q"(v) : : "cc");
	return v;
}

/* SET CLOCK COMPARATOR (PoP ch. 10): an external interruption once TOD > v. */
static inline void set_clock_comparator(u64 v)
{
	__asm__ __volatile__("sckc %0" : : "Q"(v));
}

/*
 * Load a wait PSW that enables the given interrupts (PSW_MASK_EXT), and
 * continue after it once an interrupt has been taken. do_ext_interrupt()
 * clears the wait bit and the interrupt masks in the old PSW, so we resume
 * with interrupts disabled: the PSW swap makes test-and-wait atomic.
 * [Linux: psw_idle()]
 */
static inline __attribute__((no_instrument_function)) void psw_enabled_wait(unsigned long interrupts)
{
	struct psw psw = { PSW_KERNEL_BITS | PSW_MASK_WAIT | interrupts, 0 };

	__asm__ __volatile__(
		"	larl	%%r1,0f\n"
		"	stg	%%r1,8+%[psw]\n"
		"	lpswe	%[psw]\n"
		"0:\n"
		: [psw] "+Q"(psw) : : "r1", "cc", "memory");
}

/* entry.S: leave for problem state with regs (task_pt_regs), interrupts off. */
__noreturn void s390x_return_to_user(struct pt_regs *regs);

/* irq.c */
extern u64 tod_clock_base;
void do_ext_interrupt(struct pt_regs *regs);
void s390x_irq_work_raise(void);

/* sclp.c: the service-call interface. */
int sclp_sync_request(u32 command, void *sccb);
void sclp_wait_idle(void);
void sclp_interrupt(u32 param);
bool sclp_busy_waiting(void);
u64 sclp_memory_size(void);
extern bool sclp_event_pending;

/* serial.c: the SCLP VT220 console. */
void sclp_console_init(void);
void sclp_console_irq_init(void);
void sclp_console_irq_work(void);
void sclp_console_notify(void);

/* traps.c */
void do_program_check(struct pt_regs *regs);
void do_svc(struct pt_regs *regs);
void do_io_interrupt(struct pt_regs *regs);
__noreturn void kernel_stack_overflow(struct pt_regs *regs, bool program_check);

#endif
