// SPDX-License-Identifier: MIT
/*
 * Loading static ELF executables into a new address space, and starting
 * user processes (Linux: fs/exec.c, fs/binfmt_elf.c, much simplified).
 */
#include <linux/kernel.h>
#include <linux/completion.h>
#include <linux/elf.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <scion/console.h>
#include <scion/process.h>
#include <scion/sched.h>
#include <arch.h>
#include <asm/elf.h>

#define MAX_EXEC_SIZE (4UL << 20)
#define USER_STACK_SIZE (64 * 1024)
#define MAX_ARGS 32
#define MAX_ARG_BYTES 2048

/* Check the ELF header and program headers against the file; 0 or -ENOEXEC. */
static int elf_check(const u8 *data, size_t size)
{
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)data;
	const Elf64_Phdr *ph;
	int i;

	if (size < sizeof(*eh) || memcmp(eh->e_ident, ELFMAG, SELFMAG) ||
	    eh->e_ident[EI_CLASS] != ELFCLASS64 || eh->e_ident[EI_DATA] != ELF_ARCH_DATA ||
	    eh->e_type != ET_EXEC || eh->e_machine != ELF_ARCH_MACHINE ||
	    eh->e_phentsize != sizeof(Elf64_Phdr) || eh->e_phnum == 0 || eh->e_phnum > 16 ||
	    eh->e_phoff > size || size - eh->e_phoff < (size_t)eh->e_phnum * sizeof(Elf64_Phdr))
		return -ENOEXEC;
	ph = (const Elf64_Phdr *)(data + eh->e_phoff);
	for (i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type != PT_LOAD)
			continue;
		if (ph[i].p_filesz > ph[i].p_memsz || ph[i].p_offset > size ||
		    size - ph[i].p_offset < ph[i].p_filesz || ph[i].p_vaddr < USER_BASE ||
		    ph[i].p_memsz > TASK_SIZE || ph[i].p_vaddr > TASK_SIZE - ph[i].p_memsz)
			return -ENOEXEC;
	}
	return 0;
}

static unsigned int elf_prot(u32 flags)
{
	return (flags & PF_R ? PROT_READ : 0) | (flags & PF_W ? PROT_WRITE : 0) |
	       (flags & PF_X ? PROT_EXEC : 0);
}

static int load_segments(struct mm_struct *mm, const u8 *data)
{
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)data;
	const Elf64_Phdr *ph = (const Elf64_Phdr *)(data + eh->e_phoff);
	int i, err;

	for (i = 0; i < eh->e_phnum; i++) {
		unsigned long start;

		if (ph[i].p_type != PT_LOAD || !ph[i].p_memsz)
			continue;
		start = ALIGN_DOWN(ph[i].p_vaddr, PAGE_SIZE);
		err = mm_map_anon(mm, start, ph[i].p_vaddr + ph[i].p_memsz - start,
				  elf_prot(ph[i].p_flags));
		if (err)
			return err == -EINVAL ? -ENOEXEC : err;
		err = mm_copy_in(mm, ph[i].p_vaddr, data + ph[i].p_offset, ph[i].p_filesz);
		if (err)
			return err;
	}
	return 0;
}

/*
 * The initial stack, as the Linux ABI lays it out: argc, argv[], NULL,
 * envp[] (empty), NULL, auxv (AT_NULL), then the strings above. Returns
 * the stack pointer, or 0.
 */
static unsigned long setup_stack(struct mm_struct *mm, const char *const argv[])
{
	unsigned long top = USER_STACK_TOP, sp, ptrs[MAX_ARGS + 8];
	int argc = 0, n = 0, i;

	if (mm_map_anon(mm, top - USER_STACK_SIZE, USER_STACK_SIZE, PROT_READ | PROT_WRITE))
		return 0;
	sp = top;
	for (argc = 0; argv && argv[argc] && argc < MAX_ARGS; argc++)
		;
	for (i = argc - 1; i >= 0; i--) {
		size_t len = strlen(argv[i]) + 1;

		sp -= len;
		if (mm_copy_in(mm, sp, argv[i], len))
			return 0;
		ptrs[1 + i] = sp;
	}
	sp &= ~15UL;
	ptrs[n++] = argc;
	n += argc;
	ptrs[n++] = 0;		/* end of argv */
	ptrs[n++] = 0;		/* end of envp */
	ptrs[n++] = 0;		/* AT_NULL */
	ptrs[n++] = 0;
	sp -= n * sizeof(unsigned long);
	sp &= ~15UL;
	if (mm_copy_in(mm, sp, ptrs, n * sizeof(unsigned long)))
		return 0;
	return sp;
}

