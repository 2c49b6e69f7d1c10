# SPDX-License-Identifier: MIT
# User programs: a tiny libc (user/lib/) and one static ELF per user/*.c,
# built for $(ARCH) with Linux's system call ABI, then embedded into the
# kernel image as $(O)/user/programs.o (table: include/scion/embedded.h).
# Included by the top-level Makefile right after OBJS is defined, because
# the kernel.elf rule expands $(OBJS) when make reads it.
#
#   $(O)/user/<prog>       stripped binary, the one embedded
#   $(O)/user/<prog>.elf   with debug info, for gdb and objdump

UO := $(O)/user
USER_PROGS := $(sort $(basename $(notdir $(wildcard user/*.c))))
USER_BINS := $(addprefix $(UO)/,$(USER_PROGS))

# Load addresses: GNU ld's default for x86_64; on s390x above the first
# 256 MiB, below 2 GiB.
USER_BASE_x86_64 := 0x400000
USER_BASE_s390x := 0x10000000
USER_BASE := $(USER_BASE_$(ARCH))

# The kernel saves only the general registers on a switch, so user code
# must not touch FP/vector state either (x86_64 -mgeneral-regs-only,
# s390x -msoft-float).
USER_ARCH_CFLAGS_x86_64 := -m64 -mgeneral-regs-only -fno-omit-frame-pointer
USER_ARCH_CFLAGS_s390x := -march=z196 -msoft-float -mbackchain

USER_CC := $(CROSS_COMPILE)gcc
USER_AR := $(CROSS_COMPILE)ar
USER_OBJCOPY := $(CROSS_COMPILE)objcopy
USER_CFLAGS := -std=gnu11 -O2 -g -ffreestanding -nostdinc \
	-isystem $(shell $(USER_CC) -print-file-name=include) \
	-I$(SRC)/user/lib/include -I$(SRC)/user/lib/arch/$(ARCH) \
	-idirafter $(SRC)/arch/$(ARCH)/include -idirafter $(SRC)/include \
	-Wall -Wextra -Werror -fno-pie -fno-pic -fno-stack-protector \
	-fno-asynchronous-unwind-tables -fno-tree-loop-distribute-patterns \
	-MMD -MP $(USER_ARCH_CFLAGS_$(ARCH))
USER_LDFLAGS := -static -nostdlib -no-pie -Wl,-T,$(SRC)/user/user.lds \
	-Wl,-Ttext-segment=$(USER_BASE) -Wl,-z,max-page-size=0x1000 \
	-Wl,-z,noexecstack -Wl,-z,norelro -Wl,--build-id=none
USER_LIBGCC := $(shell $(USER_CC) -print-libgcc-file-name)

USER_CRT0 := $(UO)/lib/arch/$(ARCH)/crt0.o
# The kernel's freestanding lib/ serves user space too: string functions,
# vsnprintf and the error texts are the same code on both sides.
USER_SHARED_SRCS := lib/string.c lib/vsprintf.c lib/errno.c
USER_LIB_OBJS := $(patsubst user/%.c,$(UO)/%.o,$(wildcard user/lib/*.c)) \
	$(patsubst lib/%.c,$(UO)/shared/%.o,$(USER_SHARED_SRCS))

OBJS += $(UO)/programs.o

# A change of compiler, flags or program list rebuilds all of user/.
USER_ALLFLAGS := $(USER_CC) $(USER_CFLAGS) | $(USER_LDFLAGS) | $(USER_PROGS)
$(UO)/.flags: FORCE
	@mkdir -p $(UO)
	@echo '$(USER_ALLFLAGS)' | cmp -s - $@ || echo '$(USER_ALLFLAGS)' > $@

# These win over the kernel's $(O)/%.o rules: GNU make picks the pattern
# rule with the shorter stem.
$(UO)/%.o: user/%.c $(UO)/.flags
	$(quiet) UCC $<
	@mkdir -p $(dir $@)
	$(Q)$(USER_CC) $(USER_CFLAGS) -c $< -o $@

# lib/ sources see the kernel's include/ (linux/string.h ...), nothing else of it.
$(UO)/shared/%.o: lib/%.c $(UO)/.flags
	$(quiet) UCC $<
	@mkdir -p $(dir $@)
	$(Q)$(USER_CC) $(filter-out -I%,$(USER_CFLAGS)) -I$(SRC)/include -c $< -o $@

$(UO)/%.o: user/%.S $(UO)/.flags
	$(quiet) UAS $<
	@mkdir -p $(dir $@)
	$(Q)$(USER_CC) $(USER_CFLAGS) -D__ASSEMBLY__ -c $< -o $@

$(UO)/libc.a: $(USER_LIB_OBJS)
	$(quiet) AR $@
	$(Q)rm -f $@ && $(USER_AR) rcs $@ $^

$(addsuffix .elf,$(USER_BINS)): $(UO)/%.elf: $(UO)/%.o $(USER_CRT0) $(UO)/libc.a user/user.lds
	$(quiet) ULD $@
	$(Q)$(USER_CC) $(USER_CFLAGS) $(USER_LDFLAGS) -o $@ $(USER_CRT0) $< $(UO)/libc.a $(USER_LIBGCC)

$(USER_BINS): $(UO)/%: $(UO)/%.elf
	$(quiet) STRIP $@
	$(Q)$(USER_OBJCOPY) --strip-all $< $@

$(UO)/programs.S: user/gen-programs.sh $(UO)/.flags
	$(quiet) GEN $@
	$(Q)$(SHELL) user/gen-programs.sh $(UO) $(USER_PROGS) > $@

# .incbin is invisible to -MMD: the binaries are listed by hand.
$(UO)/programs.o: $(UO)/programs.S $(USER_BINS)
	$(quiet) AS $@
	$(Q)$(CC) $(KASFLAGS) -c $< -o $@

.PHONY: user
user: $(USER_BINS)
