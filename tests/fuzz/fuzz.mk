# SPDX-License-Identifier: MIT
# The module loader's fuzz target (included by the Makefile):
#   make fuzz [FUZZ_TIME=60]   build with clang's libFuzzer, ASan and UBSan,
#                              run for FUZZ_TIME seconds from the seed corpus
# Seeds: every x86_64 module the build makes, the broken-module corpus,
# and tests/fuzz/regress_*.bin, inputs that once found a bug (named after it). New inputs libFuzzer finds go to build/fuzz/corpus/ (kept between
# runs); a crash leaves build/fuzz/crash-<sha1>, which reproduces with
#   build/fuzz/fuzz_module build/fuzz/crash-<sha1>
# Results of the recorded runs are in README.md ("Modules").

#
# FUZZ_ARCH=s390x fuzzes arch/s390x/module.c (GOT, PLT, its relocation
# types) instead, in build/fuzz-s390x/: its ELF is in the host's byte
# order, as in tests/host/test_module_s390x.c, so the seeds are the same
# x86_64 modules with e_machine taken as s390x's (-DFUZZ_RETARGET).

FUZZ_ARCH ?= x86_64
FUZZ_O := build/fuzz$(if $(filter s390x,$(FUZZ_ARCH)),-s390x)
FUZZ_CC ?= clang
FUZZ_TIME ?= 60
FUZZ_MACHINE_x86_64 := EM_X86_64
FUZZ_MACHINE_s390x := EM_S390 -DFUZZ_RETARGET
FUZZ_SRCS := tests/fuzz/fuzz_module.c kernel/module/elf_check.c kernel/module/layout.c \
	kernel/module/modinfo.c arch/$(FUZZ_ARCH)/module.c $(wildcard lib/*.c)
FUZZ_CFLAGS := -std=gnu11 -g -O1 -ffreestanding -fno-builtin -DSCION_HOST \
	-DSCION_ARCH='"$(FUZZ_ARCH)"' -DFUZZ_MACHINE=$(FUZZ_MACHINE_$(FUZZ_ARCH)) \
	-I$(SRC)/include -I$(SRC)/arch/$(FUZZ_ARCH)/include \
	-include $(SRC)/tests/host/host_rename.h -Wall -Wno-unused-parameter -Wno-unknown-pragmas \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined

.PHONY: fuzz
$(FUZZ_O)/fuzz_module: $(FUZZ_SRCS) tests/fuzz/fuzz.mk $(wildcard include/linux/*.h kernel/module/*.h) \
		$(wildcard arch/$(FUZZ_ARCH)/include/asm/*.h)
	$(quiet) FUZZCC $@
	@mkdir -p $(dir $@)
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ $(FUZZ_SRCS)

fuzz: $(FUZZ_O)/fuzz_module
	$(Q)$(MAKE) --no-print-directory ARCH=x86_64 modules test-modules
	@mkdir -p $(FUZZ_O)/corpus $(FUZZ_O)/seeds
	$(Q)cp build/x86_64/modules/*.ko build/x86_64/tests/modules/*.ko \
		build/x86_64/tests/modules/broken/*.ko tests/fuzz/regress_*.bin $(FUZZ_O)/seeds/
	$(Q)cd $(FUZZ_O) && ./fuzz_module -max_total_time=$(FUZZ_TIME) -print_final_stats=1 \
		-max_len=65536 corpus seeds
