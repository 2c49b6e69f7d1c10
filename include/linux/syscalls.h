/* SPDX-License-Identifier: MIT */
/*
 * SYSCALL_DEFINEn: each system call is one function named as Linux names
 * it on the arch (__x64_sys_getpid, __s390x_sys_getpid) taking the saved
 * user registers, so livepatches can target those names. The arch gives
 * the prefix and where argument n lives (asm/syscall.h).
 */
#ifndef _LINUX_SYSCALLS_H
#define _LINUX_SYSCALLS_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <asm/syscall.h>	/* __ARCH_SYS_PREFIX, SYSCALL_ARG(regs, n) */

struct pt_regs;
typedef long (*syscall_fn_t)(const struct pt_regs *regs);

#define __SC_PASTE2(a, b) a##b
#define __SC_PASTE(a, b) __SC_PASTE2(a, b)
#define __SYSCALL_NAME(name) __SC_PASTE(__ARCH_SYS_PREFIX, name)

#define SYSCALL_DEFINE0(name)                                                   \
	long __SYSCALL_NAME(name)(const struct pt_regs *regs);                  \
	long __SYSCALL_NAME(name)(const struct pt_regs *regs __maybe_unused)

#define __SC_ARG(regs, n, t) ((t)(unsigned long)SYSCALL_ARG(regs, n))

#define SYSCALL_DEFINE1(name, t1, a1)                                           \
	static long __do_sys_##name(t1 a1);                                     \
	long __SYSCALL_NAME(name)(const struct pt_regs *regs);                  \
	long __SYSCALL_NAME(name)(const struct pt_regs *regs)                   \
	{                                                                       \
		return __do_sys_##name(__SC_ARG(regs, 0, t1));                  \
	}                                                                       \
	static long __do_sys_##name(t1 a1)

#define SYSCALL_DEFINE2(name, t1, a1, t2, a2)                                   \
	static long __do_sys_##name(t1 a1, t2 a2);                              \
	long __SYSCALL_NAME(name)(const struct pt_regs *regs);                  \
	long __SYSCALL_NAME(name)(const struct pt_regs *regs)                   \
	{                                                                       \
		return __do_sys_##name(__SC_ARG(regs, 0, t1), __SC_ARG(regs, 1, t2)); \
	}                                                                       \
	static long __do_sys_##name(t1 a1, t2 a2)

#define SYSCALL_DEFINE3(name, t1, a1, t2, a2, t3, a3)                           \
	static long __do_sys_##name(t1 a1, t2 a2, t3 a3);                       \
	long __SYSCALL_NAME(name)(const struct pt_regs *regs);                  \
	long __SYSCALL_NAME(name)(const struct pt_regs *regs)                   \
	{                                                                       \
		return __do_sys_##name(__SC_ARG(regs, 0, t1), __SC_ARG(regs, 1, t2), \
				       __SC_ARG(regs, 2, t3));                  \
	}                                                                       \
	static long __do_sys_##name(t1 a1, t2 a2, t3 a3)

#define SYSCALL_DEFINE4(name, t1, a1, t2, a2, t3, a3, t4, a4)                   \
	static long __do_sys_##name(t1 a1, t2 a2, t3 a3, t4 a4);                \
	long __SYSCALL_NAME(name)(const struct pt_regs *regs);                  \
	long __SYSCALL_NAME(name)(const struct pt_regs *regs)                   \
	{                                                                       \
		return __do_sys_##name(__SC_ARG(regs, 0, t1), __SC_ARG(regs, 1, t2), \
				       __SC_ARG(regs, 2, t3), __SC_ARG(regs, 3, t4)); \
	}                                                                       \
	static long __do_sys_##name(t1 a1, t2 a2, t3 a3, t4 a4)

/* The system call table, indexed by the arch's syscall numbers (kernel/syscall_table.c). */
extern const syscall_fn_t sys_call_table[];
extern const unsigned int nr_syscalls;

/* Run the system call regs asks for and store its result (kernel/entry.c). */
void do_syscall(struct pt_regs *regs, unsigned long nr);

#endif
