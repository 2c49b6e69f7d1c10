# SPDX-License-Identifier: MIT
# Loadable modules, built as Linux's Kbuild builds them: each source is
# compiled with the kernel's flags plus the arch's for modules (s390x:
# -fPIC) and -DMODULE (so its functions have fentry sites in __mcount_loc
# and can be traced and live patched), a
# generated <mod>.mod.c adds name, vermagic, intree and depends to
# .modinfo (tools/modpost.py), and `ld -r -T modules/module.lds` joins the
# two into <mod>.ko with sorted export tables. For a livepatch module
# (MODULE_INFO(livepatch, "Y")), tools/klp-convert then turns references
# to what the kernel or a module of the same directory does not export
# into livepatch relocations, from the kernel's System.map and the other
# modules' objects; other modules pass through it unchanged. Included by
# the Makefile.
#
#   make modules              modules/*.c -> $(O)/modules/*.ko (part of `all`)
#   make M=<dir>              every <dir>/*.c -> <dir>/*.ko, against this tree
#   make test-modules         tests/modules/*.c, a generated benchmark module
#                             and the broken-module corpus -> $(O)/tests/modules/
#   make run EXTRA_MODULES="a.ko b.ko"   more modules in /lib/modules (x86_64: the ISO; s390x: a cpio initrd)
#
# One source file is one module; its name is the file name with '-' as '_'.

MODULE_LD := $(CROSS_COMPILE)ld
comma := ,
space := $() $()
MODULE_CFLAGS = $(KCFLAGS) $(ARCH_MODULE_CFLAGS) -DMODULE -DKBUILD_MODNAME='"$(subst -,_,$(notdir $*))"'

# $(call module_rules,SRCDIR,OUTDIR,INTREE): %.c in SRCDIR -> %.ko in OUTDIR.
# INTREE is --intree for modules of this tree (no out-of-tree taint).
define module_rules
$(2)/%.o: $(1)/%.c $(O)/.flags
	$$(quiet) 'CC [M]' $$<
	@mkdir -p $$(dir $$@)
	$$(Q)$$(CC) $$(MODULE_CFLAGS) -c $$< -o $$@

$(2)/%.mod.c: $(2)/%.o tools/modpost.py $$(patsubst $(1)/%.c,$(2)/%.o,$$(wildcard $(1)/*.c))
	$$(Q)$$(PYTHON) tools/modpost.py --name $$(subst -,_,$$*) $(3) --nm $$(NM) $$< \
		$$(patsubst $(1)/%.c,$(2)/%.o,$$(wildcard $(1)/*.c)) > $$@

$(2)/%.mod.o: $(2)/%.mod.c $(O)/.flags
	$$(Q)$$(CC) $$(MODULE_CFLAGS) -c $$< -o $$@

$(2)/%.ko: $(2)/%.o $(2)/%.mod.o modules/module.lds tools/klp-convert tools/kallsyms.py \
		$(O)/System.map $$(patsubst $(1)/%.c,$(2)/%.o,$$(wildcard $(1)/*.c))
	$$(quiet) 'LD [M]' $$@
	$$(Q)$$(MODULE_LD) -r -T modules/module.lds -o $$@.tmp $(2)/$$*.o $(2)/$$*.mod.o
	$$(Q)$$(PYTHON) tools/klp-convert --map $(O)/System.map -o $$@ $$@.tmp \
		$$(patsubst $(1)/%.c,$(2)/%.o,$$(wildcard $(1)/*.c)) && rm -f $$@.tmp
endef

# ---- modules/ ----
MO := $(O)/modules
MODULES_KO := $(patsubst modules/%.c,$(MO)/%.ko,$(wildcard modules/*.c))
$(eval $(call module_rules,modules,$(MO),--intree))

.PHONY: modules test-modules modules-external
.SECONDARY: $(MODULES_KO:.ko=.o) $(MODULES_KO:.ko=.mod.o) $(MODULES_KO:.ko=.mod.c)
modules: $(MODULES_KO)
all: modules test-modules

# ---- tests/modules/: test modules, the benchmark module, broken modules ----
TMO := $(O)/tests/modules
TEST_MODULES_KO := $(patsubst tests/modules/%.c,$(TMO)/%.ko,$(wildcard tests/modules/*.c))
$(eval $(call module_rules,tests/modules,$(TMO),--intree))
$(eval $(call module_rules,$(TMO)/gen,$(TMO),--intree))
.SECONDARY: $(TEST_MODULES_KO:.ko=.o) $(TEST_MODULES_KO:.ko=.mod.o) $(TEST_MODULES_KO:.ko=.mod.c) \
	$(TMO)/modbench.o $(TMO)/modbench.mod.o $(TMO)/modbench.mod.c $(TMO)/gen/modbench.c

# 100 functions, 1,000 relocations against kernel exports (benchmark).
$(TMO)/gen/modbench.c: tests/modules/gen_modbench.py
	$(quiet) GEN $@
	@mkdir -p $(dir $@)
	$(Q)$(PYTHON) tests/modules/gen_modbench.py > $@

# Malformed variants of demo.ko and what loading each must say.
$(TMO)/broken/manifest.json: tests/modules/make_broken.py $(MO)/demo.ko
	$(quiet) GEN $(TMO)/broken/
	$(Q)rm -rf $(TMO)/broken && $(PYTHON) tests/modules/make_broken.py $(MO)/demo.ko $(TMO)/broken

# Patch modules whose livepatch relocations the kernel must refuse.
$(TMO)/klp-broken/manifest.json: tests/modules/make_klp_broken.py tests/modules/make_broken.py \
		$(MO)/test_klp_static_call.ko $(MO)/test_klp_mod_patch.ko
	$(quiet) GEN $(TMO)/klp-broken/
	$(Q)rm -rf $(TMO)/klp-broken && $(PYTHON) tests/modules/make_klp_broken.py \
		$(MO)/test_klp_static_call.ko $(MO)/test_klp_mod_patch.ko $(TMO)/klp-broken

test-modules: $(TEST_MODULES_KO) $(TMO)/modbench.ko $(TMO)/broken/manifest.json \
	$(TMO)/klp-broken/manifest.json

# ---- the ISO: modules as GRUB module2 entries, in /lib/modules at boot ----
ISO_MODULES = $(MODULES_KO) $(EXTRA_MODULES)
$(O)/.iso-modules: FORCE
	@mkdir -p $(O)
	@echo '$(ISO_MODULES)' | cmp -s - $@ || echo '$(ISO_MODULES)' > $@
ifneq ($(filter %.iso,$(ARCH_ALL)),)
$(filter %.iso,$(ARCH_ALL)): $(ISO_MODULES)
endif

# ---- make M=<dir>: a user's own modules, outputs beside the sources ----
ifneq ($(M),)
M_DIR := $(patsubst %/,%,$(M))
M_KO := $(patsubst %.c,%.ko,$(wildcard $(M_DIR)/*.c))
ifeq ($(M_KO),)
$(error M=$(M): no .c files there)
endif
$(eval $(call module_rules,$(M_DIR),$(M_DIR),))
.SECONDARY: $(M_KO:.ko=.o) $(M_KO:.ko=.mod.o) $(M_KO:.ko=.mod.c)
.DEFAULT_GOAL := modules-external
modules-external: $(M_KO)
endif
