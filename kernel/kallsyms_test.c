// SPDX-License-Identifier: MIT
/*
 * ktest suites for kallsyms: every function round-trips through both
 * lookups, sympos picks the right duplicate static, %pS/%ps/%pB, module
 * symbols through a fake module, and /proc/kallsyms read in any pieces.
 */
#include <linux/kernel.h>
#include <linux/kallsyms.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <scion/ktest.h>
#include "kallsyms_internal.h"

/* kallsyms_test_dup.c: the other static kallsyms_test_dup(). */
unsigned long kallsyms_test_dup_address(void);
extern const char _text[], _etext[];
void start_kernel(void);

/* Stop a loop over every symbol after a few failures: one bug, not a thousand lines. */
#define MAX_REPORTED 5

static noinline int kallsyms_test_dup(void)
{
	barrier();
	return 1;
}

/* Long enough for an offset of 4 and more; its size comes from the table. */
static noinline int kallsyms_test_target(int x)
{
	barrier();
	return x * 3 + 1;
}

static const char kallsyms_test_rodata[32] = "kallsyms test read-only data";
int kallsyms_test_data = 1;
static int kallsyms_test_bss;

/* ---- every function symbol, both ways ---- */

struct round_trip {
	struct ktest *t;
	unsigned long addr;		/* of the current alias group */
	const char *cover;		/* its first symbol with a size: what lookups name */
	unsigned long cover_size;
	unsigned long functions;	/* symbols checked */
	unsigned long prev_addr;	/* sorted order */
};

/* name -> address: this symbol is one of the `count` so named, at its sympos. */
static void check_by_name(struct ktest *t, const char *name, unsigned long addr)
{
	unsigned long a, count, pos, prev = 0;
	bool found = false;
	int err = kallsyms_find_symbol(NULL, name, 0, &a, &count);

	if (count == 1) {
		KTEST_EXPECT_EQ(t, err, 0);
		KTEST_EXPECT_EQ(t, a, addr);
		KTEST_EXPECT_EQ(t, kallsyms_lookup_name(name), addr);
		return;
	}
	KTEST_EXPECT_EQ(t, err, -EINVAL);
	KTEST_EXPECT_TRUE(t, count > 1);
	for (pos = 1; pos <= count; pos++) {
		KTEST_EXPECT_EQ(t, kallsyms_find_symbol(NULL, name, pos, &a, NULL), 0);
		KTEST_EXPECT_TRUE(t, a >= prev);	/* sympos counts in address order */
		found |= a == addr;
		prev = a;
	}
	if (!found)
		ktest_fail(t, __FILE__, __LINE__, "'%s' at %lx: no sympos finds it", name, addr);
}

/* address -> name: addr and the symbol's last byte name the group's cover. */
static void check_by_address(struct round_trip *rt, const char *name, unsigned long addr,
			     unsigned long size)
{
	struct ktest *t = rt->t;
	unsigned long got_size = 0, offset = 1;
	char namebuf[KSYM_NAME_LEN];
	char *modname = (char *)"x";
	const char *got;

	got = kallsyms_lookup(addr, &got_size, &offset, &modname, namebuf);
	KTEST_ASSERT_TRUE(t, got != NULL);
	KTEST_EXPECT_STREQ(t, got, rt->cover);
	KTEST_EXPECT_EQ(t, got_size, rt->cover_size);
	KTEST_EXPECT_EQ(t, offset, 0);
	KTEST_EXPECT_TRUE(t, modname == NULL);
	if (rt->cover != name)
		return;
	got = kallsyms_lookup(addr + size - 1, &got_size, &offset, NULL, namebuf);
	if (!got || strcmp(got, name) || offset != size - 1)
		ktest_fail(t, __FILE__, __LINE__, "'%s' at %lx: last byte gives %s+%#lx", name,
			   addr, got ? got : "nothing", offset);
}

