# SPDX-License-Identifier: MIT
# ftrace: the function tracer driven through /sys/kernel/tracing from the
# shell, as on Linux, while a user program makes system calls, on one
# chosen function and on every function. (The ftrace_ops and ftrace_tracer
# ktest suites run in ktest.py's scenarios.)

import os
import re

import qemu_cmd
from machine import ConsoleError
from scenario import check_output, scenario

TRACING = "/sys/kernel/tracing"
# The system call getpid-loop makes, under the arch's name (SYSCALL_DEFINE).
SYS_GETPID = {"x86_64": "__x64_sys_getpid", "s390x": "__s390x_sys_getpid"}
# "            comm-pid     [000] flags  secs.usecs: func <-parent"
TRACE_LINE = re.compile(r"^\s*(\S+)-(\d+)\s+\[000\] [d.][N.][0-9a-f.]\s+\d+\.\d{6}: (\S+) <-(\S+)$")


def module_path(arch, name):
    path = os.path.join(qemu_cmd.build_dir(arch), "modules", name + ".ko")
    if not os.path.exists(path):
        raise ConsoleError("%s.ko is not built (make ARCH=%s)" % (name, arch))
    return path


def background(m, command):
    out = m.cmd(command + " &")
    found = re.search(r"^\[(\d+)\]$", out, re.M)
    if not found:
        raise ConsoleError("%r did not start in the background: %r" % (command, out))
    return int(found.group(1))


def read_trace(m):
    """(entries in the buffer, entries written, [(comm, pid, func, parent)])."""
    out = m.cmd("cat %s/trace" % TRACING)
    head = re.search(r"^# entries-in-buffer/entries-written: (\d+)/(\d+)\s+#P:1$", out, re.M)
    if not head:
        raise ConsoleError("no entries header in trace:\n%s" % out[:500])
    events = []
    for line in out.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        found = TRACE_LINE.match(line)
        if not found:
            raise ConsoleError("bad trace line %r" % line)
        events.append((found.group(1), int(found.group(2)), found.group(3), found.group(4)))
    if len(events) != int(head.group(1)):
        raise ConsoleError("trace says %s entries but shows %d" % (head.group(1), len(events)))
    return int(head.group(1)), int(head.group(2)), events


@scenario()
def function_tracer_shows_user_syscalls(m):
    """The chosen function, and only it, appears in trace once per call
    while getpid-loop runs, as "getpid-loop-<pid> ... <func> <-do_syscall";
    nothing is added once current_tracer is nop again."""
    func = SYS_GETPID[m.arch]
    m.boot()
    m.wait_prompt()
    check_output("available_filter_functions", m.cmd("cat %s/available_filter_functions" % TRACING),
                 must=[r"^%s$" % func, r"^do_syscall$"],
                 must_not=[r"^ftrace_regs_dispatch$", r"^ftrace_regs_caller$", r"^arch_text_poke$"])
    m.cmd("echo 4 > %s/buffer_size_kb" % TRACING)
    m.cmd("echo %s > %s/set_ftrace_filter" % (func, TRACING))
    check_output("set_ftrace_filter", m.cmd("cat %s/set_ftrace_filter" % TRACING),
                 must=[r"\A%s\n\Z" % func])
    m.cmd("echo function > %s/current_tracer" % TRACING)
    check_output("current_tracer", m.cmd("cat %s/current_tracer" % TRACING), must=[r"\Afunction\n\Z"])
    pid = background(m, "getpid-loop")
    m.cmd("sleep 0.2")
    m.cmd("echo nop > %s/current_tracer" % TRACING)
    m.cmd("kill -9 %d" % pid)
    check_output("wait", m.cmd("wait"), must=[r"^\[%d\] killed by SIGKILL$" % pid])
    held, written, events = read_trace(m)
    if held < 10 or written < held:
        raise ConsoleError("expected a full buffer of getpid calls, got %d/%d" % (held, written))
    for comm, epid, efunc, parent in events:
        if (comm, epid, efunc, parent) != ("getpid-loop", pid, func, "do_syscall"):
            raise ConsoleError("unexpected event %s-%d %s <-%s" % (comm, epid, efunc, parent))
    # Stopped: another run adds nothing. `echo > trace` empties it.
    pid = background(m, "getpid-loop")
    m.cmd("sleep 0.1")
    m.cmd("kill -9 %d" % pid)
    m.cmd("wait")
    if read_trace(m)[:2] != (held, written):
        raise ConsoleError("trace changed after echo nop > current_tracer")
    m.cmd("echo > %s/trace" % TRACING)
    if read_trace(m)[:2] != (0, 0):
        raise ConsoleError("echo > trace did not empty the buffer")
    m.poweroff()


