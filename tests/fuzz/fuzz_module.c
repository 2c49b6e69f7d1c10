// SPDX-License-Identifier: MIT
/*
 * libFuzzer target for the module loader's pure half: every input is a
 * candidate .ko that goes through module_elf_check(), then, if accepted,
 * the same layout, copy, symbol and relocation steps as in the kernel
 * (kernel/module/layout.c, arch/<FUZZ_ARCH>/module.c), into host memory, with
 * every undefined symbol resolved to a fake kernel area placed right after
 * the module. AddressSanitizer and UBSan report any access outside what
 * validation allowed. Built and run by `make fuzz` (tests/fuzz/fuzz.mk).
 *
 * Built like lib/ on the host (our headers, tests/host/host_rename.h), so
 * no libc header is included here: the few libc functions are declared.
 */
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/slab.h>
#include "../../kernel/module/internal.h"

void *malloc(size_t size);
void *calloc(size_t n, size_t size);
void *aligned_alloc(size_t align, size_t size);
void free(void *p);
int LLVMFuzzerTestOneInput(const u8 *data, size_t size);

#define FAKE_KERNEL_SIZE 65536

/* ---- What the pure files need from the kernel ---- */

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

/* Quiet: the kernel's messages would swamp the fuzzer's output. */
int printk(const char *fmt, ...)
{
	return 0;
}

/* ---- The pipeline ---- */

static u8 *fake_kernel;

/*
 * Any name resolves, to a stable address in the fake kernel area after the
 * module, or for some names 8 GiB beyond it: out of reach of 32-bit
 * fields, which s390x meets with its PLT. The relocation code computes
 * with symbol values and never dereferences them.
 */
static int resolve(void *ctx, const char *name, unsigned long *value)
{
	unsigned long h = 5381;

	while (*name)
		h = h * 33 + (u8)*name++;
	if (h % 16 == 0)
		return -ENOENT;		/* some symbols are unknown */
	*value = (unsigned long)fake_kernel + (h % (FAKE_KERNEL_SIZE / 8)) * 8;
	if (h % 16 == 1)
		*value += 8UL << 30;
	return 0;
}

/* Walk .modinfo as modinfo and the loader do; the lengths read every byte of each value. */
static size_t read_modinfo(const struct load_info *info)
{
	const Elf64_Shdr *s = &info->sechdrs[info->index.modinfo];
	const char *p, *base;
	size_t total = 0;

	if (!info->index.modinfo)
		return 0;
	base = (const char *)info->hdr + s->sh_offset;
	for (p = NULL; (p = module_get_modinfo(base, s->sh_size, "parm", p));)
		total += strlen(p);
	p = module_get_modinfo(base, s->sh_size, "name", NULL);
	return total + (p ? strlen(p) : 0);
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	struct load_info info = { .name = "fuzz", .len = size, .machine = FUZZ_MACHINE,
				  .data = ELFDATA2LSB };
	struct module *mod;
	u8 *block;

	/* The kernel reads files into kmalloc memory: 16-byte aligned. */
	info.hdr = aligned_alloc(16, ALIGN(size + 1, 16));
	memcpy(info.hdr, data, size);
#ifdef FUZZ_RETARGET
	/* The seeds are x86_64 modules: their relocation types read as this arch's. */
	if (size >= sizeof(Elf64_Ehdr))
		info.hdr->e_machine = FUZZ_MACHINE;
#endif
	if (module_elf_check(&info))
		goto out;
	if (read_modinfo(&info) > size || module_layout_sections(&info))
		goto out;
	block = aligned_alloc(PAGE_SIZE, info.layout.size + FAKE_KERNEL_SIZE);
	memset(block, 0, info.layout.size + FAKE_KERNEL_SIZE);
	fake_kernel = block + info.layout.size;
	if (module_copy_sections(&info, block)) {
		free(block);
		goto out;
	}
	mod = (struct module *)(block + info.mod_offset);
	strscpy(mod->name, "fuzz", sizeof(mod->name));
	mod->state = MODULE_STATE_UNFORMED;	/* as the loader has it while relocating */
	mod->core_layout = info.layout;		/* where s390x finds its GOT and PLT */
	mod->klp = data[size / 2] & 1;		/* sometimes a livepatch module */
	if (!module_simplify_symbols(&info, mod, resolve, NULL))
		module_apply_relocations(&info, mod);
	free(block);
out:
	module_free_load_info(&info);
	free(info.hdr);
	return 0;
}
