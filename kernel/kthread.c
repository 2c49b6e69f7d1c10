// SPDX-License-Identifier: MIT
/* Kernel threads: create, run, ask to stop (Linux: kernel/kthread.c). */
#include <linux/kernel.h>
#include <linux/completion.h>
#include <linux/kthread.h>
#include <linux/slab.h>
#include <scion/sched.h>

struct kthread {
	int (*threadfn)(void *);
	void *data;
	bool should_stop;
	int result;
	struct completion exited;
};

static struct kthread *to_kthread(struct task_struct *p)
{
	return p->kthread;
}

static int kthread_main(void *arg)
{
	struct kthread *kt = arg;

	return kt->threadfn(kt->data);
}

struct task_struct *kthread_create(int (*threadfn)(void *data), void *data, const char *namefmt, ...)
{
	struct kthread *kt = kzalloc(sizeof(*kt), GFP_KERNEL);
	struct task_struct *p;
	char name[TASK_COMM_LEN];
	va_list args;

	if (!kt)
		return ERR_PTR(-ENOMEM);
	va_start(args, namefmt);
	vscnprintf(name, sizeof(name), namefmt, args);
	va_end(args);
	kt->threadfn = threadfn;
	kt->data = data;
	init_completion(&kt->exited);
	p = create_kernel_task(kthread_main, kt, name);
	if (!p) {
		kfree(kt);
		return ERR_PTR(-ENOMEM);
	}
	p->kthread = kt;
	/*
	 * Kernel threads are children of pid 0 (Linux: of kthreadd), so that
	 * a process's wait4 never waits for them.
	 */
	sched_set_parent(p, &init_task);
	return p;
}

bool kthread_should_stop(void)
{
	struct kthread *kt = to_kthread(current);

	return kt && READ_ONCE(kt->should_stop);
}

void *kthread_func(struct task_struct *k)
{
	struct kthread *kt = to_kthread(k);

	return kt ? (void *)kt->threadfn : NULL;
}

/* do_exit() of a kernel thread: publish the result, release kthread_stop(). */
void kthread_exit_notify(struct task_struct *p, long code)
{
	struct kthread *kt = to_kthread(p);

	kt->result = code;
	complete_all(&kt->exited);
}

int kthread_stop(struct task_struct *k)
{
	struct kthread *kt = to_kthread(k);
	int ret;

	get_task_struct(k);
	WRITE_ONCE(kt->should_stop, true);
	wake_up_process(k);
	wait_for_completion(&kt->exited);
	ret = kt->result;
	put_task_struct(k);
	return ret;
}
