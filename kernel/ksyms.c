// SPDX-License-Identifier: MIT
/*
 * The kernel API that modules may link against, for code written before
 * the module loader existed. Linux puts EXPORT_SYMBOL() beside each
 * definition, as new code here does too; these older exports are listed
 * in one place instead (as Linux 2.4's kernel/ksyms.c did), so that lib/
 * stays free of kernel-only macros and each subsystem's file is left
 * untouched. Any subsystem may move its lines next to its definitions.
 */
#include <linux/kernel.h>
#include <linux/bsearch.h>
#include <linux/bug.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/export.h>
#include <linux/gfp.h>
#include <linux/kobject.h>
#include <linux/kthread.h>
#include <linux/mutex.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/spinlock.h>
#include <linux/sysfs.h>
#include <linux/timer.h>
#include <linux/wait.h>
#include <linux/workqueue.h>
#include <scion/panic.h>
#include <scion/time.h>
#include <arch.h>

/* printk and diagnostics */
EXPORT_SYMBOL(printk);
EXPORT_SYMBOL(vprintk);
EXPORT_SYMBOL(printk_debug_enabled);
EXPORT_SYMBOL(__warn_printk);
EXPORT_SYMBOL(panic);
EXPORT_SYMBOL(dump_stack);
EXPORT_SYMBOL(errno_text);
EXPORT_SYMBOL(spin_lock_bug);
EXPORT_SYMBOL_GPL(add_taint);
/* Linux: EXPORT_SYMBOL_GPL(console_printk), whose first entry console_loglevel names. */
EXPORT_SYMBOL_GPL(console_loglevel);

/* memory */
EXPORT_SYMBOL(kmalloc);
EXPORT_SYMBOL(kzalloc);
EXPORT_SYMBOL(kcalloc);
EXPORT_SYMBOL(krealloc);
EXPORT_SYMBOL(kfree);
EXPORT_SYMBOL(ksize);
EXPORT_SYMBOL(kstrdup);
EXPORT_SYMBOL(kstrndup);
EXPORT_SYMBOL(kmemdup);
EXPORT_SYMBOL(__get_free_pages);
EXPORT_SYMBOL(get_zeroed_page);
EXPORT_SYMBOL(free_pages);

/* lib/: strings, formatting, conversions, sorting */
EXPORT_SYMBOL(memcpy);
EXPORT_SYMBOL(memmove);
EXPORT_SYMBOL(memset);
EXPORT_SYMBOL(memcmp);
EXPORT_SYMBOL(memchr);
EXPORT_SYMBOL(strlen);
EXPORT_SYMBOL(strnlen);
EXPORT_SYMBOL(strcmp);
EXPORT_SYMBOL(strncmp);
EXPORT_SYMBOL(strchr);
EXPORT_SYMBOL(strrchr);
EXPORT_SYMBOL(strstr);
EXPORT_SYMBOL(strcpy);
EXPORT_SYMBOL(strncpy);
EXPORT_SYMBOL(strcat);
EXPORT_SYMBOL(strscpy);
EXPORT_SYMBOL(strsep);
EXPORT_SYMBOL(skip_spaces);
EXPORT_SYMBOL(strim);
EXPORT_SYMBOL(sysfs_streq);
EXPORT_SYMBOL(snprintf);
EXPORT_SYMBOL(vsnprintf);
EXPORT_SYMBOL(scnprintf);
EXPORT_SYMBOL(vscnprintf);
EXPORT_SYMBOL(sprintf);
EXPORT_SYMBOL(vsprintf);
EXPORT_SYMBOL(sscanf);
EXPORT_SYMBOL(kstrtoint);
EXPORT_SYMBOL(kstrtouint);
EXPORT_SYMBOL(kstrtol);
EXPORT_SYMBOL(kstrtoul);
EXPORT_SYMBOL(kstrtoll);
EXPORT_SYMBOL(kstrtoull);
EXPORT_SYMBOL(kstrtou8);
EXPORT_SYMBOL(kstrtobool);
EXPORT_SYMBOL(simple_strtoul);
EXPORT_SYMBOL(sort);
EXPORT_SYMBOL(bsearch);

/* tasks, sleeping, time */
EXPORT_SYMBOL(current);
EXPORT_SYMBOL(jiffies);
EXPORT_SYMBOL(arch_clock_ns);
EXPORT_SYMBOL(msleep);
EXPORT_SYMBOL(schedule);
EXPORT_SYMBOL(schedule_timeout);
EXPORT_SYMBOL(preempt_enable);
EXPORT_SYMBOL(wake_up_process);
EXPORT_SYMBOL(__wake_up);
EXPORT_SYMBOL(init_waitqueue_head);
EXPORT_SYMBOL(prepare_to_wait);
EXPORT_SYMBOL(finish_wait);
EXPORT_SYMBOL(complete);
EXPORT_SYMBOL(complete_all);
EXPORT_SYMBOL(wait_for_completion);
EXPORT_SYMBOL(wait_for_completion_timeout);
EXPORT_SYMBOL(mutex_lock);
EXPORT_SYMBOL(mutex_trylock);
EXPORT_SYMBOL(mutex_unlock);
EXPORT_SYMBOL(kthread_create);
EXPORT_SYMBOL(kthread_stop);
EXPORT_SYMBOL(kthread_should_stop);
EXPORT_SYMBOL(schedule_work);
EXPORT_SYMBOL(flush_work);
EXPORT_SYMBOL(cancel_work_sync);
EXPORT_SYMBOL(schedule_delayed_work);
EXPORT_SYMBOL(delayed_work_timer_fn);	/* DECLARE_DELAYED_WORK() names it */
EXPORT_SYMBOL(cancel_delayed_work_sync);
EXPORT_SYMBOL(flush_delayed_work);
EXPORT_SYMBOL(timer_setup);
EXPORT_SYMBOL(add_timer);
EXPORT_SYMBOL(mod_timer);
EXPORT_SYMBOL(del_timer);
EXPORT_SYMBOL_GPL(set_notify_signal);

/* procfs, seq_file, sysfs, kobjects */
EXPORT_SYMBOL(proc_create_single_data);
EXPORT_SYMBOL(proc_create_seq_data);
EXPORT_SYMBOL(proc_create_data);
EXPORT_SYMBOL(proc_mkdir);
EXPORT_SYMBOL(remove_proc_entry);
EXPORT_SYMBOL(proc_remove);
EXPORT_SYMBOL(seq_printf);
EXPORT_SYMBOL(seq_puts);
EXPORT_SYMBOL(seq_putc);
EXPORT_SYMBOL(seq_write);
EXPORT_SYMBOL(seq_read);
EXPORT_SYMBOL(seq_lseek);
EXPORT_SYMBOL(seq_release);
EXPORT_SYMBOL(single_open);
EXPORT_SYMBOL(single_release);
EXPORT_SYMBOL(kernel_kobj);
EXPORT_SYMBOL(kobj_sysfs_ops);
EXPORT_SYMBOL(kobject_create_and_add);
EXPORT_SYMBOL(kobject_init_and_add);
EXPORT_SYMBOL(kobject_get);
EXPORT_SYMBOL(kobject_put);
EXPORT_SYMBOL(kobject_del);
EXPORT_SYMBOL_GPL(sysfs_create_file);
EXPORT_SYMBOL_GPL(sysfs_remove_file);
EXPORT_SYMBOL_GPL(sysfs_create_group);
EXPORT_SYMBOL_GPL(sysfs_remove_group);
EXPORT_SYMBOL_GPL(sysfs_emit);
EXPORT_SYMBOL_GPL(sysfs_emit_at);
