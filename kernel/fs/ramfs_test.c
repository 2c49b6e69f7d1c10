// SPDX-License-Identifier: MIT
/* ktest suites for ramfs files and directories (fs_ramfs) and path walking (fs_path). */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <scion/ktest.h>
#include "internal.h"

#define DIR "/tmp/ktest_fs"

ssize_t fs_test_read(const char *path, char *buf, size_t size)
{
	struct file *file = filp_open(path, O_RDONLY, 0);
	size_t len = 0;
	ssize_t n = 0;

	if (IS_ERR(file))
		return PTR_ERR(file);
	while (len < size - 1 && (n = kernel_read(file, buf + len, size - 1 - len, NULL)) > 0)
		len += n;
	filp_close(file);
	buf[len] = 0;
	return n < 0 ? n : (ssize_t)len;
}

ssize_t fs_test_write(const char *path, const char *text, int flags)
{
	struct file *file = filp_open(path, O_WRONLY | flags, 0644);
	ssize_t n;

	if (IS_ERR(file))
		return PTR_ERR(file);
	n = kernel_write(file, text, strlen(text), NULL);
	filp_close(file);
	return n;
}

int fs_test_quiet(void)
{
	int level = console_loglevel;

	console_loglevel = LOGLEVEL_ERR;	/* pr_err and below stay in the log */
	return level;
}

void fs_test_loud(int level)
{
	console_loglevel = level;
}

static char buf[8192];

static int ramfs_suite_init(void)
{
	int err = vfs_mkdir(DIR, 0755);

	return err == -EEXIST ? 0 : err;
}

static void ramfs_suite_exit(void)
{
	vfs_rmdir(DIR);
}

static void test_ramfs_create_read(struct ktest *t)
{
	struct kstat stat;

	KTEST_EXPECT_EQ(t, fs_test_write(DIR "/a", "hello\n", O_CREAT | O_TRUNC), 6);
	KTEST_EXPECT_EQ(t, vfs_stat(DIR "/a", &stat), 0);
	KTEST_EXPECT_EQ(t, stat.mode, S_IFREG | 0644);
	KTEST_EXPECT_EQ(t, stat.size, 6);
	KTEST_EXPECT_EQ(t, fs_test_read(DIR "/a", buf, sizeof(buf)), 6);
	KTEST_EXPECT_STREQ(t, buf, "hello\n");
	/* Without O_CREAT a missing file stays missing. */
	KTEST_EXPECT_EQ(t, fs_test_write(DIR "/missing", "x", 0), -ENOENT);
	KTEST_EXPECT_EQ(t, vfs_unlink(DIR "/a"), 0);
	KTEST_EXPECT_EQ(t, vfs_stat(DIR "/a", &stat), -ENOENT);
}

static void test_ramfs_truncate_append(struct ktest *t)
{
	struct file *file;
	loff_t pos = 8;

	fs_test_write(DIR "/t", "0123456789", O_CREAT | O_TRUNC);
	KTEST_EXPECT_EQ(t, fs_test_write(DIR "/t", "ab", O_TRUNC), 2);
	fs_test_read(DIR "/t", buf, sizeof(buf));
	KTEST_EXPECT_STREQ(t, buf, "ab");
	KTEST_EXPECT_EQ(t, fs_test_write(DIR "/t", "cd", O_APPEND), 2);
	KTEST_EXPECT_EQ(t, fs_test_write(DIR "/t", "ef", O_APPEND), 2);
	fs_test_read(DIR "/t", buf, sizeof(buf));
	KTEST_EXPECT_STREQ(t, buf, "abcdef");
	/* A write past the end leaves zeroes in the gap. */
	file = filp_open(DIR "/t", O_RDWR, 0);
	KTEST_ASSERT_TRUE(t, !IS_ERR(file));
	KTEST_EXPECT_EQ(t, kernel_write(file, "Z", 1, &pos), 1);
	KTEST_EXPECT_EQ(t, pos, 9);
	pos = 0;
	KTEST_EXPECT_EQ(t, kernel_read(file, buf, sizeof(buf), &pos), 9);
	KTEST_EXPECT_TRUE(t, !memcmp(buf, "abcdef\0\0Z", 9));
	filp_close(file);
	vfs_unlink(DIR "/t");
}

