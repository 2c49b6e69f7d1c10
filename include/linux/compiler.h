/* SPDX-License-Identifier: MIT */
/* Compiler attributes and access helpers (Linux: include/linux/compiler*.h). */
#ifndef _LINUX_COMPILER_H
#define _LINUX_COMPILER_H

#define __always_inline inline __attribute__((__always_inline__))
#define noinline __attribute__((__noinline__))
#define __noreturn __attribute__((__noreturn__))
#define __packed __attribute__((__packed__))
#define __aligned(x) __attribute__((__aligned__(x)))
#define __section(s) __attribute__((__section__(s)))
#define __used __attribute__((__used__))
#define __maybe_unused __attribute__((__unused__))
#define __printf(a, b) __attribute__((__format__(printf, a, b)))
#define __cold __attribute__((__cold__))
/* notrace: no fentry NOP, so ftrace can never hook this function. */
#define notrace __attribute__((__no_instrument_function__))

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define barrier() __asm__ __volatile__("" ::: "memory")

/*
 * Memory barriers between CPUs. Scion runs on one CPU, where program
 * order is all other code can observe, so these only stop the compiler;
 * they are still written (and paired in comments) where Linux has them,
 * so the code reads the same and an SMP port knows where they belong.
 */
#define smp_mb() barrier()
#define smp_rmb() barrier()
#define smp_wmb() barrier()

#define READ_ONCE(x) (*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, val) (*(volatile __typeof__(x) *)&(x) = (val))

#define __stringify_1(x) #x
#define __stringify(x) __stringify_1(x)
#define __PASTE(a, b) a##b
#define __UNIQUE(p, l) __PASTE(p, l)
#define __UNIQUE_ID(prefix) __UNIQUE(__UNIQUE_ID_##prefix, __COUNTER__)

#define static_assert(expr, ...) _Static_assert(expr, #expr)

#endif
