#!/bin/sh
# SPDX-License-Identifier: MIT
# Link kernel.elf with a symbol table of itself (Linux: scripts/link-vmlinux.sh).
#
# usage: LD=.. LDFLAGS=.. NM=.. CC=.. AFLAGS=.. [PYTHON=..] [V=1]
#        tools/link-kernel.sh <output> <linker script> <objects...>
#
# The table (tools/kallsyms.py, read by kernel/kallsyms.c) holds the address
# of every symbol, itself included, so it can only be made from a link that
# already has a table of the same size in the same place:
#
#   objects + empty table (.tmp_kallsyms0.o)
#      |
#      +-- LD --> .tmp_kernel1 -- nm --> .tmp_kernel1.syms
#                                            | kallsyms.py: right names and
#                                            | sizes, stale addresses
#   objects + .tmp_kallsyms1.o  <------------+
#      |
#      +-- LD --> .tmp_kernel2 -- nm --> .tmp_kernel2.syms
#                                            | kallsyms.py: the table has the
#                                            | same size as in pass 1, so
#                                            | nothing moved: right addresses
#   objects + .tmp_kallsyms2.o  <------------+
#      |
#      +-- LD --> kernel.elf ---- nm --> kernel.elf.syms
#
#   kernel.elf.syms == .tmp_kernel2.syms, or the build fails: the table in
#   kernel.elf would describe another layout ("Inconsistent kallsyms data").
#
# Linking .tmp_kallsyms1.o moves whatever follows the table (it grew from
# nothing); linking .tmp_kallsyms2.o moves nothing, because a table's
# layout depends only on how many symbols there are and on their names,
# never on an address (tools/kallsyms.py). Linux links a third time when
# the second link still moved something; here that cannot happen, so the
# final check fails the build if it ever does, rather than trying again.
set -eu

out=$1
lds=$2
shift 2
dir=$(dirname "$out")
: "${PYTHON:=/usr/bin/python3}"
: "${V:=0}"

# Quiet: "  LD      file" as the Makefile prints; V=1: the commands themselves.
info() {
	[ "$V" = 1 ] || printf '  %-7s %s\n' "$1" "$2"
}
# run <output file or -> <command...>: show it (with V=1), run it.
run() {
	to=$1
	shift
	if [ "$to" = - ]; then
		[ "$V" != 1 ] || echo "$*"
		"$@"
	else
		[ "$V" != 1 ] || echo "$* > $to"
		"$@" > "$to"
	fi
}

# kernel_link <output> <kallsyms object> <objects...>: the table goes last,
# so that it ends .rodata and moves as little as possible.
kernel_link() {
	elf=$1
	table=$2
	shift 2
	info LD "$elf"
	# shellcheck disable=SC2086 # LD and LDFLAGS are word lists
	run - $LD $LDFLAGS -T "$lds" -o "$elf" "$@" "$table"
}

# kernel_map <elf>: the symbol map tables are made from, and compared.
kernel_map() {
	# shellcheck disable=SC2086 # NM may carry options
	run "$1.syms" $NM -n -S "$1"
}

# kallsyms_object <n> [elf]: .tmp_kallsyms<n>.o from elf's map (none:
# empty); table_map remembers which map the table describes.
kallsyms_object() {
	src=$dir/.tmp_kallsyms$1.S
	if [ $# -gt 1 ]; then
		kernel_map "$2"
		table_map=$2.syms
		info KSYMS "$src"
		run "$src" "$PYTHON" tools/kallsyms.py --elf "$2" "$table_map"
	else
		info KSYMS "$src"
		run "$src" "$PYTHON" tools/kallsyms.py /dev/null
	fi
	info AS "${src%.S}.o"
	# shellcheck disable=SC2086 # AFLAGS is a word list
	run - $CC $AFLAGS -c -o "${src%.S}.o" "$src"
}

kallsyms_object 0
kernel_link "$dir/.tmp_kernel1" "$dir/.tmp_kallsyms0.o" "$@"

kallsyms_object 1 "$dir/.tmp_kernel1"
kernel_link "$dir/.tmp_kernel2" "$dir/.tmp_kallsyms1.o" "$@"

kallsyms_object 2 "$dir/.tmp_kernel2"
kernel_link "$out" "$dir/.tmp_kallsyms2.o" "$@"

# The table in $out describes $table_map: it must be $out's own map.
kernel_map "$out"
if ! cmp -s "$table_map" "$out.syms"; then
	echo "$out: Inconsistent kallsyms data: its symbols moved after" \
		"the table was made (diff -u $table_map $out.syms)" >&2
	exit 1
fi
