// SPDX-License-Identifier: MIT
/*
 * Built like lib/ (our headers, host_rename.h): runs the module loader's
 * pure half (kernel/module/elf_check.c, layout.c, modinfo.c and
 * arch/<arch>/module.c) on the host for tests/host/test_module*.c, with the
 * few kernel functions it calls. HOST_MODULE_MACHINE is the arch's e_machine.
 */
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <arch.h>
#include "../../kernel/module/internal.h"
#include "module_api.h"

void *malloc(size_t size);
void *calloc(size_t n, size_t size);
void *aligned_alloc(size_t align, size_t size);
void free(void *p);

char scion_module_log[512];
const int scion_enoexec = ENOEXEC, scion_enoent = ENOENT;

void *kmalloc(size_t size, gfp_t flags)
{
	return malloc(size ?: 1);
}

void *kcalloc(size_t n, size_t size, gfp_t flags)
{
	return calloc(n ?: 1, size ?: 1);
}

void kfree(const void *p)
{
	free((void *)p);
}

/* arch_apply_relocate_add() writes through it once a module is formed; here nothing is protected. */
void arch_text_poke(void *addr, const void *opcode, size_t len)
{
	memcpy(addr, opcode, len);
}

/* The last message, without its level prefix. */
int printk(const char *fmt, ...)
{
	va_list args;
	int n;

	if (fmt[0] == KERN_SOH_ASCII && fmt[1])
		fmt += 2;
	va_start(args, fmt);
	n = vscnprintf(scion_module_log, sizeof(scion_module_log), fmt, args);
	va_end(args);
	return n;
}

static struct load_info info;
static u8 *block;

static int resolve_cb(void *ctx, const char *name, unsigned long *value)
{
	unsigned long (*resolve)(const char *name) = ctx;

	*value = resolve(name);
	return *value ? 0 : -ENOENT;
}

int scion_module_load(const void *data, size_t len, unsigned long (*resolve)(const char *name))
{
	struct module *mod;
	int err;

	scion_module_unload();
	scion_module_log[0] = 0;
	info = (struct load_info){ .name = "test", .len = len, .machine = HOST_MODULE_MACHINE,
				   .data = ELFDATA2LSB };
	info.hdr = aligned_alloc(16, ALIGN(len + 1, 16));
	memcpy(info.hdr, data, len);
	err = module_elf_check(&info);
	if (!err)
		err = module_layout_sections(&info);
	if (err)
		return err;
	block = aligned_alloc(PAGE_SIZE, info.layout.size);
	memset(block, 0, info.layout.size);
	err = module_copy_sections(&info, block);
	if (err)
		return err;
	mod = (struct module *)(block + info.mod_offset);
	strscpy(mod->name, "test", sizeof(mod->name));
	mod->state = MODULE_STATE_UNFORMED;	/* as the loader has it while relocating */
	mod->core_layout = info.layout;
	err = module_simplify_symbols(&info, mod, resolve_cb, resolve);
	if (!err)
		err = module_apply_relocations(&info, mod);
	return err;
}

static struct module *placed_module(void)
{
	struct module *mod = (struct module *)(block + info.mod_offset);

	mod->state = MODULE_STATE_LIVE;
	return mod;
}

int scion_module_apply_relocations(const char *relsec)
{
	return arch_apply_relocate_add(info.sechdrs, info.strtab, info.index.sym,
				       module_find_sec(&info, relsec), placed_module());
}

void scion_module_clear_relocations(const char *relsec)
{
	arch_clear_relocate_add(info.sechdrs, info.strtab, info.index.sym,
				module_find_sec(&info, relsec), placed_module());
}

void *scion_module_section(const char *name)
{
	unsigned int i = info.hdr ? module_find_sec(&info, name) : 0;

	return i && block && within_module(info.sechdrs[i].sh_addr,
					   (struct module *)(block + info.mod_offset)) ?
	       (void *)info.sechdrs[i].sh_addr : NULL;
}

void *scion_module_arch_area(size_t *size)
{
	*size = block ? info.layout.arch_size : 0;
	return *size ? block + info.layout.arch_offset : NULL;
}

void scion_module_unload(void)
{
	module_free_load_info(&info);
	free(info.hdr);
	free(block);
	info.hdr = NULL;
	block = NULL;
}