static int round_trip_one(void *data, const char *name, unsigned long addr, unsigned long size,
			  char type)
{
	struct round_trip *rt = data;

	if (addr < rt->prev_addr)
		ktest_fail(rt->t, __FILE__, __LINE__, "'%s' at %lx: out of order", name, addr);
	rt->prev_addr = addr;
	if (addr != rt->addr || !rt->cover) {
		rt->addr = addr;
		rt->cover = NULL;
	}
	if (!rt->cover && size) {
		rt->cover = name;
		rt->cover_size = size;
	}
	if (type != 'T' && type != 't')
		return 0;
	if (rt->t->failures >= MAX_REPORTED)
		return 1;
	rt->functions++;
	check_by_name(rt->t, name, addr);
	if (size)
		check_by_address(rt, name, addr, size);
	return 0;
}

static void test_every_function_round_trips(struct ktest *t)
{
	struct round_trip rt = { .t = t, .addr = 1 };

	kallsyms_on_each_symbol(round_trip_one, &rt);
	/* An empty or truncated table would pass the loop (which stops early on failures). */
	if (!t->failures)
		KTEST_EXPECT_TRUE(t, rt.functions > 200);
}

/* ---- duplicate static names ---- */

static void test_sympos_picks_duplicate(struct ktest *t)
{
	unsigned long mine = (unsigned long)kallsyms_test_dup, other = kallsyms_test_dup_address();
	unsigned long first = min(mine, other), second = max(mine, other), addr, count;

	KTEST_ASSERT_TRUE(t, mine != other);
	KTEST_EXPECT_EQ(t, kallsyms_test_dup() + 1, 2);
	KTEST_EXPECT_EQ(t, kallsyms_find_symbol(NULL, "kallsyms_test_dup", 1, &addr, &count), 0);
	KTEST_EXPECT_EQ(t, addr, first);
	KTEST_EXPECT_EQ(t, count, 2);
	KTEST_EXPECT_EQ(t, kallsyms_find_symbol("vmlinux", "kallsyms_test_dup", 2, &addr, &count), 0);
	KTEST_EXPECT_EQ(t, addr, second);
	KTEST_EXPECT_EQ(t, kallsyms_find_symbol(NULL, "kallsyms_test_dup", 0, &addr, &count), -EINVAL);
	KTEST_EXPECT_EQ(t, count, 2);
	KTEST_EXPECT_EQ(t, kallsyms_find_symbol(NULL, "kallsyms_test_dup", 3, &addr, &count), -EINVAL);
	KTEST_EXPECT_EQ(t, count, 2);
	KTEST_EXPECT_EQ(t, kallsyms_find_symbol(NULL, "kallsyms_test_no_such", 0, &addr, &count), -ENOENT);
	KTEST_EXPECT_EQ(t, count, 0);
	KTEST_EXPECT_EQ(t, kallsyms_find_symbol(NULL, "kallsyms_test_no_such", 1, &addr, &count), -ENOENT);
	/* A prefix of a name is not the name. */
	KTEST_EXPECT_EQ(t, kallsyms_find_symbol(NULL, "kallsyms_test_du", 0, &addr, &count), -ENOENT);
	/* A unique name at sympos 0 and 1. */
	KTEST_EXPECT_EQ(t, kallsyms_find_symbol(NULL, "kallsyms_test_target", 0, &addr, &count), 0);
	KTEST_EXPECT_EQ(t, addr, (unsigned long)kallsyms_test_target);
	KTEST_EXPECT_EQ(t, kallsyms_find_symbol(NULL, "kallsyms_test_target", 1, &addr, &count), 0);
	KTEST_EXPECT_EQ(t, kallsyms_find_symbol(NULL, "kallsyms_test_target", 2, &addr, &count), -EINVAL);
	/* The first in address order, as Linux's kallsyms_lookup_name(). */
	KTEST_EXPECT_EQ(t, kallsyms_lookup_name("kallsyms_test_dup"), first);
	KTEST_EXPECT_EQ(t, kallsyms_lookup_name("kallsyms_test_no_such"), 0);
}

