// SPDX-License-Identifier: MIT
/*
 * kmalloc: power-of-two size classes carved from pages, whole pages above
 * that (Linux: mm/slub.c, much simplified). Every block carries a small
 * header naming its class, so kfree() needs no size and catches double
 * frees and stray pointers.
 */
#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <arch.h>

#define KMALLOC_MAGIC 0x6b6d616cu	/* "kmal" */
#define KFREE_MAGIC 0x6b667265u		/* "kfre" */
#define MIN_SHIFT 5			/* 32-byte blocks */
#define MAX_SHIFT 11			/* 2 KiB blocks; larger requests get pages */
#define NR_CLASSES (MAX_SHIFT - MIN_SHIFT + 1)

struct kmalloc_header {
	u32 magic;
	u16 shift;		/* block is 1 << shift bytes, or pages of that order */
	u16 large;		/* 1: whole pages, shift is the order */
	u64 size;		/* bytes the caller asked for */
};

/* A free block: its header keeps KFREE_MAGIC, the list link sits in `size`. */
struct free_block {
	struct kmalloc_header_words {
		u32 magic;
		u16 shift;
		u16 large;
	} hdr;
	struct free_block *next;
};

static struct free_block *free_lists[NR_CLASSES];
static DEFINE_SPINLOCK(slab_lock);

static_assert(sizeof(struct kmalloc_header) == 16);
static_assert(sizeof(struct free_block) == sizeof(struct kmalloc_header));

static int size_shift(size_t total)
{
	int shift = MIN_SHIFT;

	while ((1UL << shift) < total)
		shift++;
	return shift;
}

/* Cut a fresh page into blocks of class c. Caller holds slab_lock. */
static bool refill(int c)
{
	unsigned long page = __get_free_page(GFP_ATOMIC);
	size_t block = 1UL << (c + MIN_SHIFT), off;

	if (!page)
		return false;
	for (off = 0; off + block <= PAGE_SIZE; off += block) {
		struct free_block *b = (struct free_block *)(page + off);

		b->hdr.magic = KFREE_MAGIC;
		b->hdr.shift = c + MIN_SHIFT;
		b->hdr.large = 0;
		b->next = free_lists[c];
		free_lists[c] = b;
	}
	return true;
}

void *kmalloc(size_t size, gfp_t flags)
{
	size_t total = size + sizeof(struct kmalloc_header);
	struct kmalloc_header *h;
	unsigned long irq;
	int shift;

	if (size > (64UL << 20))
		return NULL;
	shift = size_shift(total);
	if (shift > MAX_SHIFT) {
		unsigned int order = 0;

		while ((PAGE_SIZE << order) < total)
			order++;
		h = (void *)__get_free_pages(flags, order);
		if (!h)
			return NULL;
		*h = (struct kmalloc_header){ KMALLOC_MAGIC, order, 1, size };
	} else {
		int c = shift - MIN_SHIFT;

		spin_lock_irqsave(&slab_lock, irq);
		if (!free_lists[c] && !refill(c)) {
			spin_unlock_irqrestore(&slab_lock, irq);
			return NULL;
		}
		h = (struct kmalloc_header *)free_lists[c];
		free_lists[c] = free_lists[c]->next;
		spin_unlock_irqrestore(&slab_lock, irq);
		*h = (struct kmalloc_header){ KMALLOC_MAGIC, shift, 0, size };
	}
	if (flags & __GFP_ZERO)
		memset(h + 1, 0, size);
	return h + 1;
}

static struct kmalloc_header *header_of(const void *p)
{
	struct kmalloc_header *h = (struct kmalloc_header *)p - 1;

	if (h->magic == KFREE_MAGIC) {
		WARN(1, "kfree: double free of %p\n", p);
		return NULL;
	}
	if (WARN(h->magic != KMALLOC_MAGIC, "kfree: %p was not allocated by kmalloc\n", p))
		return NULL;
	return h;
}

void kfree(const void *p)
{
	struct kmalloc_header *h;
	unsigned long irq;

	if (!p)
		return;
	h = header_of(p);
	if (!h)
		return;
	h->magic = KFREE_MAGIC;
	if (h->large) {
		free_pages((unsigned long)h, h->shift);
		return;
	}
	spin_lock_irqsave(&slab_lock, irq);
	((struct free_block *)h)->next = free_lists[h->shift - MIN_SHIFT];
	free_lists[h->shift - MIN_SHIFT] = (struct free_block *)h;
	spin_unlock_irqrestore(&slab_lock, irq);
}

size_t ksize(const void *p)
{
	struct kmalloc_header *h = p ? header_of(p) : NULL;

	if (!h)
		return 0;
	if (h->large)
		return (PAGE_SIZE << h->shift) - sizeof(*h);
	return (1UL << h->shift) - sizeof(*h);
}

void *kzalloc(size_t size, gfp_t flags)
{
	return kmalloc(size, flags | __GFP_ZERO);
}

void *kcalloc(size_t n, size_t size, gfp_t flags)
{
	if (size && n > (size_t)-1 / size)
		return NULL;
	return kzalloc(n * size, flags);
}

void *krealloc(const void *p, size_t new_size, gfp_t flags)
{
	void *q;

	if (!p)
		return kmalloc(new_size, flags);
	if (new_size <= ksize(p))
		return (void *)p;
	q = kmalloc(new_size, flags);
	if (!q)
		return NULL;
	memcpy(q, p, ksize(p));
	kfree(p);
	return q;
}

void *kmemdup(const void *src, size_t len, gfp_t gfp)
{
	void *p = kmalloc(len, gfp);

	if (p)
		memcpy(p, src, len);
	return p;
}

char *kstrndup(const char *s, size_t max, gfp_t gfp)
{
	size_t len;
	char *p;

	if (!s)
		return NULL;
	len = strnlen(s, max);
	p = kmalloc(len + 1, gfp);
	if (p) {
		memcpy(p, s, len);
		p[len] = 0;
	}
	return p;
}

char *kstrdup(const char *s, gfp_t gfp)
{
	return s ? kstrndup(s, strlen(s), gfp) : NULL;
}
