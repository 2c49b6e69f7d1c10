# SPDX-License-Identifier: MIT
# Ports of Linux's test-callbacks.sh (tools/testing/selftests/livepatch):
# every case, with the same modules (test_klp_callbacks_demo, _demo2,
# _mod, _busy) and the same kernel log transcript. The "target module not
# present" and the plain "pre-patch callback -ENODEV" cases without a
# target are livepatch.py's livepatch_callbacks_vmlinux and
# livepatch_callbacks_pre_patch_fails; here the -ENODEV case is the
# script's own, with the target loaded. Both arches (livepatch.py's
# Selftest puts the modules in /lib/modules).

from machine import ConsoleError
from scenario import check_output, scenario, scenario_helpers

_lp = scenario_helpers("livepatch")
_mods = scenario_helpers("livepatch_modules")
LP_SYSFS, selftest = _lp.LP_SYSFS, _mods.selftest

DEMO, DEMO2 = "test_klp_callbacks_demo", "test_klp_callbacks_demo2"
MOD, BUSY = "test_klp_callbacks_mod", "test_klp_callbacks_busy"

LIVE = "[MODULE_STATE_LIVE] Normal state"
COMING = "[MODULE_STATE_COMING] Full formed, running module_init"
GOING = "[MODULE_STATE_GOING] Going away"


def cb(callback, obj="vmlinux", state=None, patch=DEMO):
    """test_klp_callbacks_demo: pre_patch_callback: <object>[ -> <state>]"""
    where = obj if state is None else "%s -> %s" % (obj, state)
    return "%s: %s_callback: %s" % (patch, callback, where)


def lp(patch, what):
    return "livepatch: '%s': %s" % (patch, what)


def enable(objs, patch=DEMO):
    """A patch's enabling; objs: (name, state) of each loaded object, in array order."""
    return (["livepatch: enabling patch '%s'" % patch,
             lp(patch, "initializing patching transition")] +
            [cb("pre_patch", o, s, patch) for o, s in objs] +
            [lp(patch, "starting patching transition"),
             lp(patch, "completing patching transition")] +
            [cb("post_patch", o, s, patch) for o, s in objs] +
            [lp(patch, "patching complete")])


def disable(objs, patch=DEMO):
    return ([lp(patch, "initializing unpatching transition")] +
            [cb("pre_unpatch", o, s, patch) for o, s in objs] +
            [lp(patch, "starting unpatching transition"),
             lp(patch, "completing unpatching transition")] +
            [cb("post_unpatch", o, s, patch) for o, s in objs] +
            [lp(patch, "unpatching complete")])


VMLINUX = [("vmlinux", None)]


def mod_init(mod=MOD):
    return "%s: %s_init" % (mod, mod)


def mod_exit(mod=MOD):
    return "%s: %s_exit" % (mod, mod)


def coming(mod=MOD):
    """The target loads under an enabled patch: patched before its init runs."""
    return ["livepatch: applying patch '%s' to loading module '%s'" % (DEMO, mod),
            cb("pre_patch", mod, COMING), cb("post_patch", mod, COMING), mod_init(mod)]


def going(mod=MOD):
    """The target leaves: reverted after its exit ran."""
    return [mod_exit(mod), cb("pre_unpatch", mod, GOING),
            "livepatch: reverting patch '%s' on unloading module '%s'" % (DEMO, mod),
            cb("post_unpatch", mod, GOING)]


def load_mod(t, mod, params=""):
    """functions.sh load_mod: a module that is not a livepatch; insmod must work."""
    out = t.m.cmd(("insmod %s %s" % (t.paths[mod], params)).strip())
    if "ERROR" in out:
        raise ConsoleError("insmod %s failed: %s" % (mod, out))


def patched(t, obj, value, patch=DEMO):
    path = "%s/%s/%s/patched" % (LP_SYSFS, patch, obj)
    check_output(path, t.m.cmd("cat " + path), must=[r"\A%d\n\Z" % value])