/* ---- types, text, names ---- */

struct find_type {
	const char *name;
	unsigned long addr;
	char type;
};

static int find_type_one(void *data, const char *name, unsigned long addr, unsigned long size,
			 char type)
{
	struct find_type *ft = data;

	if (addr != ft->addr || strcmp(name, ft->name))
		return 0;
	ft->type = type;
	return 1;
}

static char type_of(const char *name, const void *addr)
{
	struct find_type ft = { name, (unsigned long)addr, 0 };

	kallsyms_on_each_symbol(find_type_one, &ft);
	return ft.type;
}

static void test_types_and_text(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, type_of("start_kernel", start_kernel), 'T');
	KTEST_EXPECT_EQ(t, type_of("kallsyms_test_dup", kallsyms_test_dup), 't');
	KTEST_EXPECT_EQ(t, type_of("kallsyms_test_rodata", kallsyms_test_rodata), 'r');
	KTEST_EXPECT_EQ(t, type_of("kallsyms_test_data", &kallsyms_test_data), 'D');
	KTEST_EXPECT_EQ(t, type_of("kallsyms_test_bss", &kallsyms_test_bss), 'b');

	KTEST_EXPECT_TRUE(t, kernel_text_address((unsigned long)kallsyms_test_target));
	KTEST_EXPECT_TRUE(t, kernel_text_address((unsigned long)_text));
	KTEST_EXPECT_TRUE(t, kernel_text_address((unsigned long)_etext - 1));
	KTEST_EXPECT_FALSE(t, kernel_text_address((unsigned long)_etext));
	KTEST_EXPECT_FALSE(t, kernel_text_address((unsigned long)kallsyms_test_rodata));
	KTEST_EXPECT_FALSE(t, kernel_text_address((unsigned long)&kallsyms_test_data));
	KTEST_EXPECT_FALSE(t, kernel_text_address(0));

	KTEST_EXPECT_EQ(t, kallsyms_lookup_name("start_kernel"), (unsigned long)start_kernel);
	KTEST_EXPECT_EQ(t, kallsyms_lookup_name("kallsyms_test_data"),
			(unsigned long)&kallsyms_test_data);
	KTEST_EXPECT_EQ(t, kallsyms_lookup_name("kallsyms_lookup_name"),
			(unsigned long)kallsyms_lookup_name);
	KTEST_EXPECT_EQ(t, kallsyms_lookup_name(""), 0);
	KTEST_EXPECT_EQ(t, kallsyms_lookup_name("no_module:start_kernel"), 0);
}

/* ---- %pS and friends ---- */

static void test_print_symbol(struct ktest *t)
{
	unsigned long addr = (unsigned long)kallsyms_test_target, size = 0, offset = 1;
	char got[KSYM_SYMBOL_LEN], want[KSYM_SYMBOL_LEN];

	KTEST_ASSERT_TRUE(t, kallsyms_lookup_size_offset(addr + 4, &size, &offset));
	KTEST_EXPECT_EQ(t, offset, 4);
	KTEST_ASSERT_TRUE(t, size > 4);

	snprintf(want, sizeof(want), "kallsyms_test_target+0x4/0x%lx", size);
	snprintf(got, sizeof(got), "%pS", (void *)(addr + 4));
	KTEST_EXPECT_STREQ(t, got, want);
	KTEST_EXPECT_EQ(t, sprint_symbol(got, addr + 4), strlen(want));
	KTEST_EXPECT_STREQ(t, got, want);

	snprintf(got, sizeof(got), "%ps", (void *)(addr + 4));
	KTEST_EXPECT_STREQ(t, got, "kallsyms_test_target");
	KTEST_EXPECT_EQ(t, sprint_symbol_no_offset(got, addr), strlen("kallsyms_test_target"));
	KTEST_EXPECT_STREQ(t, got, "kallsyms_test_target");

	/* %pB: a return address just past the end still names the function. */
	snprintf(want, sizeof(want), "kallsyms_test_target+0x%lx/0x%lx", size, size);
	snprintf(got, sizeof(got), "%pB", (void *)(addr + size));
	KTEST_EXPECT_STREQ(t, got, want);
	snprintf(want, sizeof(want), "kallsyms_test_target+0x0/0x%lx", size);
	snprintf(got, sizeof(got), "%pS", (void *)addr);
	KTEST_EXPECT_STREQ(t, got, want);

	snprintf(got, sizeof(got), "%pS", &kallsyms_test_rodata[8]);
	KTEST_EXPECT_STREQ(t, got, "kallsyms_test_rodata+0x8/0x20");

	/* In no symbol: the raw address. */
	snprintf(got, sizeof(got), "%pS", (void *)1);
	KTEST_EXPECT_STREQ(t, got, "0x1");
	KTEST_EXPECT_FALSE(t, kallsyms_lookup_size_offset(1, &size, &offset));
	KTEST_EXPECT_EQ(t, sprint_symbol(got, 1), 3);
	KTEST_EXPECT_STREQ(t, got, "0x1");
}

