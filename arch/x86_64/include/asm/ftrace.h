/* SPDX-License-Identifier: MIT */
/* x86_64 fentry sites (Linux: arch/x86/include/asm/ftrace.h). */
#ifndef _ASM_X86_FTRACE_H
#define _ASM_X86_FTRACE_H

/*
 * gcc -mfentry -mnop-mcount starts every traceable function with a 5-byte
 * NOP, "nopl 0x0(%rax,%rax,1)" (0f 1f 44 00 00; Intel SDM Vol. 2B, NOP,
 * the recommended 5-byte form). Enabled, the site is "call rel32" (e8 and
 * the displacement from the end of the call) to ftrace_regs_caller.
 */
#define MCOUNT_INSN_SIZE 5

#endif
