/* SPDX-License-Identifier: MIT */
/* PSW bits and the saved register frame built by the s390x entry code (Linux: arch/s390/include/asm/ptrace.h). */
#ifndef _ASM_S390X_PTRACE_H
#define _ASM_S390X_PTRACE_H

#ifdef __ASSEMBLY__
#define __PSW_UL(x) x
#else
#define __PSW_UL(x) x##UL
#endif

/* PSW mask bits (z/Architecture Principles of Operation, ch. 4, "Program-Status Word"). */
#define PSW_MASK_PER	__PSW_UL(0x4000000000000000)	/* bit 1: program-event recording */
#define PSW_MASK_DAT	__PSW_UL(0x0400000000000000)	/* bit 5: dynamic address translation */
#define PSW_MASK_IO	__PSW_UL(0x0200000000000000)	/* bit 6: I/O interrupts */
#define PSW_MASK_EXT	__PSW_UL(0x0100000000000000)	/* bit 7: external interrupts */
#define PSW_MASK_KEY	__PSW_UL(0x00f0000000000000)	/* bits 8-11: access key */
#define PSW_MASK_MCHECK	__PSW_UL(0x0004000000000000)	/* bit 13: machine checks */
#define PSW_MASK_WAIT	__PSW_UL(0x0002000000000000)	/* bit 14: wait state */
#define PSW_MASK_PSTATE	__PSW_UL(0x0001000000000000)	/* bit 15: problem (user) state */
#define PSW_MASK_ASC	__PSW_UL(0x0000c00000000000)	/* bits 16-17: address-space control */
#define PSW_MASK_CC	__PSW_UL(0x0000300000000000)	/* bits 18-19: condition code */
#define PSW_MASK_PM	__PSW_UL(0x00000f0000000000)	/* bits 20-23: program mask */
#define PSW_MASK_RI	__PSW_UL(0x0000008000000000)	/* bit 24: runtime instrumentation */
#define PSW_MASK_EA	__PSW_UL(0x0000000100000000)	/* bit 31: extended addressing */
#define PSW_MASK_BA	__PSW_UL(0x0000000080000000)	/* bit 32: basic addressing */

/* Address-space control, PSW bits 16-17: which control register's ASCE translates. */
#define PSW_ASC_PRIMARY	__PSW_UL(0x0000000000000000)	/* CR1 */
#define PSW_ASC_HOME	__PSW_UL(0x0000c00000000000)	/* CR13 */

/*
 * The kernel runs in 64-bit mode, supervisor state, key 0, DAT on in the
 * home space (CR13: the identity map of RAM, plus the current process's
 * pages; mm.c), with interrupts masked unless irqflags.h enables them.
 * [Linux: PSW_KERNEL_BITS, with PSW_ASC_HOME as in Linux 3.x-5.x]
 */
#define PSW_KERNEL_BITS	(PSW_MASK_DAT | PSW_ASC_HOME | PSW_MASK_EA | PSW_MASK_BA)

/*
 * A process runs in problem state, DAT on in the primary space (CR1: its
 * own pages only), external interrupts enabled (the tick preempts it),
 * I/O and machine checks masked as in the kernel, key 0. [Linux: PSW_USER_BITS]
 */
#define PSW_USER_BITS	(PSW_MASK_DAT | PSW_MASK_EXT | PSW_MASK_PSTATE | PSW_ASC_PRIMARY | \
			 PSW_MASK_EA | PSW_MASK_BA)

/*
 * The 160-byte frame every caller provides at its stack pointer (s390x ELF
 * ABI, "Stack Frame", with -mbackchain): the back chain (the caller's r15)
 * at 0, and at 48 the slots where a callee saves r6-r15, so a function's
 * return address (r14) is at 112 of its caller's frame.
 */
#define STACK_FRAME_OVERHEAD 160
#define __SF_BACKCHAIN 0
#define __SF_GPRS 48

/* struct pt_regs offsets, for entry.S; checked by static_assert in traps.c. */
#define PT_PSW		0
#define PT_GPRS		16
#define PT_R15		(PT_GPRS + 15 * 8)
#define PT_ORIG_GPR2	144
#define PT_INT_CODE	152
#define PT_INT_PARM	156
#define PT_INT_PARM_LONG 160
#define PT_FLAGS	168
#define PT_LAST_BREAK	176
#define PT_SIZE		184

/* pt_regs.flags bits. [Linux: PIF_SYSCALL] */
#define PIF_SYSCALL	0	/* entered by SVC: a system call, restartable */
#define _PIF_SYSCALL	(1 << PIF_SYSCALL)

#ifndef __ASSEMBLY__
#include <linux/types.h>

/* Linux: psw_t (a typedef there; a plain struct here, STYLE.md 3). */
struct psw {
	unsigned long mask;
	unsigned long addr;
};

/*
 * The state saved by every interruption (SVC included), on the kernel
 * stack just above a 160-byte frame whose back chain is 0 (the marker the
 * unwinder looks for, as Linux's unwind_bc does):
 *
 *   regs + PT_SIZE      the interrupted stack (kernel mode), or the
 *                       stack top (problem state: regs = task_pt_regs())
 *   regs                struct pt_regs
 *   regs - 160          frame for the C handler, back chain 0
 */
struct pt_regs {
	struct psw psw;			/* the old PSW: where and how we were */
	unsigned long gprs[16];
	unsigned long orig_gpr2;	/* r2 at entry: a system call's first argument */
	unsigned int int_code;		/* ILC << 16 | code (program check, SVC);
					   CPU address << 16 | code (external) */
	unsigned int int_parm;		/* external-interruption parameter */
	unsigned long int_parm_long;	/* translation-exception identification */
	unsigned long flags;		/* _PIF_* */
	unsigned long last_break;	/* breaking-event address (program check) */
};

struct stack_frame {
	unsigned long back_chain;
	unsigned long empty1[5];
	unsigned long gprs[10];		/* r6-r15 of the function this frame called */
	unsigned int empty2[8];
};

static inline bool user_mode(const struct pt_regs *regs)
{
	return regs->psw.mask & PSW_MASK_PSTATE;
}
#endif

#endif