/* ---- module symbols, through a fake module ---- */

#define FAKE_MOD "ktest_fake"
#define FAKE_FUNC_SIZE 0x40
#define FAKE_DATA_SIZE 0x20

/* Its "text" and "data": heap memory, which no kernel symbol covers. */
static unsigned long fake_base;

static bool fake_text_address(unsigned long addr)
{
	return addr - fake_base < FAKE_FUNC_SIZE;
}

static const char *fake_lookup(unsigned long addr, unsigned long *size, unsigned long *offset,
			       char **modname, char *namebuf)
{
	unsigned long off = addr - fake_base;

	if (off >= FAKE_FUNC_SIZE + FAKE_DATA_SIZE)
		return NULL;
	*modname = (char *)FAKE_MOD;
	*size = off < FAKE_FUNC_SIZE ? FAKE_FUNC_SIZE : FAKE_DATA_SIZE;
	*offset = off < FAKE_FUNC_SIZE ? off : off - FAKE_FUNC_SIZE;
	return strcpy(namebuf, off < FAKE_FUNC_SIZE ? "fake_func" : "fake_data");
}

static int fake_find_symbol(const char *objname, const char *name, unsigned long sympos,
			    unsigned long *addr, unsigned long *count)
{
	*count = 0;
	if (objname && strcmp(objname, FAKE_MOD))
		return -ENOENT;
	if (!strcmp(name, "fake_func"))
		*addr = fake_base;
	else if (!strcmp(name, "fake_data"))
		*addr = fake_base + FAKE_FUNC_SIZE;
	else
		return -ENOENT;
	*count = 1;
	return sympos > 1 ? -EINVAL : 0;
}

static int fake_on_each_symbol(int (*fn)(void *data, const char *name, unsigned long addr,
					 unsigned long size, char type, const char *modname),
			       void *data)
{
	return fn(data, "fake_func", fake_base, FAKE_FUNC_SIZE, 't', FAKE_MOD) ?:
	       fn(data, "fake_data", fake_base + FAKE_FUNC_SIZE, FAKE_DATA_SIZE, 'd', FAKE_MOD);
}

static const struct kallsyms_module_ops fake_module_ops = {
	.lookup = fake_lookup,
	.find_symbol = fake_find_symbol,
	.text_address = fake_text_address,
	.on_each_symbol = fake_on_each_symbol,
};

static const struct kallsyms_module_ops *saved_module_ops;

/* Stand in for the module loader for the suite's duration. */
static int fake_module_init(void)
{
	void *mem = kmalloc(FAKE_FUNC_SIZE + FAKE_DATA_SIZE, GFP_KERNEL);

	if (!mem)
		return -ENOMEM;
	fake_base = (unsigned long)mem;
	saved_module_ops = READ_ONCE(kallsyms_mod_ops);
	WRITE_ONCE(kallsyms_mod_ops, &fake_module_ops);
	return 0;
}