@scenario()
def livepatch_callbacks_target_before(m):
    """test-callbacks.sh "target module before livepatch": the patch's
    callbacks run for the kernel and the loaded module, in array order."""
    t = selftest(m, [MOD, DEMO])
    t.start_test()
    load_mod(t, MOD)
    t.load_lp(DEMO)
    patched(t, MOD, 1)
    t.disable_lp(DEMO)
    t.unload_mod(DEMO)
    t.unload_mod(MOD)
    both = VMLINUX + [(MOD, LIVE)]
    t.check_result([mod_init()] + enable(both) + disable(both) + [mod_exit()])
    m.poweroff()


@scenario()
def livepatch_callbacks_module_coming(m):
    """test-callbacks.sh "module_coming notifier": a target loaded under the
    patch is patched, with both patch callbacks, before its init runs."""
    t = selftest(m, [MOD, DEMO])
    t.start_test()
    t.load_lp(DEMO)
    patched(t, MOD, 0)
    load_mod(t, MOD)
    patched(t, MOD, 1)
    t.disable_lp(DEMO)
    t.unload_mod(DEMO)
    t.unload_mod(MOD)
    t.check_result(enable(VMLINUX) + coming() + disable(VMLINUX + [(MOD, LIVE)]) + [mod_exit()])
    m.poweroff()


@scenario()
def livepatch_callbacks_module_going(m):
    """test-callbacks.sh "module_going notifier": the target leaves first;
    it is reverted after its exit, and the patch's disabling then has only
    the kernel object left."""
    t = selftest(m, [MOD, DEMO])
    t.start_test()
    load_mod(t, MOD)
    t.load_lp(DEMO)
    t.unload_mod(MOD)
    patched(t, MOD, 0)
    t.disable_lp(DEMO)
    t.unload_mod(DEMO)
    t.check_result([mod_init()] + enable(VMLINUX + [(MOD, LIVE)]) + going() + disable(VMLINUX))
    m.poweroff()


@scenario()
def livepatch_callbacks_coming_and_going(m):
    """test-callbacks.sh "module_coming and module_going notifiers"."""
    t = selftest(m, [MOD, DEMO])
    t.start_test()
    t.load_lp(DEMO)
    load_mod(t, MOD)
    t.unload_mod(MOD)
    t.disable_lp(DEMO)
    t.unload_mod(DEMO)
    t.check_result(enable(VMLINUX) + coming() + going() + disable(VMLINUX))
    m.poweroff()


@scenario()
def livepatch_callbacks_pre_patch_enodev(m):
    """test-callbacks.sh "pre-patch callback -ENODEV": the kernel object's
    pre_patch refuses, so the module object's is never called, nothing
    gets post_unpatch, and insmod says "No such device"."""
    t = selftest(m, [MOD, DEMO])
    t.start_test()
    load_mod(t, MOD)
    check_output("insmod", t.load_failing_mod(DEMO, "pre_patch_ret=-19"),
                 must=[r"^insmod: ERROR: could not insert module \S+: No such device$"])
    check_output("nothing left", m.cmd("ls %s" % LP_SYSFS), must=[r"\A\Z"])
    check_output("lsmod", m.cmd("lsmod"), must_not=[r"^%s " % DEMO])
    t.unload_mod(MOD)
    t.check_result([
        mod_init(),
        "livepatch: enabling patch '%s'" % DEMO,
        lp(DEMO, "initializing patching transition"),
        cb("pre_patch"),
        "livepatch: pre-patch callback failed for object 'vmlinux'",
        "livepatch: failed to enable patch '%s'" % DEMO,
        lp(DEMO, "canceling patching transition, going to unpatch"),
        lp(DEMO, "completing unpatching transition"),
        lp(DEMO, "unpatching complete"),
        mod_exit()])
    m.poweroff()