/* Byte k of the big file: line k / 26, column k % 26. */
static char big_file_byte(size_t k)
{
	char line[32];

	scnprintf(line, sizeof(line), "line %04d of the big file\n", (int)(k / 26));
	return line[k % 26];
}

/* Many pieces written, read back in odd-sized chunks across page boundaries. */
static void test_ramfs_large(struct ktest *t)
{
	struct file *file = filp_open(DIR "/big", O_RDWR | O_CREAT | O_TRUNC, 0600);
	size_t total = 0, bad = 0;
	loff_t pos = 0;
	ssize_t n, i;

	KTEST_ASSERT_TRUE(t, !IS_ERR(file));
	for (i = 0; i < 700; i++) {
		scnprintf(buf, 64, "line %04d of the big file\n", (int)i);	/* 26 bytes */
		KTEST_EXPECT_EQ(t, kernel_write(file, buf, 26, NULL), 26);
	}
	KTEST_EXPECT_EQ(t, file_inode(file)->i_size, 700 * 26);
	while ((n = kernel_read(file, buf, 777, &pos)) > 0) {
		for (i = 0; i < n; i++)
			bad += buf[i] != big_file_byte(total + i);
		total += n;
	}
	KTEST_EXPECT_EQ(t, total, 700 * 26);
	KTEST_EXPECT_EQ(t, bad, 0);
	filp_close(file);
	vfs_unlink(DIR "/big");
}

/* An open file keeps its bytes after unlink, as in Unix. */
static void test_ramfs_unlink_open(struct ktest *t)
{
	struct file *file;
	struct kstat stat;
	loff_t pos = 0;

	fs_test_write(DIR "/u", "still here", O_CREAT | O_TRUNC);
	file = filp_open(DIR "/u", O_RDONLY, 0);
	KTEST_ASSERT_TRUE(t, !IS_ERR(file));
	KTEST_EXPECT_EQ(t, vfs_unlink(DIR "/u"), 0);
	KTEST_EXPECT_EQ(t, vfs_stat(DIR "/u", &stat), -ENOENT);
	KTEST_EXPECT_EQ(t, vfs_unlink(DIR "/u"), -ENOENT);
	KTEST_EXPECT_EQ(t, kernel_read(file, buf, sizeof(buf), &pos), 10);
	KTEST_EXPECT_TRUE(t, !memcmp(buf, "still here", 10));
	filp_close(file);
	/* The name is free again. */
	KTEST_EXPECT_EQ(t, fs_test_write(DIR "/u", "new", O_CREAT | O_EXCL), 3);
	vfs_unlink(DIR "/u");
}

static void test_ramfs_mkdir_rmdir(struct ktest *t)
{
	struct kstat stat;

	KTEST_EXPECT_EQ(t, vfs_mkdir(DIR "/d", 0700), 0);
	KTEST_EXPECT_EQ(t, vfs_mkdir(DIR "/d", 0700), -EEXIST);
	KTEST_EXPECT_EQ(t, vfs_stat(DIR "/d", &stat), 0);
	KTEST_EXPECT_EQ(t, stat.mode, S_IFDIR | 0700);
	KTEST_EXPECT_EQ(t, vfs_mkdir(DIR "/d/e", 0755), 0);
	KTEST_EXPECT_EQ(t, vfs_stat(DIR "/d", &stat), 0);
	KTEST_EXPECT_EQ(t, stat.nlink, 3);
	fs_test_write(DIR "/d/f", "x", O_CREAT);
	KTEST_EXPECT_EQ(t, vfs_rmdir(DIR "/d"), -ENOTEMPTY);
	KTEST_EXPECT_EQ(t, vfs_rmdir(DIR "/d/f"), -ENOTDIR);
	KTEST_EXPECT_EQ(t, vfs_unlink(DIR "/d/e"), -EISDIR);
	KTEST_EXPECT_EQ(t, vfs_mkdir(DIR "/d/f/g", 0755), -ENOTDIR);
	KTEST_EXPECT_EQ(t, vfs_rmdir(DIR "/d/e"), 0);
	KTEST_EXPECT_EQ(t, vfs_unlink(DIR "/d/f"), 0);
	KTEST_EXPECT_EQ(t, vfs_rmdir(DIR "/d"), 0);
	KTEST_EXPECT_EQ(t, vfs_stat(DIR "/d", &stat), -ENOENT);
	KTEST_EXPECT_EQ(t, vfs_mkdir(DIR "/d/x", 0755), -ENOENT);
}

