// SPDX-License-Identifier: MIT
/* ktest suites for the foundation: printk's log, pages, kmalloc, boot options, the shell parser. */
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <scion/init.h>
#include <scion/ktest.h>
#include <scion/printk.h>
#include <scion/shell.h>
#include <arch.h>

static char readbuf[8192];

/* The text of the records from seq on, as dmesg would print them. */
static size_t read_from(u64 seq)
{
	size_t n = log_read(&seq, readbuf, sizeof(readbuf) - 1, LOGLEVEL_DEBUG);

	readbuf[n] = 0;
	return n;
}

static void test_printk_records(struct ktest *t)
{
	u64 seq = log_seq_next();

	printk(KERN_DEBUG "ktest: record one\n");
	printk(KERN_DEBUG "ktest: record %s\n", "two");
	KTEST_EXPECT_EQ(t, log_seq_next(), seq + 2);
	read_from(seq);
	KTEST_EXPECT_TRUE(t, strstr(readbuf, "] ktest: record one\n") != NULL);
	KTEST_EXPECT_TRUE(t, strstr(readbuf, "] ktest: record two\n") != NULL);
	KTEST_EXPECT_TRUE(t, strstr(readbuf, "one") < strstr(readbuf, "two"));
}

static void test_printk_cont(struct ktest *t)
{
	u64 seq = log_seq_next();

	printk(KERN_DEBUG "ktest: cont ");
	pr_cont("joined %d", 42);
	pr_cont("\n");
	KTEST_EXPECT_EQ(t, log_seq_next(), seq + 1);
	read_from(seq);
	KTEST_EXPECT_TRUE(t, strstr(readbuf, "ktest: cont joined 42\n") != NULL);
}

/* Far more text than the ring holds: the oldest records go, the newest stay in order. */
static void test_printk_wrap(struct ktest *t)
{
	u64 seq = log_seq_next(), last = 0, got;
	int i;

	for (i = 0; i < 3000; i++)
		printk(KERN_DEBUG "ktest: wrap %04d %s\n", i,
		       "0123456789012345678901234567890123456789012345678901234567890123456789");
	KTEST_EXPECT_EQ(t, log_seq_next(), seq + 3000);
	/* Reading from the start gets only what survived: a later first record. */
	got = seq;
	log_read(&got, readbuf, 200, LOGLEVEL_DEBUG);
	KTEST_EXPECT_TRUE(t, got > seq + 1);
	/* The newest record is intact. */
	last = log_seq_next() - 1;
	read_from(last);
	KTEST_EXPECT_TRUE(t, strstr(readbuf, "ktest: wrap 2999 0123") != NULL);
	/* Consecutive records read back in order. */
	read_from(last - 2);
	KTEST_EXPECT_TRUE(t, strstr(readbuf, "wrap 2997") && strstr(readbuf, "wrap 2998") &&
			  strstr(readbuf, "wrap 2997") < strstr(readbuf, "wrap 2998"));
}

static const struct ktest_case printk_cases[] = {
	KTEST_CASE(test_printk_records),
	KTEST_CASE(test_printk_cont),
	KTEST_CASE(test_printk_wrap),
	{}
};
KTEST_SUITE(printk_log, printk_cases);

static void test_pages_aligned(struct ktest *t)
{
	unsigned long before = nr_free_pages(), p[5];
	unsigned int order;

	for (order = 0; order < 5; order++) {
		p[order] = __get_free_pages(GFP_KERNEL, order);
		KTEST_ASSERT_TRUE(t, p[order] != 0);
		KTEST_EXPECT_EQ(t, p[order] & ((PAGE_SIZE << order) - 1), 0);
		memset((void *)p[order], 0xa5, PAGE_SIZE << order);
	}
	KTEST_EXPECT_EQ(t, nr_free_pages(), before - 31);
	for (order = 0; order < 5; order++)
		free_pages(p[order], order);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);
}

static void test_pages_distinct(struct ktest *t)
{
	unsigned long p[64];
	int i, j;

	for (i = 0; i < 64; i++) {
		p[i] = get_zeroed_page(GFP_KERNEL);
		KTEST_ASSERT_TRUE(t, p[i] != 0);
		KTEST_EXPECT_EQ(t, *(unsigned long *)p[i], 0);
		*(unsigned long *)p[i] = i;
	}
	for (i = 0; i < 64; i++)
		for (j = i + 1; j < 64; j++)
			KTEST_EXPECT_NE(t, p[i], p[j]);
	for (i = 0; i < 64; i++) {
		KTEST_EXPECT_EQ(t, *(unsigned long *)p[i], i);
		free_page(p[i]);
	}
}

static const struct ktest_case page_cases[] = {
	KTEST_CASE(test_pages_aligned),
	KTEST_CASE(test_pages_distinct),
	{}
};
KTEST_SUITE(mm_page_alloc, page_cases);

