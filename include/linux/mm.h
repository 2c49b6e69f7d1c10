/* SPDX-License-Identifier: MIT */
/*
 * User address spaces (kernel/usermem.c). Every user page is allocated and
 * mapped when its region is created (no demand paging, no copy-on-write):
 * simple, and it means a user pointer is valid exactly when it lies inside
 * a region with the right protection.
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/types.h>
#include <asm/mmu.h>
#include <asm/page.h>

#define PROT_READ 0x1
#define PROT_WRITE 0x2
#define PROT_EXEC 0x4

#define MM_MAX_VMAS 16

struct vm_area {
	unsigned long start, end;	/* page aligned, end exclusive */
	unsigned int prot;
};

struct mm_struct {
	struct vm_area vmas[MM_MAX_VMAS];
	int nr_vmas;
	unsigned long total_pages;
	mm_context_t context;
};

/* A new, empty address space, or ERR_PTR(-ENOMEM / the arch's error). */
struct mm_struct *mm_alloc(void);
/* Free every user page and the page tables. Must not be the active mm. */
void mm_free(struct mm_struct *mm);
/* Add a region of zeroed pages [start, start + len). */
int mm_map_anon(struct mm_struct *mm, unsigned long start, unsigned long len, unsigned int prot);
/* A copy of mm with copies of all its pages (fork). */
struct mm_struct *mm_dup(struct mm_struct *mm);
/* Copy len bytes into mm at va (any mm, not only the active one); the region must exist. */
int mm_copy_in(struct mm_struct *mm, unsigned long va, const void *src, size_t len);

/*
 * Access the current task's user memory. copy_*_user return the number of
 * bytes NOT copied (0 = success), as Linux does; nothing is copied unless
 * the whole range is valid.
 */
unsigned long copy_from_user(void *to, const void *from, unsigned long n);
unsigned long copy_to_user(void *to, const void *from, unsigned long n);
/* Copy a NUL-terminated string of at most count - 1 chars; returns its length, -EFAULT or -ENAMETOOLONG. */
long strncpy_from_user(char *dst, const char *src, long count);
bool access_ok(const void *addr, unsigned long size, unsigned int prot);

#endif