struct collect {
	struct dir_context ctx;
	char names[256];
	int count, stop_after;
};

static bool collect_actor(struct dir_context *ctx, const char *name, int namelen,
			  loff_t pos, u64 ino, unsigned int d_type)
{
	struct collect *c = container_of(ctx, struct collect, ctx);

	if (c->stop_after && c->count == c->stop_after)
		return false;
	strncat(c->names, name, namelen);
	strcat(c->names, d_type == DT_DIR ? "/ " : " ");
	c->count++;
	return true;
}

static int count_entry(void *arg, const char *name, const struct kstat *stat)
{
	(*(int *)arg)++;
	return 0;
}

/* Entries come in creation order; a reader that stops resumes at ctx.pos. */
static void test_ramfs_readdir(struct ktest *t)
{
	struct collect c = { .ctx.actor = collect_actor, .stop_after = 3 };
	struct file *dir;
	int n = 0;

	vfs_mkdir(DIR "/r", 0755);
	fs_test_write(DIR "/r/one", "1", O_CREAT);
	vfs_mkdir(DIR "/r/two", 0755);
	fs_test_write(DIR "/r/three", "3", O_CREAT);
	dir = filp_open(DIR "/r", O_RDONLY | O_DIRECTORY, 0);
	KTEST_ASSERT_TRUE(t, !IS_ERR(dir));
	KTEST_EXPECT_EQ(t, iterate_dir(dir, &c.ctx), 0);
	KTEST_EXPECT_STREQ(t, c.names, "./ ../ one ");
	KTEST_EXPECT_EQ(t, c.ctx.pos, 3);
	c.stop_after = 0;
	KTEST_EXPECT_EQ(t, iterate_dir(dir, &c.ctx), 0);
	KTEST_EXPECT_STREQ(t, c.names, "./ ../ one two/ three ");
	KTEST_EXPECT_EQ(t, kernel_read(dir, buf, 1, NULL), -EISDIR);
	filp_close(dir);
	KTEST_EXPECT_EQ(t, vfs_readdir(DIR "/r", count_entry, &n), 0);
	KTEST_EXPECT_EQ(t, n, 3);
	KTEST_EXPECT_EQ(t, vfs_readdir(DIR "/r/one", count_entry, &n), -ENOTDIR);
	vfs_unlink(DIR "/r/one");
	vfs_rmdir(DIR "/r/two");
	vfs_unlink(DIR "/r/three");
	KTEST_EXPECT_EQ(t, vfs_rmdir(DIR "/r"), 0);
}

static const char static_text[] = "borrowed bytes\n";

/* A static file reads the caller's bytes; a write changes a private copy only. */
static void test_ramfs_static_file(struct ktest *t)
{
	void *data = NULL;

	KTEST_EXPECT_EQ(t, ramfs_add_static_file(DIR "/s/deep/file", static_text,
						 sizeof(static_text) - 1, 0444), 0);
	KTEST_EXPECT_EQ(t, fs_test_read(DIR "/s/deep/file", buf, sizeof(buf)), 15);
	KTEST_EXPECT_STREQ(t, buf, static_text);
	KTEST_EXPECT_EQ(t, kernel_read_file_from_path(DIR "/s/deep/file", &data, 100), 15);
	KTEST_EXPECT_TRUE(t, data && !memcmp(data, static_text, 15));
	kfree(data);
	KTEST_EXPECT_EQ(t, kernel_read_file_from_path(DIR "/s/deep/file", &data, 10), -EFBIG);
	KTEST_EXPECT_EQ(t, fs_test_write(DIR "/s/deep/file", "B", 0), 1);
	fs_test_read(DIR "/s/deep/file", buf, sizeof(buf));
	KTEST_EXPECT_STREQ(t, buf, "Borrowed bytes\n");
	KTEST_EXPECT_STREQ(t, static_text, "borrowed bytes\n");
	vfs_unlink(DIR "/s/deep/file");
	vfs_rmdir(DIR "/s/deep");
	KTEST_EXPECT_EQ(t, vfs_rmdir(DIR "/s"), 0);
}