static void test_kmalloc_sizes(struct ktest *t)
{
	static const size_t sizes[] = { 1, 8, 16, 17, 100, 1000, 2032, 2033, 4096, 10000, 100000 };
	void *p[ARRAY_SIZE(sizes)];
	unsigned long before = nr_free_pages();
	size_t i;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		p[i] = kmalloc(sizes[i], GFP_KERNEL);
		KTEST_ASSERT_TRUE(t, p[i] != NULL);
		KTEST_EXPECT_TRUE(t, ksize(p[i]) >= sizes[i]);
		KTEST_EXPECT_EQ(t, (unsigned long)p[i] & 15, 0);
		memset(p[i], (int)i, sizes[i]);
	}
	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		KTEST_EXPECT_EQ(t, ((u8 *)p[i])[sizes[i] - 1], i);
		kfree(p[i]);
	}
	/* Large blocks went back; small classes may keep their pages. */
	KTEST_EXPECT_TRUE(t, nr_free_pages() + 8 >= before);
}

static void test_kmalloc_reuse(struct ktest *t)
{
	void *a = kmalloc(40, GFP_KERNEL), *b;

	KTEST_ASSERT_TRUE(t, a != NULL);
	kfree(a);
	b = kmalloc(40, GFP_KERNEL);
	KTEST_EXPECT_TRUE(t, a == b);	/* LIFO free list */
	kfree(b);
}

static void test_kzalloc_krealloc(struct ktest *t)
{
	u8 *p = kmalloc(64, GFP_KERNEL);
	char *s;
	int i;

	KTEST_ASSERT_TRUE(t, p != NULL);
	memset(p, 0xff, 64);
	kfree(p);
	p = kzalloc(64, GFP_KERNEL);
	for (i = 0; i < 64; i++)
		KTEST_EXPECT_EQ(t, p[i], 0);
	p[0] = 7;
	p = krealloc(p, 5000, GFP_KERNEL);
	KTEST_ASSERT_TRUE(t, p != NULL);
	KTEST_EXPECT_EQ(t, p[0], 7);
	kfree(p);
	s = kstrdup("livepatch", GFP_KERNEL);
	KTEST_EXPECT_STREQ(t, s, "livepatch");
	kfree(s);
	KTEST_EXPECT_TRUE(t, kcalloc((size_t)-1 / 2, 4, GFP_KERNEL) == NULL);
}

static const struct ktest_case slab_cases[] = {
	KTEST_CASE(test_kmalloc_sizes),
	KTEST_CASE(test_kmalloc_reuse),
	KTEST_CASE(test_kzalloc_krealloc),
	{}
};
KTEST_SUITE(mm_kmalloc, slab_cases);

static void test_cmdline_find(struct ktest *t)
{
	const char *cmd = "console=ttyS0 ktest quiet=1 msg=\"a b c\" loglevel=8";
	char buf[32];

	KTEST_EXPECT_TRUE(t, cmdline_find(cmd, "console", buf, sizeof(buf)));
	KTEST_EXPECT_STREQ(t, buf, "ttyS0");
	KTEST_EXPECT_TRUE(t, cmdline_find(cmd, "ktest", buf, sizeof(buf)));
	KTEST_EXPECT_STREQ(t, buf, "");
	KTEST_EXPECT_TRUE(t, cmdline_find(cmd, "msg", buf, sizeof(buf)));
	KTEST_EXPECT_STREQ(t, buf, "a b c");
	KTEST_EXPECT_TRUE(t, cmdline_find(cmd, "loglevel", buf, sizeof(buf)));
	KTEST_EXPECT_STREQ(t, buf, "8");
	KTEST_EXPECT_FALSE(t, cmdline_find(cmd, "log", buf, sizeof(buf)));
	KTEST_EXPECT_FALSE(t, cmdline_find("", "x", buf, sizeof(buf)));
}

static void test_shell_split(struct ktest *t)
{
	char line[] = "  echo 'a b'  \"c\"d\te ";
	char many[] = "1 2 3 4";
	char *argv[8];

	KTEST_EXPECT_EQ(t, shell_split(line, argv, 8), 4);
	KTEST_EXPECT_STREQ(t, argv[0], "echo");
	KTEST_EXPECT_STREQ(t, argv[1], "a b");
	KTEST_EXPECT_STREQ(t, argv[2], "cd");
	KTEST_EXPECT_STREQ(t, argv[3], "e");
	KTEST_EXPECT_EQ(t, shell_split(many, argv, 3), -E2BIG);
	KTEST_EXPECT_TRUE(t, shell_find("help") != NULL);
	KTEST_EXPECT_TRUE(t, shell_find("no-such-command") == NULL);
}

static const struct ktest_case shell_cases[] = {
	KTEST_CASE(test_cmdline_find),
	KTEST_CASE(test_shell_split),
	{}
};
KTEST_SUITE(kernel_params_shell, shell_cases);
