#!/bin/sh
# SPDX-License-Identifier: MIT
# Installs the Debian packages Scion needs to build, run and test, if any is
# missing. Shared by `make run`, `make test` and .ci/run. As root it runs
# apt-get; otherwise it prints the one command to run.
set -eu
PKGS="make gcc libc6-dev binutils nasm lld gcc-s390x-linux-gnu binutils-s390x-linux-gnu
grub-pc-bin grub-common xorriso mtools qemu-system-x86 qemu-system-misc gdb gdb-multiarch
lrzsz picocom python3"

missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "Scion needs these Debian packages:$missing"
	echo "Run: sudo apt-get install -y --no-install-recommends$missing"
	exit 1
fi
echo "Installing:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends $missing
