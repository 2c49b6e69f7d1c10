# SPDX-License-Identifier: MIT
# The rest of Linux's test-sysfs.sh (its first case, "sysfs test", is
# livepatch.py's livepatch_sysfs): <object>/patched as the module comes and
# goes [Linux 6.1], the replace file [6.11], and stack_order renumbering
# when a patch in the middle leaves [6.14]. Same steps and transcripts as
# the script, on both arches.

from scenario import check_output, scenario, scenario_helpers

_lp = scenario_helpers("livepatch")
_cb = scenario_helpers("livepatch_callbacks")
LP_SYSFS, std_enable, std_disable = _lp.LP_SYSFS, _lp.std_enable, _lp.std_disable
selftest, DEMO, MOD, VMLINUX = _cb.selftest, _cb.DEMO, _cb.MOD, _cb.VMLINUX

LP, REPLACE, SYSCALL = "test_klp_livepatch", "test_klp_atomic_replace", "test_klp_syscall"


def check_sysfs(m, rel, rights, value):
    """functions.sh check_sysfs_rights + check_sysfs_value."""
    path = "%s/%s" % (LP_SYSFS, rel)
    check_output("ls -l " + path, m.cmd("ls -l " + path), must=[r"\A%s " % rights])
    check_output("cat " + path, m.cmd("cat " + path), must=[r"\A%s\n\Z" % value])


@scenario()
def livepatch_sysfs_object_patched(m):
    """test-sysfs.sh "sysfs test object/patched": a module object's patched
    file is 0 while its module is absent, 1 once it loads and is patched,
    0 again after it is removed; the patch stays enabled throughout."""
    t = selftest(m, [DEMO, MOD])
    t.start_test()
    t.load_lp(DEMO)
    rel = "%s/%s/patched" % (DEMO, MOD)
    check_sysfs(m, rel, r"-r--r--r--", 0)
    _cb.load_mod(t, MOD)
    check_sysfs(m, rel, r"-r--r--r--", 1)
    t.unload_mod(MOD)
    check_sysfs(m, rel, r"-r--r--r--", 0)
    check_sysfs(m, "%s/vmlinux/patched" % DEMO, r"-r--r--r--", 1)
    check_sysfs(m, "%s/enabled" % DEMO, r"-rw-r--r--", 1)
    t.disable_lp(DEMO)
    t.unload_mod(DEMO)
    t.check_result(_cb.enable(VMLINUX) + _cb.coming() + _cb.going() + _cb.disable(VMLINUX))
    m.poweroff()


@scenario()
def livepatch_sysfs_replace(m):
    """test-sysfs.sh "sysfs test replace enabled" and "... disabled": the
    replace file shows the patch's replace flag, read-only."""
    t = selftest(m, [REPLACE])
    for value in (1, 0):
        t.start_test()
        t.load_lp(REPLACE, "replace=%d" % value)
        check_sysfs(m, "%s/replace" % REPLACE, r"-r--r--r--", value)
        check_output("read-only", m.cmd("echo 1 > %s/%s/replace" % (LP_SYSFS, REPLACE)),
                     must=[r"Permission denied$"])
        t.disable_lp(REPLACE)
        t.unload_mod(REPLACE)
        t.check_result(std_enable(REPLACE) + std_disable(REPLACE))
    m.poweroff()


@scenario()
def livepatch_sysfs_stack_order(m):
    """test-sysfs.sh "sysfs test stack_order value": three patches are 1, 2
    and 3 in the order they were enabled; when the middle one is disabled
    and removed, the first stays 1 and the last becomes 2."""
    t = selftest(m, [LP, DEMO, SYSCALL])
    t.start_test()
    t.load_lp(LP)
    check_sysfs(m, "%s/stack_order" % LP, r"-r--r--r--", 1)
    t.load_lp(DEMO)
    check_sysfs(m, "%s/stack_order" % DEMO, r"-r--r--r--", 2)
    t.load_lp(SYSCALL)
    check_sysfs(m, "%s/stack_order" % SYSCALL, r"-r--r--r--", 3)
    t.disable_lp(DEMO)
    t.unload_mod(DEMO)
    check_sysfs(m, "%s/stack_order" % LP, r"-r--r--r--", 1)
    check_sysfs(m, "%s/stack_order" % SYSCALL, r"-r--r--r--", 2)
    t.disable_lp(SYSCALL)
    t.unload_mod(SYSCALL)
    check_sysfs(m, "%s/stack_order" % LP, r"-r--r--r--", 1)
    t.disable_lp(LP)
    t.unload_mod(LP)
    t.check_result(std_enable(LP) + _cb.enable(VMLINUX) + std_enable(SYSCALL) +
                   _cb.disable(VMLINUX) + std_disable(SYSCALL) + std_disable(LP))
    m.poweroff()