@scenario()
def tracing_files_refuse_bad_input(m):
    """Linux's errors for a tracer or a function that does not exist; a
    filter made with a glob and emptied with `echo >`."""
    func = SYS_GETPID[m.arch]
    m.boot()
    m.wait_prompt()
    check_output("bad tracer", m.cmd("echo blk > %s/current_tracer" % TRACING),
                 must=[r"^echo: write error: Invalid argument$"])
    check_output("bad function", m.cmd("echo no_such_function > %s/set_ftrace_filter" % TRACING),
                 must=[r"^echo: write error: Invalid argument$"])
    check_output("available_tracers", m.cmd("cat %s/available_tracers" % TRACING),
                 must=[r"\Afunction nop\n\Z"])
    m.cmd("echo '*sys_getpid' > %s/set_ftrace_filter" % TRACING)
    check_output("glob", m.cmd("cat %s/set_ftrace_filter" % TRACING), must=[r"\A%s\n\Z" % func])
    m.cmd("echo > %s/set_ftrace_filter" % TRACING)
    check_output("emptied", m.cmd("cat %s/set_ftrace_filter" % TRACING),
                 must=[r"\A#### all functions enabled ####\n\Z"])
    m.poweroff()


@scenario(timeout=300.0)
def tracing_every_function(m):
    """With an empty filter the tracer hooks every traceable function
    (several hundred sites patched at once) while the shell, processes,
    fork and exit run; everything keeps working and all of it is seen."""
    m.boot()
    m.wait_prompt()
    m.cmd("echo function > %s/current_tracer" % TRACING, timeout=60)
    check_output("fork-test", m.cmd("fork-test 4", timeout=120), must=[r"^fork-test: ok 4$"])
    check_output("ls", m.cmd("ls /bin", timeout=60), must=[r"^getpid-loop$"])
    m.cmd("echo nop > %s/current_tracer" % TRACING, timeout=60)
    held, written, events = read_trace(m)
    funcs = set(func for _, _, func, _ in events)
    comms = set(comm for comm, _, _, _ in events)
    if held < 1000 or len(funcs) < 50:
        raise ConsoleError("expected thousands of calls of many functions: %d/%d, %d functions"
                           % (held, written, len(funcs)))
    if "init" not in comms:
        raise ConsoleError("no event from the shell (init): %s" % sorted(comms))
    check_output("ktest", m.cmd("ktest ftrace_ops", timeout=120), must=[r"^ok 1 ftrace_ops$"])
    m.poweroff()