static void test_ramfs_open_errors(struct ktest *t)
{
	struct file *file;

	KTEST_EXPECT_EQ(t, PTR_ERR(filp_open(DIR, O_WRONLY, 0)), -EISDIR);
	KTEST_EXPECT_EQ(t, PTR_ERR(filp_open(DIR, O_RDONLY | O_CREAT, 0)), -EISDIR);
	fs_test_write(DIR "/e", "x", O_CREAT);
	KTEST_EXPECT_EQ(t, PTR_ERR(filp_open(DIR "/e", O_WRONLY | O_CREAT | O_EXCL, 0)), -EEXIST);
	KTEST_EXPECT_EQ(t, PTR_ERR(filp_open(DIR "/e", O_RDONLY | O_DIRECTORY, 0)), -ENOTDIR);
	KTEST_EXPECT_EQ(t, PTR_ERR(filp_open(DIR "/e", O_ACCMODE, 0)), -EINVAL);
	file = filp_open(DIR "/e", O_WRONLY, 0);
	KTEST_ASSERT_TRUE(t, !IS_ERR(file));
	KTEST_EXPECT_EQ(t, kernel_read(file, buf, 1, NULL), -EBADF);
	filp_close(file);
	file = filp_open(DIR "/e", O_RDONLY, 0);
	KTEST_EXPECT_EQ(t, kernel_write(file, "y", 1, NULL), -EBADF);
	KTEST_EXPECT_EQ(t, vfs_llseek(file, -1, SEEK_SET), -EINVAL);
	KTEST_EXPECT_EQ(t, vfs_llseek(file, 0, SEEK_END), 1);
	filp_close(file);
	vfs_unlink(DIR "/e");
}

static const struct ktest_case ramfs_cases[] = {
	KTEST_CASE(test_ramfs_create_read),
	KTEST_CASE(test_ramfs_truncate_append),
	KTEST_CASE(test_ramfs_large),
	KTEST_CASE(test_ramfs_unlink_open),
	KTEST_CASE(test_ramfs_mkdir_rmdir),
	KTEST_CASE(test_ramfs_readdir),
	KTEST_CASE(test_ramfs_static_file),
	KTEST_CASE(test_ramfs_open_errors),
	{}
};
KTEST_SUITE_INIT(fs_ramfs, ramfs_cases, ramfs_suite_init, ramfs_suite_exit);

static unsigned long ino_of(const char *path)
{
	struct kstat stat;

	return vfs_stat(path, &stat) ? 0 : stat.ino;
}

static void test_path_slashes(struct ktest *t)
{
	struct kstat stat;

	fs_test_write(DIR "/p", "x", O_CREAT);
	KTEST_EXPECT_NE(t, ino_of(DIR "/p"), 0);
	KTEST_EXPECT_EQ(t, ino_of("//tmp///ktest_fs//p"), ino_of(DIR "/p"));
	KTEST_EXPECT_EQ(t, ino_of("tmp/ktest_fs/p"), ino_of(DIR "/p"));	/* relative: from "/" */
	KTEST_EXPECT_EQ(t, ino_of(DIR "/"), ino_of(DIR));
	KTEST_EXPECT_EQ(t, vfs_stat(DIR "/p/", &stat), -ENOTDIR);
	KTEST_EXPECT_EQ(t, vfs_stat(DIR "/p/x", &stat), -ENOTDIR);
	KTEST_EXPECT_EQ(t, vfs_stat("", &stat), -ENOENT);
	KTEST_EXPECT_EQ(t, vfs_stat("/nope/x", &stat), -ENOENT);
	KTEST_EXPECT_EQ(t, vfs_unlink(DIR "/p/"), -ENOTDIR);
	vfs_unlink(DIR "/p");
}

