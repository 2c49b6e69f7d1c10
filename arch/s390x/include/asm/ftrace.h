/* SPDX-License-Identifier: MIT */
/* s390x fentry sites (Linux: arch/s390/include/asm/ftrace.h). */
#ifndef _ASM_S390X_FTRACE_H
#define _ASM_S390X_FTRACE_H

/*
 * gcc -mfentry -mnop-mcount starts every traceable function with
 * "brcl 0,0" (c0 04 00 00 00 00): BRANCH RELATIVE ON CONDITION LONG with
 * mask 0, which never branches whatever its offset. Enabled, byte 1
 * becomes 05: "brasl %r0,ftrace_regs_caller" (BRANCH RELATIVE AND SAVE
 * LONG; z/Architecture Principles of Operation, ch. 7), the offset in
 * halfwords from the instruction. r0 then holds the address after it.
 */
#define MCOUNT_INSN_SIZE 6

#endif