static size_t argv_bytes(const char *const argv[])
{
	size_t total = 0;
	int i;

	for (i = 0; argv && argv[i]; i++)
		total += strlen(argv[i]) + 1;
	return total;
}

int exec_program(const char *path, const char *const argv[])
{
	struct mm_struct *mm, *old = current->mm;
	const char *name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	unsigned long sp;
	void *data = NULL;
	ssize_t size;
	int err;

	if (argv_bytes(argv) > MAX_ARG_BYTES)
		return -E2BIG;
	size = kernel_read_file_from_path(path, &data, MAX_EXEC_SIZE);
	if (size < 0)
		return size == -EFBIG ? -ENOEXEC : size;
	err = elf_check(data, size);
	if (err)
		goto out_free;
	mm = mm_alloc();
	if (IS_ERR(mm)) {
		err = PTR_ERR(mm);
		goto out_free;
	}
	err = load_segments(mm, data);
	sp = err ? 0 : setup_stack(mm, argv);
	if (!sp) {
		mm_free(mm);
		err = err ? err : -ENOMEM;
		goto out_free;
	}
	/* Point of no return: the new program replaces the old one. */
	current->mm = mm;
	current->flags &= ~PF_KTHREAD;
	arch_mm_activate(mm);
	mm_free(old);
	strscpy(current->comm, name, sizeof(current->comm));
	arch_start_thread(task_pt_regs(current), ((Elf64_Ehdr *)data)->e_entry, sp);
	err = 0;
out_free:
	kfree(data);
	return err;
}

struct spawn_args {
	char path[256];
	char strings[MAX_ARG_BYTES];
	const char *argv[MAX_ARGS + 1];
	int result;
	unsigned int flags;
	struct completion *loaded;
};

/* The new task's first code: become the program, then leave for user mode. */
static int spawn_entry(void *arg)
{
	struct spawn_args *a = arg;
	int err;

	err = files_init_console(current);
	if (!err)
		err = exec_program(a->path, a->argv);
	a->result = err;
	if (!err && (a->flags & SPAWN_FOREGROUND))
		console_set_foreground(current->pid);
	complete(a->loaded);
	if (err)
		do_exit(127 << 8);
	arch_return_to_user(task_pt_regs(current));
}

pid_t spawn_user_process(const char *path, const char *const argv[], unsigned int flags)
{
	DECLARE_COMPLETION(loaded);
	struct spawn_args *a = kzalloc(sizeof(*a), GFP_KERNEL);
	struct task_struct *p;
	char *s;
	pid_t pid;
	int i;

	if (!a)
		return -ENOMEM;
	if (strscpy(a->path, path, sizeof(a->path)) < 0 || argv_bytes(argv) > MAX_ARG_BYTES) {
		kfree(a);
		return -E2BIG;
	}
	s = a->strings;
	for (i = 0; argv[i] && i < MAX_ARGS; i++) {
		strcpy(s, argv[i]);
		a->argv[i] = s;
		s += strlen(s) + 1;
	}
	a->loaded = &loaded;
	a->flags = flags;
	p = create_kernel_task(spawn_entry, a, strrchr(path, '/') ? strrchr(path, '/') + 1 : path);
	if (!p) {
		kfree(a);
		return -ENOMEM;
	}
	pid = p->pid;
	wake_up_process(p);
	wait_for_completion(&loaded);
	if (a->result) {
		pid_t r = a->result;
		int status;

		kernel_wait4(pid, &status, 0, false);	/* reap the failed child */
		kfree(a);
		return r;
	}
	kfree(a);
	return pid;
}