static void test_path_dots(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, ino_of("/.."), ino_of("/"));
	KTEST_EXPECT_EQ(t, ino_of("/../../tmp"), ino_of("/tmp"));
	KTEST_EXPECT_EQ(t, ino_of("/tmp/./ktest_fs/../ktest_fs/."), ino_of(DIR));
	KTEST_EXPECT_EQ(t, ino_of("/proc/self/.."), ino_of("/proc"));
	KTEST_EXPECT_EQ(t, ino_of("/sys/kernel/../.."), ino_of("/"));
	KTEST_EXPECT_EQ(t, ino_of("/tmp/.../x"), 0);
}

static void test_path_too_long(struct ktest *t)
{
	char *path = kmalloc(PATH_MAX + 16, GFP_KERNEL);
	struct kstat stat;
	int i;

	KTEST_ASSERT_TRUE(t, path != NULL);
	strcpy(path, DIR "/");
	memset(path + strlen(path), 'n', NAME_MAX);
	path[strlen(DIR "/") + NAME_MAX] = 0;
	KTEST_EXPECT_EQ(t, fs_test_write(path, "x", O_CREAT), 1);	/* 255 bytes: fine */
	KTEST_EXPECT_EQ(t, vfs_unlink(path), 0);
	strcat(path, "n");
	KTEST_EXPECT_EQ(t, fs_test_write(path, "x", O_CREAT), -ENAMETOOLONG);
	KTEST_EXPECT_EQ(t, vfs_mkdir(path, 0755), -ENAMETOOLONG);
	for (i = 0; i < PATH_MAX + 8; i += 2)
		memcpy(path + i, "/.", 2);
	path[PATH_MAX + 8] = 0;
	KTEST_EXPECT_EQ(t, vfs_stat(path, &stat), -ENAMETOOLONG);
	path[PATH_MAX - 2] = 0;		/* 4094 bytes of "/./.": fine */
	KTEST_EXPECT_EQ(t, vfs_stat(path, &stat), 0);
	kfree(path);
}

/* What Linux answers for the odd cases of create and remove. */
static void test_path_create_remove_edges(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, PTR_ERR(filp_open("/", O_WRONLY | O_CREAT, 0644)), -EISDIR);
	KTEST_EXPECT_EQ(t, PTR_ERR(filp_open(DIR "/new/", O_WRONLY | O_CREAT, 0644)), -EISDIR);
	KTEST_EXPECT_EQ(t, PTR_ERR(filp_open(DIR "/..", O_WRONLY | O_CREAT, 0644)), -EISDIR);
	KTEST_EXPECT_EQ(t, vfs_mkdir("/", 0755), -EEXIST);
	KTEST_EXPECT_EQ(t, vfs_mkdir(DIR "/.", 0755), -EEXIST);
	KTEST_EXPECT_EQ(t, vfs_rmdir("/"), -EBUSY);
	KTEST_EXPECT_EQ(t, vfs_rmdir(DIR "/."), -EINVAL);
	KTEST_EXPECT_EQ(t, vfs_rmdir("/proc"), -EBUSY);
	KTEST_EXPECT_EQ(t, vfs_rmdir("/sys"), -EBUSY);
	KTEST_EXPECT_EQ(t, vfs_rmdir("/lib/modules"), -EBUSY);	/* standard directories stay */
	KTEST_EXPECT_EQ(t, vfs_unlink("/"), -EISDIR);
	KTEST_EXPECT_EQ(t, vfs_unlink("/proc"), -EISDIR);
	KTEST_EXPECT_EQ(t, vfs_unlink("/proc/cmdline"), -EPERM);
	KTEST_EXPECT_EQ(t, vfs_unlink("/proc/self/status"), -EPERM);
	KTEST_EXPECT_EQ(t, vfs_rmdir("/proc/self"), -EPERM);
	KTEST_EXPECT_EQ(t, vfs_mkdir("/proc/x", 0755), -EPERM);
	KTEST_EXPECT_EQ(t, vfs_mkdir("/sys/x", 0755), -EPERM);
	KTEST_EXPECT_EQ(t, fs_test_write("/proc/x", "1", O_CREAT), -EACCES);
	KTEST_EXPECT_EQ(t, fs_test_write("/sys/kernel/x", "1", O_CREAT), -EACCES);
	KTEST_EXPECT_EQ(t, vfs_unlink("/nope"), -ENOENT);
}

