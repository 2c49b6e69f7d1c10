#!/bin/sh
# SPDX-License-Identifier: MIT
# QEMU's multiboot1 loader copies kernel.elf raw from the header's file
# offset, so every file-backed PT_LOAD must keep (p_offset - p_paddr)
# constant. Fail the build if the linker broke that.
set -eu
elf=$1
delta=
readelf -lW "$elf" | while read -r type off vaddr paddr filesz rest; do
	[ "$type" = LOAD ] || continue
	[ $((filesz)) -gt 0 ] || continue
	d=$((off - paddr))
	if [ -n "$delta" ] && [ "$d" != "$delta" ]; then
		echo "$elf: PT_LOAD file offsets are not congruent with physical addresses" >&2
		exit 1
	fi
	delta=$d
done
