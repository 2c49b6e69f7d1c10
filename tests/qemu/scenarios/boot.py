# SPDX-License-Identifier: MIT
# Booting and stopping: -kernel and GRUB boots reach the prompt once, and
# poweroff / reboot end QEMU.

import re

from machine import ConsoleError
from scenario import check_output, scenario

BANNER = re.compile(r"Scion version ")


def boot_to_prompt(m, **boot_args):
    """Boot, wait for the prompt, check the banner came exactly once."""
    m.boot(**boot_args)
    text = m.wait_prompt()
    banners = len(BANNER.findall(text))
    if banners != 1:
        raise ConsoleError("expected one 'Scion version' banner before the prompt, saw %d"
                           % banners)
    return text


@scenario()
def boot_poweroff(m):
    boot_to_prompt(m)
    m.poweroff()


@scenario(arches=("x86_64",), reason="s390x has no GRUB")
def boot_grub_iso(m):
    boot_to_prompt(m, iso=True)
    check_output("version", m.cmd("version"), must=[r"Scion version "])
    m.poweroff()


@scenario()
def reboot_exits(m):
    """With -no-reboot a reset ends QEMU (status 0) instead of booting again."""
    boot_to_prompt(m)
    m.sendline("reboot")
    status = m.wait_exit()
    if status != 0:
        raise ConsoleError("reboot: QEMU exit status %d, expected 0" % status)