static int rm_tree(const char *path);

static int rm_entry(void *arg, const char *name, const struct kstat *stat)
{
	char *child = kmalloc(PATH_MAX, GFP_KERNEL);

	if (!child)
		return -ENOMEM;
	snprintf(child, PATH_MAX, "%s/%s", (const char *)arg, name);
	if (S_ISDIR(stat->mode))
		rm_tree(child);
	else
		vfs_unlink(child);
	kfree(child);
	return 0;
}

/* rm -r, for what the fuzzer made. */
static int rm_tree(const char *path)
{
	int err;

	/* Removing while listing skips entries: list again until nothing is left. */
	do {
		err = vfs_readdir(path, rm_entry, (void *)path);
	} while (!err && vfs_rmdir(path) == -ENOTEMPTY);
	return err;
}

/*
 * Random paths from a small alphabet, some below the real directories:
 * every call answers 0 or an errno and nothing crashes; what was made
 * under DIR goes away again.
 */
static void test_path_fuzz(struct ktest *t)
{
	static const char *const prefixes[] = { "", "/", DIR "/", "/proc/", "/proc/self/", "/sys/", "/tmp/" };
	static const char alphabet[] = "//..ab1";
	unsigned long seed = 12345;
	struct kstat stat;
	struct file *file;
	char path[48];
	int i, j, len, bad = 0, made = 0, err;

	for (i = 0; i < 3000; i++) {
		seed = seed * 6364136223846793005UL + 1442695040888963407UL;
		len = strscpy(path, prefixes[(seed >> 40) % ARRAY_SIZE(prefixes)], sizeof(path));
		for (j = (seed >> 20) % 12; j > 0 && len < (int)sizeof(path) - 1; j--, len++)
			path[len] = alphabet[(seed >> (j * 3)) % (sizeof(alphabet) - 1)];
		path[len] = 0;
		err = vfs_stat(path, &stat);
		bad += err > 0 || err < -MAX_ERRNO;
		file = filp_open(path, O_RDONLY, 0);
		if (!IS_ERR(file)) {
			if (!S_ISDIR(file_inode(file)->i_mode))
				bad += kernel_read(file, buf, 64, NULL) < -MAX_ERRNO;
			filp_close(file);
		}
		/* Changes only below DIR: no ".." that could climb out of it. */
		if (strncmp(path, DIR "/", strlen(DIR "/")) || strstr(path, ".."))
			continue;
		switch (seed % 4) {
		case 0: err = vfs_mkdir(path, 0755); break;
		case 1: err = min_t(ssize_t, fs_test_write(path, "f", O_CREAT), 0); break;
		case 2: err = vfs_unlink(path); break;
		default: err = vfs_rmdir(path); break;
		}
		bad += err > 0 || err < -MAX_ERRNO;
		made += !err && seed % 4 < 2;
	}
	KTEST_EXPECT_EQ(t, bad, 0);
	KTEST_EXPECT_TRUE(t, made > 10);	/* the fuzzer reached ramfs */
	KTEST_EXPECT_EQ(t, rm_tree(DIR), 0);
	KTEST_EXPECT_EQ(t, vfs_stat(DIR, &stat), -ENOENT);
	KTEST_EXPECT_EQ(t, vfs_mkdir(DIR, 0755), 0);
}

static const struct ktest_case path_cases[] = {
	KTEST_CASE(test_path_slashes),
	KTEST_CASE(test_path_dots),
	KTEST_CASE(test_path_too_long),
	KTEST_CASE(test_path_create_remove_edges),
	KTEST_CASE(test_path_fuzz),
	{}
};
KTEST_SUITE_INIT(fs_path, path_cases, ramfs_suite_init, ramfs_suite_exit);
