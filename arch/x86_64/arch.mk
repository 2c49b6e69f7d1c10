# SPDX-License-Identifier: MIT
# x86_64: native gcc, NASM for the 32->64-bit boot code, ld.lld by default.
CROSS_COMPILE :=
ARCH_LD := ld.lld
ARCH_CFLAGS := -m64 -mcmodel=kernel -mno-red-zone -mno-sse -mno-sse2 -mno-mmx \
	-mno-80387 -mgeneral-regs-only -fno-omit-frame-pointer -mno-omit-leaf-frame-pointer
ARCH_ASFLAGS :=
# Modules take the kernel's code model (-mcmodel=kernel): nothing more.
ARCH_MODULE_CFLAGS :=
# GNU ld warns about the low boot segment being RWX; lld does not know the switch.
ARCH_LDFLAGS = -nostdlib -static -z max-page-size=0x1000 \
	$(if $(findstring lld,$(LD)),,--no-warn-rwx-segments)
NASM := nasm

ARCH_C_SRCS := $(wildcard arch/x86_64/*.c)
ARCH_S_SRCS := $(filter-out %.lds.S,$(wildcard arch/x86_64/*.S))
ARCH_OBJS := $(O)/boot/boot.o $(patsubst %.c,$(O)/%.o,$(ARCH_C_SRCS)) \
	$(patsubst %.S,$(O)/%.o,$(ARCH_S_SRCS))

$(O)/boot/boot.o: boot/boot.asm $(O)/.flags
	$(quiet) NASM $<
	@mkdir -p $(dir $@)
	$(Q)$(NASM) -f elf64 -MD $(O)/boot/boot.d -MP -o $@ $<

# The same kernel.elf boots from GRUB (multiboot2) and from QEMU -kernel
# (multiboot1 a.out kludge); the latter copies the file raw, so the file
# offsets of all PT_LOADs must be congruent with their physical addresses.
ARCH_POSTLINK = $(SHELL) tools/check-phdrs.sh $@

ARCH_ALL := $(O)/scion.iso
iso: $(O)/scion.iso
# The modules (modules/modules.mk: ISO_MODULES) go in /boot/modules.
$(O)/scion.iso: $(O)/kernel.elf $(O)/grub.cfg
	$(quiet) ISO $@
	@rm -rf $(O)/iso && mkdir -p $(O)/iso/boot/grub $(O)/iso/boot/modules
	$(Q)cp $(O)/kernel.elf $(O)/iso/boot/kernel.elf
	$(Q)cp $(O)/grub.cfg $(O)/iso/boot/grub/grub.cfg
	$(Q)$(if $(strip $(ISO_MODULES)),cp $(ISO_MODULES) $(O)/iso/boot/modules/)
	$(Q)grub-mkrescue -o $@ $(O)/iso --install-modules="multiboot2 normal part_msdos iso9660 biosdisk" \
		--locales= --fonts= --themes= >$(O)/iso.log 2>&1 || { cat $(O)/iso.log; exit 1; }

# GRUB's configuration: boot/grub.cfg with one module2 line per module
# before its final `boot`; the kernel puts each module in /lib/modules
# under the name after the path.
$(O)/grub.cfg: boot/grub.cfg $(O)/.iso-modules
	$(quiet) GEN $@
	$(Q){ sed '/^boot$$/d' boot/grub.cfg; for m in $(ISO_MODULES); do b=$${m##*/}; \
		echo "module2 /boot/modules/$$b $$b"; done; echo boot; } > $@

# `make run` boots the GRUB ISO (tests mostly use the faster -kernel boot).
RUN_FLAGS := --iso