@scenario()
def livepatch_callbacks_coming_pre_patch_fails(m):
    """test-callbacks.sh "module_coming + pre-patch callback -ENODEV": the
    patch's pre_patch refuses the coming module, so the module is refused
    (its init never runs) and the patch stays, for the kernel only."""
    t = selftest(m, [MOD, DEMO])
    t.start_test()
    t.load_lp(DEMO)
    param = "/sys/module/%s/parameters/pre_patch_ret" % DEMO
    check_output(param, m.cmd("echo -19 > " + param), must=[r"\A\Z"])
    check_output(param, m.cmd("cat " + param), must=[r"\A-19\n\Z"])
    check_output("insmod", t.load_failing_mod(MOD),
                 must=[r"^insmod: ERROR: could not insert module \S+: No such device$"])
    check_output("lsmod", m.cmd("lsmod"), must_not=[r"^%s " % MOD])
    patched(t, MOD, 0)
    t.disable_lp(DEMO)
    t.unload_mod(DEMO)
    t.check_result(enable(VMLINUX) + [
        "livepatch: applying patch '%s' to loading module '%s'" % (DEMO, MOD),
        cb("pre_patch", MOD, COMING),
        "livepatch: pre-patch callback failed for object '%s'" % MOD,
        "livepatch: patch '%s' failed for module '%s', refusing to load module '%s'"
        % (DEMO, MOD, MOD)] + disable(VMLINUX))
    m.poweroff()


@scenario()
def livepatch_callbacks_multiple_targets(m):
    """test-callbacks.sh "multiple target modules": the busy module (not
    blocking) is there before the patch, the other one comes and goes."""
    t = selftest(m, [BUSY, MOD, DEMO])
    t.start_test()
    load_mod(t, BUSY, "block_transition=N")
    t.load_lp(DEMO)
    load_mod(t, MOD)
    t.unload_mod(MOD)
    t.disable_lp(DEMO)
    t.unload_mod(DEMO)
    t.unload_mod(BUSY)
    with_busy = VMLINUX + [(BUSY, LIVE)]
    t.check_result([mod_init(BUSY), "%s: busymod_work_func enter" % BUSY,
                    "%s: busymod_work_func exit" % BUSY] +
                   enable(with_busy) + coming() + going() + disable(with_busy) +
                   [mod_exit(BUSY)])
    m.poweroff()


@scenario()
def livepatch_callbacks_busy_target(m):
    """test-callbacks.sh "busy target module": a kworker sleeps in
    busymod_work_func, so the patching transition stalls; a module coming
    meanwhile gets pre_patch but no post_patch, and going, no pre_unpatch;
    writing 0 to enabled reverses the transition, which completes at once
    (the kworker never switched), with post_unpatch and no pre_unpatch."""
    t = selftest(m, [BUSY, MOD, DEMO])
    t.start_test()
    load_mod(t, BUSY, "block_transition=Y")
    t.load_lp_nowait(DEMO)
    d = "%s/%s" % (LP_SYSFS, DEMO)
    check_output("transition", m.cmd("cat %s/transition" % d), must=[r"\A1\n\Z"])
    load_mod(t, MOD)
    patched(t, MOD, 1)
    check_output("still stalled", m.cmd("cat %s/transition" % d), must=[r"\A1\n\Z"])
    t.unload_mod(MOD)
    check_output("disable", m.cmd("echo 0 > %s/enabled" % d), must=[r"\A\Z"])
    t.poll("ls %s" % LP_SYSFS, r"\A\Z", "removal of " + DEMO)
    t.unload_mod(DEMO)
    t.unload_mod(BUSY)
    t.check_result([
        mod_init(BUSY), "%s: busymod_work_func enter" % BUSY,
        "livepatch: enabling patch '%s'" % DEMO,
        lp(DEMO, "initializing patching transition"),
        cb("pre_patch"), cb("pre_patch", BUSY, LIVE),
        lp(DEMO, "starting patching transition"),
        "livepatch: applying patch '%s' to loading module '%s'" % (DEMO, MOD),
        cb("pre_patch", MOD, COMING),
        mod_init(),
        mod_exit(),
        "livepatch: reverting patch '%s' on unloading module '%s'" % (DEMO, MOD),
        cb("post_unpatch", MOD, GOING),
        lp(DEMO, "reversing transition from patching to unpatching"),
        lp(DEMO, "starting unpatching transition"),
        lp(DEMO, "completing unpatching transition"),
        cb("post_unpatch"), cb("post_unpatch", BUSY, LIVE),
        lp(DEMO, "unpatching complete"),
        "%s: busymod_work_func exit" % BUSY, mod_exit(BUSY)])
    m.poweroff()