static void fake_module_exit(void)
{
	WRITE_ONCE(kallsyms_mod_ops, saved_module_ops);
	kfree((void *)fake_base);
}

static void test_module_symbols(struct ktest *t)
{
	char got[KSYM_SYMBOL_LEN], namebuf[KSYM_NAME_LEN];
	unsigned long size, offset, addr, count;
	char *modname = NULL;

	snprintf(got, sizeof(got), "%pS", (void *)(fake_base + 0x10));
	KTEST_EXPECT_STREQ(t, got, "fake_func+0x10/0x40 [" FAKE_MOD "]");
	snprintf(got, sizeof(got), "%ps", (void *)(fake_base + FAKE_FUNC_SIZE + 4));
	KTEST_EXPECT_STREQ(t, got, "fake_data [" FAKE_MOD "]");
	snprintf(got, sizeof(got), "%pB", (void *)(fake_base + FAKE_FUNC_SIZE));
	KTEST_EXPECT_STREQ(t, got, "fake_func+0x40/0x40 [" FAKE_MOD "]");
	KTEST_EXPECT_STREQ(t, kallsyms_lookup(fake_base + 3, &size, &offset, &modname, namebuf),
			   "fake_func");
	KTEST_EXPECT_STREQ(t, modname, FAKE_MOD);
	KTEST_EXPECT_EQ(t, offset, 3);
	KTEST_EXPECT_TRUE(t, kallsyms_lookup_size_offset(fake_base + 0x41, &size, &offset));
	KTEST_EXPECT_EQ(t, size, FAKE_DATA_SIZE);
	KTEST_EXPECT_EQ(t, offset, 1);

	KTEST_EXPECT_TRUE(t, kernel_text_address(fake_base));
	KTEST_EXPECT_FALSE(t, kernel_text_address(fake_base + FAKE_FUNC_SIZE));
	KTEST_EXPECT_EQ(t, kallsyms_lookup_name("fake_func"), fake_base);
	KTEST_EXPECT_EQ(t, kallsyms_lookup_name(FAKE_MOD ":fake_data"), fake_base + FAKE_FUNC_SIZE);
	KTEST_EXPECT_EQ(t, kallsyms_lookup_name("other_mod:fake_data"), 0);
	/* The kernel's symbols come first, and are not a module's. */
	KTEST_EXPECT_EQ(t, kallsyms_lookup_name("start_kernel"), (unsigned long)start_kernel);
	KTEST_EXPECT_EQ(t, kallsyms_find_symbol(FAKE_MOD, "start_kernel", 0, &addr, &count), -ENOENT);
	KTEST_EXPECT_EQ(t, kallsyms_find_symbol(FAKE_MOD, "fake_func", 0, &addr, &count), 0);
	KTEST_EXPECT_EQ(t, addr, fake_base);
	KTEST_EXPECT_EQ(t, count, 1);
	KTEST_EXPECT_EQ(t, kallsyms_find_symbol(NULL, "fake_func", 0, &addr, &count), -ENOENT);
}

/* ---- /proc/kallsyms ---- */

struct proc_text {
	char *buf;
	size_t len, size;
};

static void proc_text_add(struct proc_text *pt, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	pt->len += vscnprintf(pt->buf + pt->len, pt->size - pt->len, fmt, args);
	va_end(args);
}

static int proc_text_one(void *data, const char *name, unsigned long addr, unsigned long size,
			 char type)
{
	proc_text_add(data, "%016lx %c %s\n", addr, type, name);
	return 0;
}

/* What /proc/kallsyms must say, built from kallsyms_on_each_symbol() and the fake module. */
static void proc_text_expected(struct proc_text *pt)
{
	kallsyms_on_each_symbol(proc_text_one, pt);
	proc_text_add(pt, "%016lx t fake_func\t[" FAKE_MOD "]\n", fake_base);
	proc_text_add(pt, "%016lx d fake_data\t[" FAKE_MOD "]\n", fake_base + FAKE_FUNC_SIZE);
}