@scenario()
def function_tracer_traces_module_function(m):
    """A module's functions are traceable from its load to its unload:
    available_filter_functions lists them with " [demo]", the tracer sees
    demo_show called from a read of /proc/demo. After rmmod they are gone,
    from the list and from set_ftrace_filter, and the filter does not
    become "every function", nor catch the function of the reloaded
    module at the same address, until it is named again."""
    demo = module_path(m.arch, "demo")
    m.boot(modules=[demo])
    m.wait_prompt()
    path = qemu_cmd.guest_paths(m.arch, [demo])["demo.ko"]
    avail = "cat %s/available_filter_functions" % TRACING
    check_output("before", m.cmd(avail, timeout=60), must_not=[r"\[demo\]"])
    check_output("insmod", m.cmd("insmod " + path), must_not=[r"ERROR"])
    check_output("loaded", m.cmd(avail, timeout=60),
                 must=[r"^demo_show \[demo\]$", r"^demo_exit \[demo\]$",
                       r"^%s$" % SYS_GETPID[m.arch]])
    m.cmd("echo demo_show > %s/set_ftrace_filter" % TRACING)
    check_output("filter", m.cmd("cat %s/set_ftrace_filter" % TRACING),
                 must=[r"\Ademo_show \[demo\]\n\Z"])
    m.cmd("echo function > %s/current_tracer" % TRACING)
    m.cmd("cat /proc/demo")
    m.cmd("cat /proc/demo")
    events = [(func, parent) for _, _, func, parent in read_trace(m)[2]]
    if events != [("demo_show", "seq_read")] * 2:
        raise ConsoleError("expected two calls of demo_show from seq_read, got %r" % events)
    check_output("rmmod", m.cmd("rmmod demo"), must=[r"demo: unloaded$"])
    check_output("unloaded", m.cmd(avail, timeout=60), must_not=[r"\[demo\]"])
    check_output("filter after rmmod", m.cmd("cat %s/set_ftrace_filter" % TRACING), must=[r"\A\Z"])
    m.cmd("echo > %s/trace" % TRACING)
    check_output("reload", m.cmd("insmod " + path), must_not=[r"ERROR"])
    m.cmd("cat /proc/demo")
    held, written, _ = read_trace(m)
    if (held, written) != (0, 0):
        raise ConsoleError("a filter emptied by rmmod traced %d calls" % written)
    m.cmd("echo demo_show > %s/set_ftrace_filter" % TRACING)
    m.cmd("cat /proc/demo")
    events = [(func, parent) for _, _, func, parent in read_trace(m)[2]]
    if events != [("demo_show", "seq_read")]:
        raise ConsoleError("expected one call of demo_show once named again, got %r" % events)
    m.cmd("echo nop > %s/current_tracer" % TRACING)
    check_output("rmmod", m.cmd("rmmod demo"), must=[r"demo: unloaded$"])
    m.poweroff()


@scenario(timeout=300.0)
def function_tracer_all_functions_takes_module(m):
    """With an empty filter the tracer traces every function: a module
    loaded meanwhile joins at once (Linux: ftrace_module_enable()), and
    can be unloaded while its sites call the tracer."""
    demo = module_path(m.arch, "demo")
    m.boot(modules=[demo])
    m.wait_prompt()
    path = qemu_cmd.guest_paths(m.arch, [demo])["demo.ko"]
    m.cmd("echo 2048 > %s/buffer_size_kb" % TRACING)
    m.cmd("echo function > %s/current_tracer" % TRACING, timeout=60)
    check_output("insmod", m.cmd("insmod " + path, timeout=120), must_not=[r"ERROR"])
    m.cmd("cat /proc/demo", timeout=60)
    m.cmd("echo nop > %s/current_tracer" % TRACING, timeout=60)
    held, written, events = read_trace(m)
    if held != written or ("demo_show", "seq_read") not in [(f, p) for _, _, f, p in events]:
        raise ConsoleError("no whole trace with demo_show <-seq_read (%d/%d)" % (held, written))
    m.cmd("echo function > %s/current_tracer" % TRACING, timeout=60)
    check_output("rmmod", m.cmd("rmmod demo", timeout=60), must=[r"demo: unloaded$"])
    m.cmd("echo nop > %s/current_tracer" % TRACING, timeout=60)
    check_output("ktest", m.cmd("ktest ftrace_ops", timeout=120), must=[r"^ok 1 ftrace_ops$"])
    m.poweroff()
