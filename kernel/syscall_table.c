// SPDX-License-Identifier: MIT
/* The system call table: the arch's numbers (asm/unistd.h) to the SYSCALL_DEFINE functions. */
#include <linux/kernel.h>
#include <linux/syscalls.h>
#include <asm/unistd.h>

#define __SYSCALL(name) long __SYSCALL_NAME(name)(const struct pt_regs *);
#include <scion/syscall_list.h>
#undef __SYSCALL

#define __SYSCALL(name) [__NR_##name] = __SYSCALL_NAME(name),
const syscall_fn_t sys_call_table[NR_SYSCALLS] = {
#include <scion/syscall_list.h>
};
#undef __SYSCALL

const unsigned int nr_syscalls = NR_SYSCALLS;
