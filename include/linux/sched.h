/* SPDX-License-Identifier: MIT */
/* Tasks and the scheduler (kernel/sched/; Linux: include/linux/sched.h). */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/types.h>
#include <linux/list.h>
#include <asm/processor.h>	/* struct thread_struct: the arch's saved context */
#include <asm/page.h>

#define TASK_COMM_LEN 16

/* task->__state (Linux's values). */
#define TASK_RUNNING 0x0000
#define TASK_INTERRUPTIBLE 0x0001
#define TASK_UNINTERRUPTIBLE 0x0002
#define __TASK_STOPPED 0x0004
#define EXIT_DEAD 0x0010
#define EXIT_ZOMBIE 0x0020
#define TASK_DEAD 0x0080
#define TASK_NORMAL (TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)

/* task->flags (Linux's PF_* values). */
#define PF_IDLE 0x00000002
#define PF_EXITING 0x00000004
#define PF_KTHREAD 0x00200000

/*
 * Thread-info flags: work to do before returning to user mode, tested by
 * the arch entry code (Linux's TIF_* names and x86 bit numbers).
 */
#define TIF_NOTIFY_RESUME 1
#define TIF_SIGPENDING 2
#define TIF_NEED_RESCHED 3
#define TIF_NOTIFY_SIGNAL 12
#define TIF_PATCH_PENDING 13
#define BITS_PER_TIF 16
#define _TIF_NOTIFY_RESUME (1UL << TIF_NOTIFY_RESUME)
#define _TIF_SIGPENDING (1UL << TIF_SIGPENDING)
#define _TIF_NEED_RESCHED (1UL << TIF_NEED_RESCHED)
#define _TIF_NOTIFY_SIGNAL (1UL << TIF_NOTIFY_SIGNAL)
#define _TIF_PATCH_PENDING (1UL << TIF_PATCH_PENDING)

/* Livepatch per-task state (Linux: KLP_TRANSITION_*). */
#define KLP_TRANSITION_IDLE -1
#define KLP_TRANSITION_UNPATCHED 0
#define KLP_TRANSITION_PATCHED 1

/* A kernel stack allocation: the lowest page is an unmapped guard (where the arch can). */
#define THREAD_SIZE_ORDER 3
#define THREAD_SIZE (PAGE_SIZE << THREAD_SIZE_ORDER)

struct mm_struct;
struct open_file;
#define NR_OPEN 16

struct task_struct {
	/* Work flags first: entry code reaches them at offset 0 (asm-offsets). */
	unsigned long ti_flags;
	struct thread_struct thread;	/* arch: saved kernel sp and friends */
	volatile long __state;
	unsigned int flags;		/* PF_* */
	pid_t pid;
	char comm[TASK_COMM_LEN];
	int exit_code;			/* wait status: (code << 8) or signal */
	int exit_state;			/* EXIT_ZOMBIE until the parent reaps it */
	int patch_state;		/* KLP_TRANSITION_* */

	void *stack;			/* lowest address of the kernel stack */
	unsigned long stack_lo, stack_hi;	/* usable stack bounds */

	struct task_struct *parent;
	struct list_head children;
	struct list_head sibling;
	struct list_head tasks;		/* all tasks: for_each_process() */
	struct list_head run_list;	/* on the run queue */
	int on_rq;			/* queued on run_list */
	int usage;			/* references: get/put_task_struct() */
	int time_slice;			/* ticks left */
	int preempt_saved;		/* __preempt_count while switched out */
	unsigned long nvcsw, nivcsw;	/* voluntary / involuntary switches */
	u64 sum_exec_ns;		/* CPU time */
	u64 exec_start_ns;

	struct mm_struct *mm;		/* user address space, NULL for kthreads */
	struct open_file *fds[NR_OPEN];	/* a process's open files, by number */
	unsigned long sleep_deadline;	/* jiffies: a restarted nanosleep resumes, not restarts */
	unsigned long pending_signals;	/* bit n-1 = signal n */
	unsigned long blocked_signals;
	void *kthread;			/* struct kthread for kernel threads */
	void *wait_private;
};

void get_task_struct(struct task_struct *p);
void put_task_struct(struct task_struct *p);

/* The running task. Before the scheduler starts: the boot task, pid 0 ("swapper/0"). */
extern struct task_struct *current;
extern struct task_struct init_task;
extern struct list_head task_list;

#define for_each_process(p) list_for_each_entry(p, &task_list, tasks)

/* The task with this pid, or NULL. Context: caller keeps interrupts off or holds no reference beyond its use. */
struct task_struct *find_task_by_pid(pid_t pid);
/* 'R', 'S', 'D', 'T', 'Z', 'X' or 'I' (idle) as Linux's ps shows it. */
char task_state_char(const struct task_struct *p);

static inline void set_tsk_thread_flag(struct task_struct *t, int flag)
{
	__atomic_fetch_or(&t->ti_flags, 1UL << flag, __ATOMIC_SEQ_CST);
}

static inline void clear_tsk_thread_flag(struct task_struct *t, int flag)
{
	__atomic_fetch_and(&t->ti_flags, ~(1UL << flag), __ATOMIC_SEQ_CST);
}

static inline bool test_tsk_thread_flag(const struct task_struct *t, int flag)
{
	return READ_ONCE(t->ti_flags) & (1UL << flag);
}

static inline bool test_and_clear_tsk_thread_flag(struct task_struct *t, int flag)
{
	return __atomic_fetch_and(&t->ti_flags, ~(1UL << flag), __ATOMIC_SEQ_CST) & (1UL << flag);
}

#define set_thread_flag(f) set_tsk_thread_flag(current, f)
#define clear_thread_flag(f) clear_tsk_thread_flag(current, f)
#define test_thread_flag(f) test_tsk_thread_flag(current, f)

static inline bool need_resched(void) { return test_thread_flag(TIF_NEED_RESCHED); }
static inline bool signal_pending(struct task_struct *p) { return test_tsk_thread_flag(p, TIF_SIGPENDING) || test_tsk_thread_flag(p, TIF_NOTIFY_SIGNAL); }

#define set_current_state(s) WRITE_ONCE(current->__state, (s))
#define __set_current_state(s) WRITE_ONCE(current->__state, (s))

void schedule(void);
void cond_resched(void);
void yield(void);
/* Make p runnable; returns false if it already was. */
bool wake_up_process(struct task_struct *p);
bool wake_up_state(struct task_struct *p, unsigned int state);
/* Sleep for timeout ticks in the current state; returns ticks left (0 = timed out). */
long schedule_timeout(long timeout);
long schedule_timeout_interruptible(long timeout);
long schedule_timeout_uninterruptible(long timeout);
__noreturn void do_exit(long code);

/* The exit-to-user work loop (kernel/entry.c); interrupts off on return. */
struct pt_regs;
void exit_to_user_mode(struct pt_regs *regs);
/* How often the loop handled each TIF_ bit (for tests and `ps`-like tools). */
extern unsigned long exit_work_count[BITS_PER_TIF];

/* Preemption (a single CPU: one counter). */
extern int __preempt_count;
#define preempt_count() READ_ONCE(__preempt_count)
#define preempt_disable() do { __preempt_count++; barrier(); } while (0)
#define preempt_enable_no_resched() do { barrier(); __preempt_count--; } while (0)
void preempt_enable(void);
#define preempt_disable_notrace() preempt_disable()
#define preempt_enable_notrace() preempt_enable()

#endif
