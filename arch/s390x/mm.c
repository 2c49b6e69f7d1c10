// SPDX-License-Identifier: MIT
/* s390x memory management: the kernel's view of storage (Linux: arch/s390/mm/init.c). */
#include <linux/kernel.h>
#include <arch.h>

/*
 * Nothing to switch to: the kernel runs with DAT off, so real storage is
 * its address space, the direct map is the identity (asm/page.h), and the
 * image runs where QEMU loaded it. What x86_64 gets from page tables:
 * - NULL writes fault through low-address protection (setup.c); reads of
 *   the lowcore at 0 cannot fault without DAT.
 * - Kernel stack overflows trap in function prologues (asm/processor.h).
 * - W^X for the image is not enforced: storage keys with a non-zero PSW
 *   key could make text read-only; not done yet. A later issue brings DAT
 *   for user address spaces.
 */
void arch_mm_init(void)
{
}
