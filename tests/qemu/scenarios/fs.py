# SPDX-License-Identifier: MIT
# The namespace: ramfs, procfs, sysfs through the shell's ls/cat/rm/mkdir
# and `>` / `>>` redirection, with Linux's error wording.

from scenario import Script, Step

fs_errors = Script("fs_errors", [
    Step("cat /nope", must=[r"^cat: /nope: No such file or directory$"]),
    Step("ls /proc/cmdline/x", must=[r"^ls: cannot access '/proc/cmdline/x': Not a directory$"]),
    Step("rm /proc/cmdline", must=[r"^rm: cannot remove '/proc/cmdline': Operation not permitted$"]),
    Step("cat /proc", must=[r"^cat: /proc: Is a directory$"]),
    Step("rm /sys/kernel", must=[r"^rm: cannot remove '/sys/kernel': Is a directory$"]),
    Step("rmdir /tmp", must=[r"^rmdir: failed to remove '/tmp': Device or resource busy$"]),
    Step("mkdir /proc/foo", must=[r"^mkdir: cannot create directory '/proc/foo': Operation not permitted$"]),
    Step("ls -x", must=[r"^ls: invalid option -- 'x'$"]),
    Step("echo still alive", must=[r"^still alive$"]),
])

fs_ramfs_and_redirection = Script("fs_ramfs_and_redirection", [
    Step("ls -l /", must=[r"^drwxr-xr-x .* bin$", r"^dr-xr-xr-x .* proc$", r"^drwxrwxrwt .* tmp$"]),
    Step("echo hi > /tmp/a", must=[r"\A\Z"]),
    Step("echo more >> /tmp/a", must=[r"\A\Z"]),
    Step("cat /tmp/a", must=[r"\Ahi\nmore\n\Z"]),
    Step("mkdir /tmp/d", must=[r"\A\Z"]),
    Step("mkdir /tmp/d", must=[r"^mkdir: cannot create directory '/tmp/d': File exists$"]),
    Step("echo x > /nope/x", must=[r"^sh: /nope/x: No such file or directory$"]),
    Step("echo x >", must=[r"^sh: syntax error near unexpected token `newline'$"]),
    Step("rm /tmp/a", must=[r"\A\Z"]),
    Step("cat /tmp/a", must=[r"^cat: /tmp/a: No such file or directory$"]),
])

fs_proc_and_sys = Script("fs_proc_and_sys", [
    Step("cat /proc/cmdline", must=[r"^foo=bar$"]),
    Step("cat /proc/meminfo", must=[r"^MemTotal:\s+\d+ kB$", r"^MemFree:\s+\d+ kB$"]),
    Step("cat /proc/uptime", must=[r"^\d+\.\d\d \d+\.\d\d$"]),
    Step("cat /proc/1/status", must=[r"^Name:\tinit$", r"^Pid:\t1$"]),
    Step("cat /proc/1/patch_state", must=[r"^-1$"]),
    Step("ls -l /proc/1", must=[r"^-r-------- .* patch_state$", r"^-r-------- .* stack$",
                                r"^-r--r--r-- .* status$"]),
    Step("echo 1 > /sys/kernel/x", must=[r"^sh: /sys/kernel/x: Permission denied$"]),
    Step("echo abc > /proc/sys/kernel/tainted", must=[r"^echo: write error: Invalid argument$"]),
    Step("echo 1 > /proc/cmdline", must=[r"^echo: write error: Input/output error$"]),
    Step("cat /proc/sys/kernel/tainted", must=[r"^0$"]),
], cmdline="foo=bar")
