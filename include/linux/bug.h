/* SPDX-License-Identifier: MIT */
/* WARN_ON / BUG_ON (Linux: include/asm-generic/bug.h). */
#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H

#include <linux/compiler.h>
#include <scion/panic.h>

/* An address inside the function that uses it (Linux: include/linux/instruction_pointer.h). */
#define _THIS_IP_ ({ __label__ __here; __here: (unsigned long)&&__here; })

/*
 * Prints "WARNING: CPU: 0 PID: n at file:line caller" and a backtrace;
 * taints W. caller is an address in the function with the WARN (%pS).
 */
__printf(4, 5) void __warn_printk(const char *file, int line, void *caller, const char *fmt, ...);

#define WARN(cond, fmt, ...)                                                       \
	({                                                                         \
		bool __c = !!(cond);                                               \
		if (unlikely(__c))                                                 \
			__warn_printk(__FILE__, __LINE__, (void *)_THIS_IP_,           \
				      fmt, ##__VA_ARGS__);                         \
		__c;                                                               \
	})
#define WARN_ON(cond) WARN(cond, "%s", "")
#define WARN_ONCE(cond, fmt, ...)                                                  \
	({                                                                         \
		static bool __warned;                                              \
		bool __c = !!(cond);                                               \
		if (unlikely(__c) && !__warned) {                                  \
			__warned = true;                                           \
			__warn_printk(__FILE__, __LINE__, (void *)_THIS_IP_,           \
				      fmt, ##__VA_ARGS__);                         \
		}                                                                  \
		__c;                                                               \
	})
#define WARN_ON_ONCE(cond) WARN_ONCE(cond, "%s", "")

#define BUG() panic("kernel BUG at %s:%d!", __FILE__, __LINE__)
#define BUG_ON(cond) do { if (unlikely(cond)) BUG(); } while (0)

#endif
