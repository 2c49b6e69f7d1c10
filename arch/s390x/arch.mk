# SPDX-License-Identifier: MIT
# s390x: the Debian cross toolchain (gcc-s390x-linux-gnu, binutils).
CROSS_COMPILE := s390x-linux-gnu-
ARCH_LD := $(CROSS_COMPILE)ld
# -mbackchain: every frame links to its caller's (the unwinder, stacktrace.c).
# -mstack-size/-mstack-guard: prologues trap when r15 enters the lowest
# page of a 32 KiB kernel stack (THREAD_SIZE; see asm/processor.h). Once
# arch_mm_init() has made that page invalid (mm.c), a frame's back-chain
# store faults there first; the check still covers boot before that.
# --param=min-pagesize=0: lowcore accesses at small constant addresses are
# not out-of-bounds accesses to gcc.
ARCH_CFLAGS := -m64 -march=z196 -mbackchain -msoft-float -mno-vx \
	-mstack-size=32768 -mstack-guard=4096 --param=min-pagesize=0
ARCH_ASFLAGS :=
# Modules are position-independent, as Linux builds them on s390
# (arch/s390/Makefile): data they do not define is reached through a GOT
# (GOTENT), which the loader builds with each module (module.c).
ARCH_MODULE_CFLAGS := -fPIC
ARCH_LDFLAGS = -nostdlib -static -z max-page-size=0x1000

ARCH_C_SRCS := $(wildcard arch/s390x/*.c)
ARCH_S_SRCS := $(filter-out %.lds.S,$(wildcard arch/s390x/*.S))
ARCH_OBJS := $(patsubst %.c,$(O)/%.o,$(ARCH_C_SRCS)) $(patsubst %.S,$(O)/%.o,$(ARCH_S_SRCS))

# QEMU loads the ELF itself: nothing to check or package after the link.
ARCH_POSTLINK = true
ARCH_ALL :=

# `make run` boots kernel.elf directly (tests/qemu/qemu_cmd.py has the command line)
# with the built modules and EXTRA_MODULES in /lib/modules, as x86_64's ISO
# has them: s390x has a single initrd, so they travel in a cpio archive
# that the kernel unpacks under their names.
RUN_FLAGS = --modules $(subst $(space),$(comma),$(strip $(MODULES_KO) $(EXTRA_MODULES)))
