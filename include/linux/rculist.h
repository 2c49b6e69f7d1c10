/* SPDX-License-Identifier: MIT */
/*
 * Lists read without locks (Linux: include/linux/rculist.h). Readers here
 * run with preemption off on the only CPU, so a writer in another task
 * can never interleave with them: publishing a node with WRITE_ONCE (as
 * list_add does) is enough, and a removed node stays intact until the
 * writer has waited for readers (livepatch: klp_synchronize_transition()).
 */
#ifndef _LINUX_RCULIST_H
#define _LINUX_RCULIST_H

#include <linux/list.h>

#define list_add_rcu(new, head) list_add(new, head)
#define list_add_tail_rcu(new, head) list_add_tail(new, head)

/* Unlink without poisoning: a reader standing on entry can still step on. */
static inline void list_del_rcu(struct list_head *entry)
{
	entry->next->prev = entry->prev;
	WRITE_ONCE(entry->prev->next, entry->next);
}

#define list_entry_rcu(ptr, type, member) list_entry(READ_ONCE(ptr), type, member)
#define list_first_or_null_rcu(head, type, member) list_first_entry_or_null(head, type, member)

#endif
