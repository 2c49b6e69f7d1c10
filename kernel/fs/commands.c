// SPDX-License-Identifier: MIT
/*
 * The shell's file commands: ls, cat, rm, mkdir, rmdir, with GNU
 * coreutils' messages ("cat: /nope: No such file or directory").
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <scion/shell.h>

/* Options: the letters in allowed, each setting its bit in *flags. Return: index of the first operand, or -1. */
static int parse_options(const char *cmd, int argc, char **argv, const char *allowed, unsigned int *flags)
{
	int i;
	const char *o, *at;

	*flags = 0;
	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "--"))
			return i + 1;
		for (o = argv[i] + 1; *o; o++) {
			at = strchr(allowed, *o);
			if (!at) {
				shell_eprintf("%s: invalid option -- '%c'\n", cmd, *o);
				return -1;
			}
			*flags |= 1u << (at - allowed);
		}
	}
	return i;
}

/* "drwxr-xr-x", "-rw-r--r--", "drwxrwxrwt" as ls -l prints them. */
static void mode_string(umode_t mode, char *s)
{
	static const char rwx[] = "rwxrwxrwx";
	int i;

	s[0] = S_ISDIR(mode) ? 'd' : S_ISLNK(mode) ? 'l' : '-';
	for (i = 0; i < 9; i++)
		s[i + 1] = (mode & (0400 >> i)) ? rwx[i] : '-';
	if (mode & S_ISUID)
		s[3] = (mode & S_IXUSR) ? 's' : 'S';
	if (mode & S_ISGID)
		s[6] = (mode & S_IXGRP) ? 's' : 'S';
	if (mode & S_ISVTX)
		s[9] = (mode & S_IXOTH) ? 't' : 'T';
	s[10] = 0;
}

#define LS_LONG 0x1
#define LS_ALL 0x2

struct ls_entry {
	char *name;
	struct kstat stat;
};

struct ls_list {
	struct ls_entry *v;
	int n, cap;
	unsigned int flags;
};

static int ls_collect(void *arg, const char *name, const struct kstat *stat)
{
	struct ls_list *l = arg;
	struct ls_entry *bigger;

	if (name[0] == '.' && !(l->flags & LS_ALL))
		return 0;
	if (l->n == l->cap) {
		bigger = krealloc(l->v, (l->cap * 2 + 16) * sizeof(*bigger), GFP_KERNEL);
		if (!bigger)
			return -ENOMEM;
		l->v = bigger;
		l->cap = l->cap * 2 + 16;
	}
	l->v[l->n].name = kstrdup(name, GFP_KERNEL);
	if (!l->v[l->n].name)
		return -ENOMEM;
	l->v[l->n++].stat = *stat;
	return 0;
}

static int ls_cmp(const void *a, const void *b)
{
	return strcmp(((const struct ls_entry *)a)->name, ((const struct ls_entry *)b)->name);
}

static void ls_print(const char *name, const struct kstat *stat, unsigned int flags)
{
	char mode[11];

	if (!(flags & LS_LONG)) {
		shell_printf("%s\n", name);
		return;
	}
	mode_string(stat->mode, mode);
	shell_printf("%s %2u root root %6lld %s\n", mode, stat->nlink, (long long)stat->size, name);
}

/* One operand: a file's own line, or a directory's entries in name order. */
static int ls_one(const char *path, unsigned int flags, bool header)
{
	struct ls_list list = { .flags = flags };
	struct kstat stat;
	int err, i;

	err = vfs_stat(path, &stat);
	if (err) {
		shell_eprintf("ls: cannot access '%s': %s\n", path, errno_text(err));
		return 2;
	}
	if (!S_ISDIR(stat.mode)) {
		ls_print(path, &stat, flags);
		return 0;
	}
	err = vfs_readdir(path, ls_collect, &list);
	if (err) {
		shell_eprintf("ls: cannot open directory '%s': %s\n", path, errno_text(err));
	} else {
		sort(list.v, list.n, sizeof(*list.v), ls_cmp, NULL);
		if (header)
			shell_printf("%s:\n", path);
		for (i = 0; i < list.n; i++)
			ls_print(list.v[i].name, &list.v[i].stat, flags);
	}
	for (i = 0; i < list.n; i++)
		kfree(list.v[i].name);
	kfree(list.v);
	return err ? 2 : 0;
}

