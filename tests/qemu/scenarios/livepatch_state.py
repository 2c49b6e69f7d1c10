# SPDX-License-Identifier: MIT
# System states (klp_state, Linux 5.5): ports of Linux's test-state.sh,
# compared with Linux's transcript as livepatch.py does (whose Selftest
# helper these use), plus the compatibility rule against patches without
# states. The test modules change console_loglevel in their callbacks.

from scenario import check_output, scenario, scenario_helpers

_lp = scenario_helpers("livepatch")
LP_SYSFS = _lp.LP_SYSFS
# Booted, with the modules in the guest's /lib/modules.
selftest = scenario_helpers("livepatch_modules").selftest

MOD = "test_klp_state"
MOD2 = "test_klp_state2"
MOD3 = "test_klp_state3"
INCOMPATIBLE = ("livepatch: Livepatch patch (%s) is not compatible with the already "
                "installed livepatches.")


def enable_fresh(mod):
    """The patch sets the state up itself: no older patch has it."""
    return ["livepatch: enabling patch '%s'" % mod,
            "livepatch: '%s': initializing patching transition" % mod,
            "%s: pre_patch_callback: vmlinux" % mod,
            "%s: allocate_loglevel_state: allocating space to store console_loglevel" % mod,
            "livepatch: '%s': starting patching transition" % mod,
            "livepatch: '%s': completing patching transition" % mod,
            "%s: post_patch_callback: vmlinux" % mod,
            "%s: fix_console_loglevel: fixing console_loglevel" % mod,
            "livepatch: '%s': patching complete" % mod]


def disable_restoring(mod):
    """The patch undoes the state: no older patch is left to keep it."""
    return ["livepatch: '%s': initializing unpatching transition" % mod,
            "%s: pre_unpatch_callback: vmlinux" % mod,
            "%s: restore_console_loglevel: restoring console_loglevel" % mod,
            "livepatch: '%s': starting unpatching transition" % mod,
            "livepatch: '%s': completing unpatching transition" % mod,
            "%s: post_unpatch_callback: vmlinux" % mod,
            "%s: free_loglevel_state: freeing space for the stored console_loglevel" % mod,
            "livepatch: '%s': unpatching complete" % mod]


def loglevel(m):
    """console_loglevel, as the first field of /proc/sys/kernel/printk."""
    return m.cmd("cat /proc/sys/kernel/printk").split()[0]


@scenario()
def livepatch_state_modification(m):
    """test-state.sh "system state modification": the callbacks find the
    patch's own state with klp_get_state() (pre_patch fails without it),
    raise console_loglevel and put it back."""
    t = selftest(m, [MOD])
    before = loglevel(m)
    t.start_test()
    t.load_lp(MOD)
    check_output("console_loglevel while patched", loglevel(m), must=[r"\A15\Z"])
    t.disable_lp(MOD)
    check_output("console_loglevel restored", loglevel(m), must=[r"\A%s\Z" % before])
    t.unload_mod(MOD)
    t.check_result(enable_fresh(MOD) + disable_restoring(MOD))
    m.poweroff()


def enable_taking_over(mod):
    """The patch replaces one with the state and adopts its change (klp_get_prev_state())."""
    return ["livepatch: enabling patch '%s'" % mod,
            "livepatch: '%s': initializing patching transition" % mod,
            "%s: pre_patch_callback: vmlinux" % mod,
            "%s: allocate_loglevel_state: space to store console_loglevel already allocated"
            % mod,
            "livepatch: '%s': starting patching transition" % mod,
            "livepatch: '%s': completing patching transition" % mod,
            "%s: post_patch_callback: vmlinux" % mod,
            "%s: fix_console_loglevel: taking over the console_loglevel change" % mod,
            "livepatch: '%s': patching complete" % mod]


@scenario()
def livepatch_state_taking_over(m):
    """test-state.sh "taking over system state modification": version 2
    replaces version 1 and keeps its change; the replaced patch's module
    is removed without being disabled, and its callbacks never run."""
    t = selftest(m, [MOD, MOD2])
    before = loglevel(m)
    t.start_test()
    t.load_lp(MOD)
    t.load_lp(MOD2)
    t.unload_mod(MOD)
    check_output("console_loglevel kept", loglevel(m), must=[r"\A15\Z"])
    t.disable_lp(MOD2)
    check_output("console_loglevel restored", loglevel(m), must=[r"\A%s\Z" % before])
    t.unload_mod(MOD2)
    t.check_result(enable_fresh(MOD) + enable_taking_over(MOD2) + disable_restoring(MOD2))
    m.poweroff()


@scenario()
def livepatch_state_compatible(m):
    """test-state.sh "compatible cumulative livepatches": the same version
    replaces in either direction, each time taking the change over."""
    t = selftest(m, [MOD2, MOD3])
    t.start_test()
    t.load_lp(MOD2)
    t.load_lp(MOD3)
    t.unload_mod(MOD2)
    t.load_lp(MOD2)
    t.disable_lp(MOD2)
    t.unload_mod(MOD2)
    t.unload_mod(MOD3)
    t.check_result(enable_fresh(MOD2) + enable_taking_over(MOD3) + enable_taking_over(MOD2) +
                   disable_restoring(MOD2))
    m.poweroff()


@scenario()
def livepatch_state_incompatible(m):
    """test-state.sh "incompatible cumulative livepatches": version 1 of
    the state after version 2 is refused before anything is set up."""
    t = selftest(m, [MOD2, MOD])
    t.start_test()
    t.load_lp(MOD2)
    check_output("insmod", t.load_failing_mod(MOD), must=[r"Invalid parameters$"])
    check_output("not loaded", m.cmd("lsmod"), must_not=[r"^%s " % MOD])
    check_output("only the first", m.cmd("ls %s" % LP_SYSFS), must=[r"\A%s\n\Z" % MOD2])
    t.disable_lp(MOD2)
    t.unload_mod(MOD2)
    t.check_result(enable_fresh(MOD2) + [INCOMPATIBLE % MOD] + disable_restoring(MOD2))
    m.poweroff()


@scenario()
def livepatch_state_without_states(m):
    """A patch without the installed patch's state: accepted on top of
    it, refused as its replacement (replace=1)."""
    t = selftest(m, [MOD, "test_klp_livepatch", "test_klp_atomic_replace"])
    t.load_lp(MOD)
    t.start_test()
    check_output("insmod", t.load_failing_mod("test_klp_atomic_replace", "replace=1"),
                 must=[r"Invalid parameters$"])
    t.check_result([INCOMPATIBLE % "test_klp_atomic_replace"])
    t.load_lp("test_klp_livepatch")
    check_output("both", m.cmd("ls %s" % LP_SYSFS),
                 must=[r"\Atest_klp_livepatch\n%s\n\Z" % MOD])
    for mod in ("test_klp_livepatch", MOD):
        t.disable_lp(mod)
        t.unload_mod(mod)
    m.poweroff()
