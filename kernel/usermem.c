// SPDX-License-Identifier: MIT
/* User address spaces and checked access to user memory (Linux: mm/mmap.c, lib/usercopy.c, much simplified). */
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <arch.h>
#include <asm/elf.h>

struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kzalloc(sizeof(*mm), GFP_KERNEL);
	int err;

	if (!mm)
		return ERR_PTR(-ENOMEM);
	err = arch_mm_init_context(mm);
	if (err) {
		kfree(mm);
		return ERR_PTR(err);
	}
	return mm;
}

void mm_free(struct mm_struct *mm)
{
	unsigned long va, pa;
	int i;

	if (!mm)
		return;
	for (i = 0; i < mm->nr_vmas; i++)
		for (va = mm->vmas[i].start; va < mm->vmas[i].end; va += PAGE_SIZE) {
			pa = arch_mm_lookup(mm, va);
			if (pa)
				free_page((unsigned long)__va(pa));
		}
	arch_mm_destroy_context(mm);
	kfree(mm);
}

static bool overlaps(const struct mm_struct *mm, unsigned long start, unsigned long end)
{
	int i;

	for (i = 0; i < mm->nr_vmas; i++)
		if (start < mm->vmas[i].end && end > mm->vmas[i].start)
			return true;
	return false;
}

int mm_map_anon(struct mm_struct *mm, unsigned long start, unsigned long len, unsigned int prot)
{
	unsigned long end = ALIGN(start + len, PAGE_SIZE), va;
	struct vm_area *vma;

	start = ALIGN_DOWN(start, PAGE_SIZE);
	if (start < USER_BASE || end > TASK_SIZE || end <= start)
		return -EINVAL;
	if (overlaps(mm, start, end) || mm->nr_vmas == MM_MAX_VMAS)
		return -ENOMEM;
	vma = &mm->vmas[mm->nr_vmas++];
	*vma = (struct vm_area){ start, start, prot };
	for (va = start; va < end; va += PAGE_SIZE) {
		unsigned long page = get_zeroed_page(GFP_KERNEL);

		if (!page)
			return -ENOMEM;	/* the caller frees the mm, pages so far included */
		if (arch_mm_map_page(mm, va, __pa(page), prot)) {
			free_page(page);
			return -ENOMEM;
		}
		vma->end = va + PAGE_SIZE;
		mm->total_pages++;
	}
	return 0;
}

int mm_copy_in(struct mm_struct *mm, unsigned long va, const void *src, size_t len)
{
	const u8 *s = src;

	while (len) {
		unsigned long pa = arch_mm_lookup(mm, va);
		size_t chunk = min_t(size_t, len, PAGE_SIZE - (va & (PAGE_SIZE - 1)));

		if (!pa)
			return -EFAULT;
		memcpy((u8 *)__va(pa) + (va & (PAGE_SIZE - 1)), s, chunk);
		va += chunk;
		s += chunk;
		len -= chunk;
	}
	return 0;
}

struct mm_struct *mm_dup(struct mm_struct *old)
{
	struct mm_struct *mm = mm_alloc();
	unsigned long va;
	int i;

	if (IS_ERR(mm))
		return NULL;
	for (i = 0; i < old->nr_vmas; i++) {
		struct vm_area *v = &old->vmas[i];

		if (mm_map_anon(mm, v->start, v->end - v->start, v->prot))
			goto fail;
		for (va = v->start; va < v->end; va += PAGE_SIZE)
			memcpy(__va(arch_mm_lookup(mm, va)), __va(arch_mm_lookup(old, va)), PAGE_SIZE);
	}
	return mm;
fail:
	mm_free(mm);
	return NULL;
}

/* Is [addr, addr + size) inside the current task's regions, all with prot? */
bool access_ok(const void *addr, unsigned long size, unsigned int prot)
{
	struct mm_struct *mm = current->mm;
	unsigned long a = (unsigned long)addr, end = a + size;
	int i;

	if (!mm || end < a || end > TASK_SIZE)
		return false;
	while (a < end) {
		for (i = 0; i < mm->nr_vmas; i++)
			if (a >= mm->vmas[i].start && a < mm->vmas[i].end)
				break;
		if (i == mm->nr_vmas || (mm->vmas[i].prot & prot) != prot)
			return false;
		a = mm->vmas[i].end;
	}
	return true;
}

/*
 * The active page table is current's, so valid user addresses can be
 * dereferenced directly once checked: regions never shrink while their
 * task runs (only exec and exit replace them, from the task itself).
 */
unsigned long copy_from_user(void *to, const void *from, unsigned long n)
{
	if (!access_ok(from, n, PROT_READ))
		return n;
	memcpy(to, from, n);
	return 0;
}

unsigned long copy_to_user(void *to, const void *from, unsigned long n)
{
	if (!access_ok(to, n, PROT_WRITE))
		return n;
	memcpy(to, from, n);
	return 0;
}

long strncpy_from_user(char *dst, const char *src, long count)
{
	long i;

	for (i = 0; i < count; i++) {
		if (!access_ok(src + i, 1, PROT_READ))
			return -EFAULT;
		dst[i] = src[i];
		if (!dst[i])
			return i;
	}
	return -ENAMETOOLONG;
}
