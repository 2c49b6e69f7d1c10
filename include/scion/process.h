/* SPDX-License-Identifier: MIT */
/* User processes: start, exec, wait, and their open files (kernel/exec.c, exit.c, sys_file.c). */
#ifndef _SCION_PROCESS_H
#define _SCION_PROCESS_H

#include <linux/types.h>

struct task_struct;

/*
 * Start path as a new user process, child of current, with argv (NULL
 * terminated); its fds 0-2 are the console. Returns the pid or -errno
 * (-ENOENT, -ENOEXEC, -ENOMEM ...) if the program cannot be loaded.
 * SPAWN_FOREGROUND: the child makes itself the console's foreground
 * process (Ctrl-C sends it SIGINT) before it first runs in user mode, so
 * no keystroke can fall between its start and the shell's wait (a shell
 * and its child both call tcsetpgrp() for the same reason).
 */
#define SPAWN_FOREGROUND 0x1
pid_t spawn_user_process(const char *path, const char *const argv[], unsigned int flags);

/* wait4 for kernel callers; status gets the wait status. */
long kernel_wait4(pid_t pid, int *status, int options, bool interruptible);

/* Replace current's user program (execve). argv is kernel memory. 0 or -errno. */
int exec_program(const char *path, const char *const argv[]);

/* Open files: the console on 0, 1, 2 (new process), copy (fork), close all (exit). */
int files_init_console(struct task_struct *p);
int files_copy(struct task_struct *child, struct task_struct *parent);
void files_release(struct task_struct *p);

/* Wait-status helpers, as Linux encodes them. */
#define WEXITSTATUS(s) (((s) >> 8) & 0xff)
#define WTERMSIG(s) ((s) & 0x7f)
#define WIFEXITED(s) (WTERMSIG(s) == 0)

#endif
