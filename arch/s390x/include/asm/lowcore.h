/* SPDX-License-Identifier: MIT */
/*
 * The lowcore: the first 8 KiB of real storage, where the CPU stores and
 * loads PSWs and interruption codes (PoP ch. 3, "Assigned Storage Locations").
 * Prefixing is left at 0, so it is also absolute address 0. [Linux: asm/lowcore.h]
 */
#ifndef _ASM_S390X_LOWCORE_H
#define _ASM_S390X_LOWCORE_H

/* Architected: stored by the CPU on an interruption. */
#define __LC_EXT_PARAMS		0x080	/* u32 external-interruption parameter */
#define __LC_EXT_CPU_ADDR	0x084	/* u16 CPU address, then u16 code at 0x086 */
#define __LC_SVC_ILC		0x088	/* u16 ILC, then u16 SVC number at 0x08a */
#define __LC_PGM_ILC		0x08c	/* u16 ILC, then u16 program-interruption code */
#define __LC_TRANS_EXC_CODE	0x0a8	/* u64 translation-exception identification */
#define __LC_SUBCHANNEL_ID	0x0b8	/* u32 I/O: subchannel id, then u32 parameter */
#define __LC_PGM_LAST_BREAK	0x110	/* u64 breaking-event address */

/* Old PSWs (stored by the CPU) and new PSWs (loaded by it), 16 bytes each. */
#define __LC_RESTART_OLD_PSW	0x120
#define __LC_EXT_OLD_PSW	0x130
#define __LC_SVC_OLD_PSW	0x140
#define __LC_PGM_OLD_PSW	0x150
#define __LC_MCK_OLD_PSW	0x160
#define __LC_IO_OLD_PSW		0x170
#define __LC_RESTART_NEW_PSW	0x1a0
#define __LC_EXT_NEW_PSW	0x1b0
#define __LC_SVC_NEW_PSW	0x1c0
#define __LC_PGM_NEW_PSW	0x1d0
#define __LC_MCK_NEW_PSW	0x1e0
#define __LC_IO_NEW_PSW		0x1f0

/*
 * Ours: 0x200-0x11af is free for software (0x11b0 and 0x1200-0x13ff are
 * architected save areas). Synchronous (SVC, program check) and
 * asynchronous (external, I/O) entries have separate register save areas,
 * so a program check in an external entry cannot clobber its registers.
 */
#define __LC_SAVE_AREA_SYNC	0x200	/* r0-r15, 128 bytes */
#define __LC_SAVE_AREA_ASYNC	0x280	/* r0-r15, 128 bytes */
#define __LC_RETURN_PSW		0x300	/* PSW for the LPSWE that ends an entry */
#define __LC_KERNEL_STACK	0x310	/* stack top for entries from problem state */
#define __LC_PANIC_STACK	0x318	/* stack top used after a stack overflow */

#ifndef __ASSEMBLY__
#include <linux/types.h>

/* Lowcore fields are at small absolute addresses (see -fno-delete-null-pointer-checks). */
#define LOWCORE_U64(off) (*(volatile u64 *)(unsigned long)(off))
#endif

#endif
