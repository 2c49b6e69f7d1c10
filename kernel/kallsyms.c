// SPDX-License-Identifier: MIT
/*
 * Kernel symbol lookups by address and by name, and %pS for printk, over
 * the table the link puts in the image (tools/kallsyms.py,
 * tools/link-kernel.sh; Linux: kernel/kallsyms.c).
 */
#define pr_fmt(fmt) "kallsyms: " fmt

#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/kallsyms.h>
#include "kallsyms_internal.h"

extern const char _text[], _etext[];

const struct kallsyms_module_ops *kallsyms_mod_ops;

/* How many symbols lie at or below addr (binary search). */
static unsigned long kallsyms_count_upto(unsigned long addr)
{
	unsigned long lo = 0, hi = kallsyms_num_syms, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (kallsyms_addresses[mid] <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * The kernel symbol containing addr, or -1. Symbols at one address
 * (aliases) are ordered best first by the generator (sized before labels,
 * fewer leading underscores first), so the first alias whose extent
 * covers addr is the answer. Linux: every symbol extends to the next one;
 * here: symbols have sizes, and padding between functions belongs to none.
 */
static long kallsyms_index_of(unsigned long addr)
{
	unsigned long end = kallsyms_count_upto(addr), start, i;

	if (!end)
		return -1;
	start = kallsyms_addresses[end - 1];
	for (i = start ? kallsyms_count_upto(start - 1) : 0; i < end; i++)
		if (addr - kallsyms_addresses[i] < kallsyms_sizes[i])
			return i;
	return -1;
}

/*
 * The range [*first, *first + count) of kallsyms_seqs_of_names holding
 * name: two binary searches, for the first entry >= name and the first > name.
 */
static unsigned long kallsyms_name_range(const char *name, unsigned long *first)
{
	unsigned long lo = 0, hi = kallsyms_num_syms, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (strcmp(kallsyms_sym_name(kallsyms_seqs_of_names[mid]), name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*first = lo;
	hi = kallsyms_num_syms;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (strcmp(kallsyms_sym_name(kallsyms_seqs_of_names[mid]), name) <= 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo - *first;
}

/* kallsyms_find_symbol() on the kernel's own table. */
static int kallsyms_find_kernel(const char *name, unsigned long sympos, unsigned long *addr,
				unsigned long *count)
{
	unsigned long first, n = kallsyms_name_range(name, &first);

	*count = n;
	if (!n)
		return -ENOENT;
	if ((!sympos && n > 1) || sympos > n)
		return -EINVAL;
	*addr = kallsyms_addresses[kallsyms_seqs_of_names[first + (sympos ? sympos - 1 : 0)]];
	return 0;
}

int kallsyms_find_symbol(const char *objname, const char *name, unsigned long sympos,
			 unsigned long *addr, unsigned long *count)
{
	const struct kallsyms_module_ops *ops = READ_ONCE(kallsyms_mod_ops);
	unsigned long a = 0, n = 0;
	int err = -ENOENT;

	if (!objname || !strcmp(objname, "vmlinux"))
		err = kallsyms_find_kernel(name, sympos, &a, &n);
	else if (ops && ops->find_symbol)
		err = ops->find_symbol(objname, name, sympos, &a, &n);
	if (addr)
		*addr = err ? 0 : a;
	if (count)
		*count = n;
	return err;
}

/*
 * Linux: the kernel, then every module; "mod:name" looks only in module
 * mod (kernel/module/kallsyms.c, module_kallsyms_lookup_name()).
 */
unsigned long kallsyms_lookup_name(const char *name)
{
	const struct kallsyms_module_ops *ops = READ_ONCE(kallsyms_mod_ops);
	const char *colon = strchr(name, ':');
	char modname[MODULE_NAME_LEN];
	unsigned long addr = 0, count;

	if (!colon) {
		if (!kallsyms_find_kernel(name, 1, &addr, &count))
			return addr;
		if (ops && ops->find_symbol && ops->find_symbol(NULL, name, 1, &addr, &count))
			addr = 0;
		return addr;
	}
	if (colon - name >= MODULE_NAME_LEN)
		return 0;
	memcpy(modname, name, colon - name);
	modname[colon - name] = 0;
	kallsyms_find_symbol(modname, colon + 1, 1, &addr, NULL);
	return addr;
}

const char *kallsyms_lookup(unsigned long addr, unsigned long *symbolsize, unsigned long *offset,
			    char **modname, char *namebuf)
{
	const struct kallsyms_module_ops *ops = READ_ONCE(kallsyms_mod_ops);
	unsigned long size = 0, off = 0;
	char *mod = NULL;
	const char *name = NULL;
	long i = kallsyms_index_of(addr);

	namebuf[0] = 0;
	if (i >= 0) {
		size = kallsyms_sizes[i];
		off = addr - kallsyms_addresses[i];
		strscpy(namebuf, kallsyms_sym_name(i), KSYM_NAME_LEN);
		name = namebuf;
	} else if (ops && ops->lookup) {
		name = ops->lookup(addr, &size, &off, &mod, namebuf);
	}
	if (symbolsize)
		*symbolsize = name ? size : 0;
	if (offset)
		*offset = name ? off : 0;
	if (modname)
		*modname = name ? mod : NULL;
	return name;
}

bool kallsyms_lookup_size_offset(unsigned long addr, unsigned long *symbolsize, unsigned long *offset)
{
	char namebuf[KSYM_NAME_LEN];
	long i = kallsyms_index_of(addr);

	if (i >= 0) {
		if (symbolsize)
			*symbolsize = kallsyms_sizes[i];
		if (offset)
			*offset = addr - kallsyms_addresses[i];
		return true;
	}
	return kallsyms_lookup(addr, symbolsize, offset, NULL, namebuf) != NULL;
}

/*
 * "name+0xoff/0xsize [mod]" (or "name [mod]") into buffer, of at least
 * KSYM_SYMBOL_LEN bytes, which also serves as kallsyms_lookup()'s namebuf,
 * as in Linux's __sprint_symbol(). symbol_offset -1 is for return
 * addresses: the symbol of addr - 1, the offset of addr (Linux:
 * sprint_backtrace()). Return: the length, 0 if addr is in no symbol.
 */
static int kallsyms_sprint(char *buffer, unsigned long addr, int symbol_offset, bool with_offset)
{
	unsigned long size, offset;
	const char *name;
	char *modname;
	int len;

	name = kallsyms_lookup(addr + symbol_offset, &size, &offset, &modname, buffer);
	if (!name)
		return 0;
	if (name != buffer)
		strscpy(buffer, name, KSYM_NAME_LEN);
	len = strlen(buffer);
	if (with_offset)
		len += sprintf(buffer + len, "+0x%lx/0x%lx", offset - symbol_offset, size);
	if (modname)
		len += sprintf(buffer + len, " [%s]", modname);
	return len;
}

/* Linux: an unknown address prints as "0x<addr>". */
int sprint_symbol(char *buffer, unsigned long address)
{
	int len = kallsyms_sprint(buffer, address, 0, true);

	return len ? len : sprintf(buffer, "0x%lx", address);
}

int sprint_symbol_no_offset(char *buffer, unsigned long address)
{
	int len = kallsyms_sprint(buffer, address, 0, false);

	return len ? len : sprintf(buffer, "0x%lx", address);
}

/* vsprintf_symbol_hook (include/linux/sprintf.h): %pS, %ps and %pB. */
static int kallsyms_vsprintf_hook(char *buf, size_t size, unsigned long addr, char fmt)
{
	int symbol_offset = fmt == 'B' ? -1 : 0;
	bool with_offset = fmt != 's';
	char sym[KSYM_SYMBOL_LEN];
	int len;

	if (size >= KSYM_SYMBOL_LEN)
		return kallsyms_sprint(buf, addr, symbol_offset, with_offset);
	len = kallsyms_sprint(sym, addr, symbol_offset, with_offset);
	if (len)
		strscpy(buf, sym, size);
	return len;
}

void kallsyms_init(void)
{
	vsprintf_symbol_hook = kallsyms_vsprintf_hook;
}

bool kernel_text_address(unsigned long addr)
{
	const struct kallsyms_module_ops *ops = READ_ONCE(kallsyms_mod_ops);

	if (addr >= (unsigned long)_text && addr < (unsigned long)_etext)
		return true;
	return ops && ops->text_address && ops->text_address(addr);
}

int kallsyms_on_each_symbol(int (*fn)(void *data, const char *name, unsigned long addr,
				      unsigned long size, char type), void *data)
{
	unsigned long i;
	int ret;

	for (i = 0; i < kallsyms_num_syms; i++) {
		ret = fn(data, kallsyms_sym_name(i), kallsyms_addresses[i], kallsyms_sizes[i],
			 kallsyms_types[i]);
		if (ret)
			return ret;
	}
	return 0;
}

void kallsyms_register_module_ops(const struct kallsyms_module_ops *ops)
{
	WARN_ON_ONCE(READ_ONCE(kallsyms_mod_ops) && ops);
	WRITE_ONCE(kallsyms_mod_ops, ops);
}