/* The whole file, read chunk bytes at a time; its length, or -errno. */
static ssize_t read_proc_kallsyms(char *buf, size_t size, size_t chunk)
{
	struct file *file = filp_open("/proc/kallsyms", O_RDONLY, 0);
	size_t len = 0;
	ssize_t n;

	if (IS_ERR(file))
		return PTR_ERR(file);
	while (len < size && (n = kernel_read(file, buf + len, min(chunk, size - len), NULL)) > 0)
		len += n;
	filp_close(file);
	return len;
}

static void test_proc_kallsyms(struct ktest *t)
{
	static const size_t chunks[] = { 4096, 1, 37, 100000 };
	struct proc_text want = { .size = 256 * 1024 };
	struct file *file;
	char *got, piece[64];
	loff_t pos;
	size_t i;

	want.buf = kmalloc(want.size, GFP_KERNEL);
	got = kmalloc(want.size, GFP_KERNEL);
	if (!want.buf || !got)
		goto out_free;
	proc_text_expected(&want);
	if (want.len >= want.size - 1) {
		ktest_fail(t, __FILE__, __LINE__, "more than %zu bytes of symbols", want.size);
		goto out_free;
	}
	for (i = 0; i < ARRAY_SIZE(chunks); i++) {
		KTEST_EXPECT_EQ(t, read_proc_kallsyms(got, want.size, chunks[i]), want.len);
		if (memcmp(got, want.buf, want.len))
			ktest_fail(t, __FILE__, __LINE__, "read %zu at a time: other text", chunks[i]);
	}
	/* pread at any offset: the file from there; past the end: nothing. */
	file = filp_open("/proc/kallsyms", O_RDONLY, 0);
	if (IS_ERR(file)) {
		ktest_fail(t, __FILE__, __LINE__, "open: %ld", PTR_ERR(file));
		goto out_free;
	}
	for (pos = want.len - 10; pos > 0; pos = pos * 2 / 3) {
		loff_t at = pos;
		ssize_t n = kernel_read(file, piece, sizeof(piece), &at);

		KTEST_EXPECT_EQ(t, n, min_t(size_t, sizeof(piece), want.len - pos));
		KTEST_EXPECT_EQ(t, at, pos + n);
		if (n > 0 && memcmp(piece, want.buf + pos, n))
			ktest_fail(t, __FILE__, __LINE__, "read at %lld: other text", pos);
	}
	pos = want.len + 1;
	KTEST_EXPECT_EQ(t, kernel_read(file, piece, sizeof(piece), &pos), 0);
	filp_close(file);
	/* Linux's format, and the module's symbols last. */
	KTEST_EXPECT_TRUE(t, strstr(want.buf, " T start_kernel\n") != NULL);
	snprintf(piece, sizeof(piece), "%016lx d fake_data\t[" FAKE_MOD "]\n",
		 fake_base + FAKE_FUNC_SIZE);
	KTEST_EXPECT_EQ(t, memcmp(got + want.len - strlen(piece), piece, strlen(piece)), 0);
out_free:
	KTEST_EXPECT_TRUE(t, want.buf && got);		/* memory for the test itself */
	kfree(want.buf);
	kfree(got);
}

static const struct ktest_case kallsyms_lookup_cases[] = {
	KTEST_CASE(test_every_function_round_trips),
	KTEST_CASE(test_sympos_picks_duplicate),
	KTEST_CASE(test_types_and_text),
	KTEST_CASE(test_print_symbol),
	{}
};
KTEST_SUITE(kallsyms_lookup, kallsyms_lookup_cases);

static const struct ktest_case kallsyms_module_cases[] = {
	KTEST_CASE(test_module_symbols),
	KTEST_CASE(test_proc_kallsyms),
	{}
};
KTEST_SUITE_INIT(kallsyms_module, kallsyms_module_cases, fake_module_init, fake_module_exit);