static int cmd_ls(int argc, char **argv)
{
	unsigned int flags;
	int first = parse_options("ls", argc, argv, "lA", &flags), i, ret = 0;

	if (first < 0)
		return 2;
	if (first == argc)
		return ls_one("/", flags, false);
	for (i = first; i < argc; i++) {
		if (i > first && argc - first > 1)
			shell_printf("\n");
		ret |= ls_one(argv[i], flags, argc - first > 1);
	}
	return ret;
}
SHELL_COMMAND("ls", cmd_ls, "ls [-lA] [path...]",
	      "list directories (-l: mode, links, size; -A: names starting with '.' too)");

#define CAT_BUF_SIZE 4096

static int cat_one(const char *path, char *buf)
{
	struct file *file = filp_open(path, O_RDONLY, 0);
	ssize_t n;

	if (IS_ERR(file)) {
		shell_eprintf("cat: %s: %s\n", path, errno_text(PTR_ERR(file)));
		return 1;
	}
	while ((n = kernel_read(file, buf, CAT_BUF_SIZE, NULL)) > 0)
		shell_write(buf, n);
	filp_close(file);
	if (n < 0) {
		shell_eprintf("cat: %s: %s\n", path, errno_text(n));
		return 1;
	}
	return 0;
}

static int cmd_cat(int argc, char **argv)
{
	char *buf;
	int i, ret = 0;

	if (argc < 2)
		return shell_usage(shell_find("cat"));
	buf = kmalloc(CAT_BUF_SIZE, GFP_KERNEL);
	if (!buf) {
		shell_eprintf("cat: %s\n", errno_text(-ENOMEM));
		return 1;
	}
	for (i = 1; i < argc; i++)
		ret |= cat_one(argv[i], buf);
	kfree(buf);
	return ret;
}
SHELL_COMMAND("cat", cmd_cat, "cat path...", "print files");

static int cmd_rm(int argc, char **argv)
{
	unsigned int force;
	int first = parse_options("rm", argc, argv, "f", &force), i, err, ret = 0;

	if (first < 0)
		return 1;
	if (first == argc && !force)
		return shell_usage(shell_find("rm"));
	for (i = first; i < argc; i++) {
		err = vfs_unlink(argv[i]);
		if (err && !(force && err == -ENOENT)) {
			shell_eprintf("rm: cannot remove '%s': %s\n", argv[i], errno_text(err));
			ret = 1;
		}
	}
	return ret;
}
SHELL_COMMAND("rm", cmd_rm, "rm [-f] path...", "remove files (-f: missing ones are no error)");

/* mkdir -p: each ancestor, then path; existing directories are fine. */
static int mkdir_parents(char *path)
{
	struct kstat stat;
	char *p;
	int err;

	for (p = path + 1; *p; p++) {
		if (*p != '/' || p[-1] == '/')
			continue;
		*p = 0;
		err = vfs_mkdir(path, 0755);
		*p = '/';
		if (err && err != -EEXIST)
			return err;
	}
	err = vfs_mkdir(path, 0755);
	if (err == -EEXIST && !vfs_stat(path, &stat) && S_ISDIR(stat.mode))
		err = 0;
	return err;
}

static int cmd_mkdir(int argc, char **argv)
{
	unsigned int parents;
	int first = parse_options("mkdir", argc, argv, "p", &parents), i, err, ret = 0;

	if (first < 0)
		return 1;
	if (first == argc)
		return shell_usage(shell_find("mkdir"));
	for (i = first; i < argc; i++) {
		err = parents ? mkdir_parents(argv[i]) : vfs_mkdir(argv[i], 0755);
		if (err) {
			shell_eprintf("mkdir: cannot create directory '%s': %s\n", argv[i], errno_text(err));
			ret = 1;
		}
	}
	return ret;
}
SHELL_COMMAND("mkdir", cmd_mkdir, "mkdir [-p] path...", "make directories (-p: parents too, existing ones are fine)");

static int cmd_rmdir(int argc, char **argv)
{
	int i, err, ret = 0;

	if (argc < 2)
		return shell_usage(shell_find("rmdir"));
	for (i = 1; i < argc; i++) {
		err = vfs_rmdir(argv[i]);
		if (err) {
			shell_eprintf("rmdir: failed to remove '%s': %s\n", argv[i], errno_text(err));
			ret = 1;
		}
	}
	return ret;
}
SHELL_COMMAND("rmdir", cmd_rmdir, "rmdir path...", "remove empty directories");
