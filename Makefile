# SPDX-License-Identifier: MIT
# Scion: one entry point. make [ARCH=x86_64|s390x] [O=dir] [V=1] [LD=ld] target
#   all (default)  kernel.elf, System.map, kernel.dis, ISO (x86_64)
#   run            boot in QEMU, picocom on the console (C-a C-s sends a file to `rx`)
#   debug          QEMU halted with its gdbstub, and gdb with the symbols
#   test           host tests, then every QEMU scenario on both arches (ARCH=...: one)
#   check          host unit tests only
#   modules        modules/*.c -> build/<arch>/modules/*.ko (also part of all)
#   M=<dir>        every <dir>/*.c -> <dir>/*.ko, against this tree's headers
#   fuzz           the module loader's libFuzzer target, FUZZ_TIME=60 seconds
#   run EXTRA_MODULES="a.ko b.ko"   more modules in /lib/modules (x86_64: the ISO; s390x: a cpio initrd)
#   bench-boot     median time from QEMU start to the shell prompt
#   bench-ftrace   cost of a call: no fentry, NOP, one ops, two ops
#   bench-rx       time to receive a 100 KiB module with rx (YMODEM), both arches
#   bench-livepatch  cost of a patched call; transition time with 1,000 busy processes
#   clean          remove build/
#   KLP_SKIP_STACK_CHECK=1   a kernel (in build/<arch>-skip-stack-check) whose
#                  transitions never check stacks: breaks the consistency model
#                  on purpose, for the consistency checker (docs/livepatch.md)

ARCH ?= x86_64
ifeq ($(filter $(ARCH),x86_64 s390x),)
$(error ARCH must be x86_64 or s390x, not '$(ARCH)')
endif
KLP_SKIP_STACK_CHECK ?= 0
ifeq ($(KLP_SKIP_STACK_CHECK),1)
O ?= build/$(ARCH)-skip-stack-check
else
O ?= build/$(ARCH)
endif
ACCEL ?= tcg
V ?= 0
ifeq ($(V),1)
Q :=
quiet = @true
else
Q := @
quiet = @printf '  %-7s %s\n'
endif

SRC := $(CURDIR)
PYTHON ?= /usr/bin/python3

.DEFAULT_GOAL := all
include arch/$(ARCH)/arch.mk

CC := $(CROSS_COMPILE)gcc
CPP := $(CROSS_COMPILE)cpp
NM := $(CROSS_COMPILE)nm
OBJDUMP := $(CROSS_COMPILE)objdump
OBJCOPY := $(CROSS_COMPILE)objcopy
LD ?= $(ARCH_LD)
ifeq ($(origin LD),default)
LD := $(ARCH_LD)
endif

# Every kernel object is built with fentry NOPs recorded in __mcount_loc
# (the function-entry hooks of ftrace/livepatch) and with frame pointers or
# the back chain (the unwinder). See docs/ once those subsystems exist.
KCFLAGS := -std=gnu11 -O2 -g -ffreestanding -fno-builtin -nostdinc \
	-isystem $(shell $(CC) -print-file-name=include) \
	-I$(SRC)/include -I$(SRC)/arch/$(ARCH)/include \
	-Wall -Wextra -Werror -Wno-unused-parameter -Wno-sign-compare \
	-fno-pic -fno-pie -fno-stack-protector -fno-strict-aliasing \
	-fno-common -fno-asynchronous-unwind-tables -fno-delete-null-pointer-checks \
	-fno-optimize-sibling-calls \
	-pg -mfentry -mnop-mcount -mrecord-mcount \
	-DSCION_ARCH='"$(ARCH)"' -MMD -MP $(ARCH_CFLAGS)
ifeq ($(KLP_SKIP_STACK_CHECK),1)
KCFLAGS += -DCONFIG_KLP_SKIP_STACK_CHECK
endif
KASFLAGS := -D__ASSEMBLY__ -I$(SRC)/include -I$(SRC)/arch/$(ARCH)/include -MMD -MP $(ARCH_ASFLAGS)