@scenario()
def livepatch_callbacks_multiple_livepatches(m):
    """test-callbacks.sh "multiple livepatches": each patch runs its own
    callbacks, the second one's under its own name."""
    t = selftest(m, [DEMO, DEMO2])
    t.start_test()
    t.load_lp(DEMO)
    t.load_lp(DEMO2)
    t.disable_lp(DEMO2)
    t.disable_lp(DEMO)
    t.unload_mod(DEMO2)
    t.unload_mod(DEMO)
    t.check_result(enable(VMLINUX) + enable(VMLINUX, DEMO2) +
                   disable(VMLINUX, DEMO2) + disable(VMLINUX))
    m.poweroff()


@scenario()
def livepatch_callbacks_atomic_replace(m):
    """test-callbacks.sh "atomic replace": demo2 with replace=1 takes over;
    demo leaves without any of its unpatch callbacks, and its module can
    be removed without being disabled."""
    t = selftest(m, [DEMO, DEMO2])
    t.start_test()
    t.load_lp(DEMO)
    t.load_lp(DEMO2, "replace=1")
    t.poll("ls %s" % LP_SYSFS, r"\A%s\n\Z" % DEMO2, "only %s left" % DEMO2)
    check_output("replace", m.cmd("cat %s/%s/replace" % (LP_SYSFS, DEMO2)), must=[r"\A1\n\Z"])
    t.disable_lp(DEMO2)
    t.unload_mod(DEMO2)
    t.unload_mod(DEMO)
    got = t.transcript()
    if any(line.startswith(DEMO + ": pre_unpatch") or line.startswith(DEMO + ": post_unpatch")
           for line in got):
        raise ConsoleError("the replaced patch's unpatch callbacks ran: %r" % got)
    t.check_result(enable(VMLINUX) + enable(VMLINUX, DEMO2) + disable(VMLINUX, DEMO2))
    m.poweroff()


@scenario()
def livepatch_callbacks_busy_target_completes(m):
    """Scion's own, next to "busy target module": the same stalled
    transition with a module coming meanwhile (pre_patch only), but
    resolved by unblocking the kworker (block_transition=N) instead of a
    reversal: the next retry completes it, and post_patch runs then for
    every loaded object, the one that came during the transition included
    (now LIVE). Disabling runs all four unpatch callbacks for the three."""
    t = selftest(m, [BUSY, MOD, DEMO])
    t.start_test()
    load_mod(t, BUSY, "block_transition=Y")
    t.load_lp_nowait(DEMO)
    d = "%s/%s" % (LP_SYSFS, DEMO)
    check_output("transition", m.cmd("cat %s/transition" % d), must=[r"\A1\n\Z"])
    load_mod(t, MOD)
    check_output("still stalled", m.cmd("cat %s/transition" % d), must=[r"\A1\n\Z"])
    if any("post_patch" in line for line in t.transcript()):
        raise ConsoleError("post_patch ran during the transition: %r" % t.transcript())
    param = "/sys/module/%s/parameters/block_transition" % BUSY
    check_output(param, m.cmd("echo N > " + param), must=[r"\A\Z"])
    t.wait_transition(DEMO)
    check_output("enabled", m.cmd("cat %s/enabled" % d), must=[r"\A1\n\Z"])
    patched(t, BUSY, 1)
    patched(t, MOD, 1)
    t.disable_lp(DEMO)
    t.unload_mod(DEMO)
    t.unload_mod(MOD)
    t.unload_mod(BUSY)
    three = VMLINUX + [(MOD, LIVE), (BUSY, LIVE)]
    t.check_result([
        mod_init(BUSY), "%s: busymod_work_func enter" % BUSY,
        "livepatch: enabling patch '%s'" % DEMO,
        lp(DEMO, "initializing patching transition"),
        cb("pre_patch"), cb("pre_patch", BUSY, LIVE),
        lp(DEMO, "starting patching transition"),
        "livepatch: applying patch '%s' to loading module '%s'" % (DEMO, MOD),
        cb("pre_patch", MOD, COMING),
        mod_init(),
        "%s: busymod_work_func exit" % BUSY,
        lp(DEMO, "completing patching transition")] +
        [cb("post_patch", o, s) for o, s in three] +
        [lp(DEMO, "patching complete")] + disable(three) + [mod_exit(), mod_exit(BUSY)])
    m.poweroff()
