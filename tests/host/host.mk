# SPDX-License-Identifier: MIT
# Host unit tests of lib/ and of the host tools (included at the end of the
# top-level Makefile).
#   make check       build into build/host/, run, then "N passed, N failed"
#   make check-tap   the same without the summary (`make test` counts itself)
#
# lib/*.c is built for the host with host_rename.h forced in, so memcpy,
# snprintf, ... become scion_memcpy, scion_snprintf, ... and leave the host
# libc alone. Test programs include only host headers and scion_api.h.

HOST_O := build/host
HOST_CC ?= gcc
HOST_SANITIZE := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
HOST_WARN := -Wall -Wextra -Werror -Wno-unused-parameter -Wno-sign-compare
# lib/ as the kernel sees it: freestanding, our headers first.
HOST_LIB_CFLAGS := -std=gnu11 -g -O1 -ffreestanding -fno-builtin $(HOST_WARN) \
	-DSCION_HOST -I$(SRC)/include -include $(SRC)/tests/host/host_rename.h \
	$(HOST_SANITIZE) -MMD -MP
# Test programs: ordinary hosted C; they compare with the host libc on purpose.
HOST_TEST_CFLAGS := -std=gnu11 -g -O1 $(HOST_WARN) -Wno-format-truncation \
	-Wno-format-overflow -I$(SRC)/tests/host $(HOST_SANITIZE) -MMD -MP
HOST_LDFLAGS := $(HOST_SANITIZE)

HOST_LIB_SRCS := $(wildcard lib/*.c)
HOST_LIB_OBJS := $(patsubst %.c,$(HOST_O)/%.o,$(HOST_LIB_SRCS)) $(HOST_O)/tests/host/lib_glue.o
HOST_TESTS := $(patsubst tests/host/%.c,$(HOST_O)/tests/%,$(wildcard tests/host/test_*.c))
# Tests of the host tools, run as they are (TAP on stdout).
HOST_SCRIPT_TESTS := $(wildcard tests/host/test_*.py)
HOST_ALLFLAGS := $(HOST_CC) | $(HOST_LIB_CFLAGS) | $(HOST_TEST_CFLAGS) | $(HOST_LDFLAGS)

# Silent under `make -s` (as `make test` calls check-tap), quiet otherwise.
host_quiet = $(if $(findstring s,$(firstword -$(MAKEFLAGS))),@true,$(quiet))

.PHONY: check check-tap host-tests
.SECONDARY: $(addsuffix .o,$(HOST_TESTS))
host-tests: $(HOST_TESTS)

# A failed build is itself reported as a failing test, so that a summary
# over everything (tools/tap-summary.py) cannot mistake it for success.
check check-tap:
	$(Q)$(MAKE) --no-print-directory host-tests || \
		{ echo 'not ok 1 - host tests: build failed'; exit 1; }
	$(Q)$(PYTHON) tests/host/run.py $(if $(filter check-tap,$@),--tap) $(HOST_TESTS) \
		$(HOST_SCRIPT_TESTS)

$(HOST_O)/.flags: FORCE
	@mkdir -p $(HOST_O)
	@echo '$(HOST_ALLFLAGS)' | cmp -s - $@ || echo '$(HOST_ALLFLAGS)' > $@

$(HOST_O)/lib/%.o: lib/%.c $(HOST_O)/.flags
	$(host_quiet) HOSTCC $<
	@mkdir -p $(dir $@)
	$(Q)$(HOST_CC) $(HOST_LIB_CFLAGS) -c $< -o $@

$(HOST_O)/tests/host/lib_glue.o: tests/host/lib_glue.c $(HOST_O)/.flags
	$(host_quiet) HOSTCC $<
	@mkdir -p $(dir $@)
	$(Q)$(HOST_CC) $(HOST_LIB_CFLAGS) -c $< -o $@

$(HOST_O)/libscion.a: $(HOST_LIB_OBJS)
	$(host_quiet) AR $@
	$(Q)rm -f $@ && ar rcs $@ $^

$(HOST_O)/tests/%.o: tests/host/%.c $(HOST_O)/.flags
	$(host_quiet) HOSTCC $<
	@mkdir -p $(dir $@)
	$(Q)$(HOST_CC) $(HOST_TEST_CFLAGS) -c $< -o $@

$(HOST_O)/tests/test_%: $(HOST_O)/tests/test_%.o $(HOST_O)/libscion.a
	$(host_quiet) HOSTLD $@
	$(Q)$(HOST_CC) $(HOST_LDFLAGS) -o $@ $< $(HOST_O)/libscion.a

# The module loader's pure half, once per arch, for test_module (x86_64)
# and test_module_s390x (tests/host/module_glue.c). The ELF headers are
# the host's byte order either way; only the fields that s390x's
# relocations write are big-endian, as its code writes them byte by byte.
HOST_MODULE_SRCS = kernel/module/elf_check.c kernel/module/layout.c kernel/module/modinfo.c \
	arch/$(1)/module.c tests/host/module_glue.c
HOST_MODULE_OBJS = $(patsubst %.c,$(HOST_O)/$(1)/%.o,$(call HOST_MODULE_SRCS,$(1)))
HOST_MODULE_MACHINE_x86_64 := EM_X86_64
HOST_MODULE_MACHINE_s390x := EM_S390

define host_module_rules
$$(call HOST_MODULE_OBJS,$(1)): $$(HOST_O)/$(1)/%.o: %.c $$(HOST_O)/.flags
	$$(host_quiet) HOSTCC $$<
	@mkdir -p $$(dir $$@)
	$$(Q)$$(HOST_CC) $$(HOST_LIB_CFLAGS) -I$$(SRC)/arch/$(1)/include -DSCION_ARCH='"$(1)"' \
		-DHOST_MODULE_MACHINE=$$(HOST_MODULE_MACHINE_$(1)) -c $$< -o $$@
endef
$(eval $(call host_module_rules,x86_64))
$(eval $(call host_module_rules,s390x))

$(HOST_O)/tests/test_module: $(HOST_O)/tests/test_module.o $(call HOST_MODULE_OBJS,x86_64) \
		$(HOST_O)/libscion.a
	$(host_quiet) HOSTLD $@
	$(Q)$(HOST_CC) $(HOST_LDFLAGS) -o $@ $^

$(HOST_O)/tests/test_module_s390x: $(HOST_O)/tests/test_module_s390x.o \
		$(call HOST_MODULE_OBJS,s390x) $(HOST_O)/libscion.a
	$(host_quiet) HOSTLD $@
	$(Q)$(HOST_CC) $(HOST_LDFLAGS) -o $@ $^

-include $(wildcard $(HOST_O)/lib/*.d $(HOST_O)/tests/*.d $(HOST_O)/tests/host/*.d \
	$(HOST_O)/*/kernel/module/*.d $(HOST_O)/*/arch/*/*.d $(HOST_O)/*/tests/host/*.d)