# Generic code, then the arch's objects (ARCH_OBJS from arch.mk).
GENERIC_SRCS := $(wildcard kernel/*.c kernel/sched/*.c kernel/livepatch/*.c kernel/fs/*.c \
	kernel/module/*.c kernel/trace/*.c lib/*.c)
OBJS := $(ARCH_OBJS) $(patsubst %.c,$(O)/%.o,$(GENERIC_SRCS))

# ftrace never traces itself (Linux: kernel/trace/Makefile strips
# CC_FLAGS_FTRACE); its tests and benchmark keep fentry for their targets.
CC_FLAGS_FTRACE := -pg -mfentry -mnop-mcount -mrecord-mcount
$(patsubst %.c,$(O)/%.o,$(filter-out %_test.c %_bench.c,$(wildcard kernel/trace/*.c))): \
	KCFLAGS := $(filter-out $(CC_FLAGS_FTRACE),$(KCFLAGS))

# User programs (user/user.mk) add the object embedding them; it must come
# before the kernel.elf rule, which expands $(OBJS) when it is read.
include user/user.mk
# Loadable modules: make modules, make M=<dir>, test modules, the ISO's list.
include modules/modules.mk

# KBUILD_MODNAME, as pr_debug switches see it: the directory for files in a
# subsystem directory (kernel/livepatch/*.c -> livepatch), else the file name.
modname = $(if $(filter kernel/%/,$(dir $(1))),$(notdir $(patsubst %/,%,$(dir $(1)))),$(notdir $(basename $(1))))

ALLFLAGS := $(CC) $(KCFLAGS) | $(ARCH_MODULE_CFLAGS) | $(LD) $(ARCH_LDFLAGS) | $(KASFLAGS)

.DELETE_ON_ERROR:
.PHONY: all run debug test check clean bench-boot bench-ftrace bench-rx bench-livepatch deps iso FORCE
all: $(O)/kernel.elf $(O)/System.map $(ARCH_ALL)

# A change of compiler, flags or linker rebuilds everything.
$(O)/.flags: FORCE
	@mkdir -p $(O)
	@echo '$(ALLFLAGS)' | cmp -s - $@ || echo '$(ALLFLAGS)' > $@

$(O)/%.o: %.c $(O)/.flags
	$(quiet) CC $<
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(KCFLAGS) -DKBUILD_MODNAME='"$(call modname,$<)"' -c $< -o $@

$(O)/%.o: %.S $(O)/.flags
	$(quiet) AS $<
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(KCFLAGS) $(KASFLAGS) -c $< -o $@

$(O)/kernel.lds: arch/$(ARCH)/kernel.lds.S $(O)/.flags
	$(quiet) LDS $@
	$(Q)$(CPP) -P -D__ASSEMBLY__ -MMD -MP -MT $@ -I$(SRC)/include -I$(SRC)/arch/$(ARCH)/include $< -o $@

# Three links, so that the image holds its own symbol table (kallsyms);
# tools/link-kernel.sh draws the passes.
$(O)/kernel.elf: $(OBJS) $(O)/kernel.lds $(O)/.flags tools/link-kernel.sh tools/kallsyms.py
	$(Q)LD='$(LD)' LDFLAGS='$(ARCH_LDFLAGS)' NM='$(NM)' CC='$(CC)' AFLAGS='-fno-pic $(ARCH_CFLAGS)' \
		PYTHON='$(PYTHON)' V='$(V)' $(SHELL) tools/link-kernel.sh $@ $(O)/kernel.lds $(OBJS)
	$(Q)$(ARCH_POSTLINK)

$(O)/System.map: $(O)/kernel.elf
	$(quiet) MAP $@
	$(Q)$(NM) -n $< | grep -v ' [aNUw] ' > $@
	$(Q)$(OBJDUMP) -d $< > $(O)/kernel.dis

-include $(shell find $(O) -name '*.d' 2>/dev/null)

deps:
	$(Q)sh tools/install-deps.sh

# QEMU's command line comes from tests/qemu/qemu_cmd.py, shared with the
# tests, the benchmarks and `make debug`.
# tools/run.py puts picocom on the console when this is a terminal, so that
# files can be sent to `rx`; CONSOLE=stdio keeps the plain stdio console.
run: deps all
	$(Q)$(PYTHON) tools/run.py $(if $(CONSOLE),--console $(CONSOLE)) \
		--arch $(ARCH) --accel $(ACCEL) -O $(O) $(RUN_FLAGS)

debug: deps all
	$(Q)ARCH=$(ARCH) O=$(O) ACCEL=$(ACCEL) sh tools/debug.sh

bench-boot: deps
	$(Q)$(MAKE) --no-print-directory ARCH=x86_64 all
	$(Q)$(MAKE) --no-print-directory ARCH=s390x all
	$(Q)$(PYTHON) tests/qemu/bench_boot.py --accel $(ACCEL)

# Both arches under TCG, and under KVM where /dev/kvm works.
bench-ftrace: deps
	$(Q)$(MAKE) --no-print-directory ARCH=x86_64 all
	$(Q)$(MAKE) --no-print-directory ARCH=s390x all
	$(Q)$(PYTHON) tests/qemu/bench_ftrace.py

bench-rx: deps
	$(Q)$(MAKE) --no-print-directory ARCH=x86_64 all
	$(Q)$(MAKE) --no-print-directory ARCH=s390x all
	$(Q)$(PYTHON) tests/qemu/bench_rx.py --accel $(ACCEL)

# Both arches under TCG, and under KVM where /dev/kvm works.
bench-livepatch: deps
	$(Q)$(MAKE) --no-print-directory ARCH=x86_64 all
	$(Q)$(MAKE) --no-print-directory ARCH=s390x all
	$(Q)$(PYTHON) tests/qemu/bench_livepatch.py

# `make test`: host unit tests, then every QEMU scenario on both arches
# (`make test ARCH=s390x`: that arch's scenarios only). Every runner prints
# TAP lines; tools/tap-summary.py counts them and prints the closing
# "N passed, N failed" line.
TEST_ARCHES := $(if $(filter command line,$(origin ARCH)),$(ARCH),x86_64 s390x)
test: deps
	$(Q)$(foreach a,$(TEST_ARCHES),$(MAKE) --no-print-directory ARCH=$(a) all &&) true
	$(Q){ $(MAKE) --no-print-directory -s check-tap; \
	      $(PYTHON) tests/qemu/run.py --arch $(if $(filter 1,$(words $(TEST_ARCHES))),$(TEST_ARCHES),all) \
	        --accel $(ACCEL) $(if $(T),-k '$(T)'); \
	    } 2>&1 | $(PYTHON) tools/tap-summary.py

clean:
	rm -rf build

-include tests/host/host.mk
-include tests/fuzz/fuzz.mk
