// SPDX-License-Identifier: MIT
/*
 * rx: receive files over the console with YMODEM, as sent by `sb --ymodem
 * -k` (lrzsz) or a terminal's "send file" key, into /tmp. lib/ymodem.c
 * speaks the protocol; this file moves its bytes, keeps the files in
 * memory until the batch is complete (there is no rename in the VFS), and
 * only then creates them: a cancelled or cut-off transfer leaves no file.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <scion/console.h>
#include <scion/printk.h>
#include <scion/shell.h>
#include <scion/time.h>
#include <scion/ymodem.h>

#define RX_FILES_MAX 16
#define RX_FILE_MAX (16UL << 20)	/* ramfs's limit for one file */
#define RX_GROW 65536			/* first buffer when the header has no size */
#define RX_DRAIN_QUIET_MS 500		/* the line quiet this long: the sender is gone */
#define RX_DRAIN_MAX_MS 5000

struct rx_file {
	char *path;
	char *buf;
	size_t len, cap;
};

struct rx_batch {
	struct ymodem_rx ym;		/* the protocol's state */
	const char *name;		/* `rx NAME`: where the one file goes */
	struct rx_file files[RX_FILES_MAX];
	int count;
	u64 bytes;
	u64 start_ns, end_ns;		/* the first header, the end of the batch */
	char why[160];			/* our reason to cancel, printed afterwards */
};

static bool rx_bad_name(const char *name)
{
	return !*name || !strcmp(name, ".") || !strcmp(name, "..") || strlen(name) > NAME_MAX;
}

/*
 * Where a file goes: the name given to rx (a path if it holds '/', else a
 * name in /tmp), or the sender's name without its directories, in /tmp.
 */
static int rx_path(struct rx_batch *b, const char *sent, char **path)
{
	const char *base = strrchr(sent, '/') ? strrchr(sent, '/') + 1 : sent;
	const char *name = b->name ? b->name : base;
	size_t size;

	if (b->name && b->count) {
		snprintf(b->why, sizeof(b->why), "'%s' is the second file, but a name was given for one", sent);
		return -EINVAL;
	}
	if (!b->name && rx_bad_name(base)) {
		snprintf(b->why, sizeof(b->why), "'%s' is no file name", sent);
		return -EINVAL;
	}
	size = strlen(name) + sizeof("/tmp/");
	*path = kmalloc(size, GFP_KERNEL);
	if (!*path)
		return -ENOMEM;
	if (strchr(name, '/'))
		strscpy(*path, name, size);
	else
		snprintf(*path, size, "/tmp/%s", name);
	return 0;
}

/* A header arrived: a buffer for its size (or to grow). */
static int rx_file_start(struct rx_batch *b, const struct ymodem_rx *ym)
{
	struct rx_file *f = &b->files[b->count];
	int err;

	if (b->count == RX_FILES_MAX) {
		snprintf(b->why, sizeof(b->why), "more than %d files", RX_FILES_MAX);
		return -E2BIG;
	}
	if (ym->size > (long long)RX_FILE_MAX) {
		snprintf(b->why, sizeof(b->why), "'%s': %lld bytes is more than %lu MiB",
			 ym->name, ym->size, RX_FILE_MAX >> 20);
		return -EFBIG;
	}
	err = rx_path(b, ym->name, &f->path);
	if (err)
		return err;
	f->cap = ym->size >= 0 ? max_t(size_t, ym->size, 1) : RX_GROW;
	f->buf = kmalloc(f->cap, GFP_KERNEL);
	if (!f->buf) {
		kfree(f->path);
		return -ENOMEM;
	}
	f->len = 0;
	if (!b->count++)
		b->start_ns = ktime_get_ns();
	return 0;
}

static int rx_file_data(struct rx_batch *b, const u8 *data, size_t len)
{
	struct rx_file *f = &b->files[b->count - 1];
	size_t cap = f->cap;
	char *bigger;

	if (f->len + len > RX_FILE_MAX) {
		snprintf(b->why, sizeof(b->why), "'%s' is more than %lu MiB", f->path, RX_FILE_MAX >> 20);
		return -EFBIG;
	}
	while (f->len + len > cap)
		cap = min_t(size_t, cap * 2, RX_FILE_MAX);
	if (cap != f->cap) {
		bigger = krealloc(f->buf, cap, GFP_KERNEL);
		if (!bigger)
			return -ENOMEM;
		f->buf = bigger;
		f->cap = cap;
	}
	memcpy(f->buf + f->len, data, len);
	f->len += len;
	b->bytes += len;
	return 0;
}

static int rx_event(struct rx_batch *b, const struct ymodem_rx *ym, enum ymodem_event ev)
{
	if (ev == YMODEM_FILE)
		return rx_file_start(b, ym);
	if (ev == YMODEM_DATA)
		return rx_file_data(b, ym->data, ym->data_len);
	return 0;
}

/*
 * Run the protocol on the console until the batch is over or failed.
 * Nothing but protocol bytes may go out meanwhile: the sender reads them.
 * Return: 0, or the negative errno of the failure.
 */
static int rx_transfer(struct rx_batch *b)
{
	struct ymodem_rx *ym = &b->ym;
	enum ymodem_event ev;
	int c, err;

	ymodem_rx_init(ym);
	do {
		console_write((const char *)ym->reply, ym->reply_len);
		c = console_getc_timeout(msecs_to_jiffies(ymodem_rx_timeout_ms(ym)));
		ev = c < 0 ? ymodem_rx_timeout(ym) : ymodem_rx_byte(ym, c);
		err = rx_event(b, ym, ev);
		if (err)
			ev = ymodem_rx_cancel(ym, err);
	} while (ev != YMODEM_DONE && ev != YMODEM_ABORT);
	console_write((const char *)ym->reply, ym->reply_len);
	b->end_ns = ktime_get_ns();
	return ev == YMODEM_DONE ? 0 : ym->error;
}

/*
 * Wait until the sender is gone before printing: after a failure it may
 * still send (the rest of a block, its CANs), and when sb exits it
 * flushes the terminal's input (tcflush(TCIOFLUSH)), which would eat
 * what we print while it still runs.
 */
static void rx_drain(void)
{
	unsigned long end = jiffies + msecs_to_jiffies(RX_DRAIN_MAX_MS);

	while ((long)(jiffies - end) < 0 &&
	       console_getc_timeout(msecs_to_jiffies(RX_DRAIN_QUIET_MS)) >= 0)
		;
}

/* Create the files, all received. Return: how many could not be written. */
static int rx_store(struct rx_batch *b)
{
	int i, failed = 0;

	for (i = 0; i < b->count; i++) {
		struct rx_file *f = &b->files[i];
		struct file *file = filp_open(f->path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		ssize_t n = 0;
		size_t done;

		if (IS_ERR(file)) {
			shell_eprintf("rx: %s: %s\n", f->path, errno_text(PTR_ERR(file)));
			failed++;
			continue;
		}
		for (done = 0; done < f->len; done += n) {
			n = kernel_write(file, f->buf + done, f->len - done, NULL);
			if (n <= 0)
				break;
		}
		filp_close(file);
		if (done < f->len) {
			shell_eprintf("rx: %s: write error: %s\n", f->path, errno_text(n ? n : -EIO));
			vfs_unlink(f->path);		/* no half file */
			failed++;
			continue;
		}
		shell_printf("rx: received %s (%zu bytes)\n", f->path, f->len);
	}
	return failed;
}

static void rx_free(struct rx_batch *b)
{
	int i;

	for (i = 0; i < b->count; i++) {
		kfree(b->files[i].buf);
		kfree(b->files[i].path);
	}
	kfree(b);
}

/* The kernel messages of records from seq on that the console would have shown. */
static void rx_show_held_back(u64 seq, int level)
{
	static char buf[2048];		/* more than a record (printk's LINE_MAX) */
	size_t n;

	while ((n = log_read(&seq, buf, sizeof(buf), level - 1)))
		console_write(buf, n);
}

static void rx_report_failure(const struct rx_batch *b, int err)
{
	const char *what;

	switch (err) {
	case -ECANCELED:
		what = "cancelled by the sender";
		break;
	case -EINTR:
		what = "cancelled";
		break;
	case -ETIMEDOUT:
		what = b->count ? "the sender went quiet" : "no sender started";
		break;
	case -EIO:
		what = "too many bad blocks in a row";
		break;
	case -EBADMSG:
		what = "protocol error (a block out of sequence, or a file shorter than its header said)";
		break;
	default:
		what = b->why[0] ? b->why : errno_text(err);
		break;
	}
	shell_eprintf("rx: %s; nothing written (%llu bytes were received)\n", what,
		      (unsigned long long)b->bytes);
}

static void rx_report(const struct rx_batch *b)
{
	const struct ymodem_rx *ym = &b->ym;
	u64 ns = max_t(u64, b->end_ns - b->start_ns, 1);
	u64 ms = ns / NSEC_PER_MSEC;

	shell_printf("rx: %d file%s, %llu bytes in %llu.%03llu s (%llu KiB/s), %u block%s, %u resent\n",
		     b->count, b->count == 1 ? "" : "s", (unsigned long long)b->bytes,
		     (unsigned long long)(ms / 1000), (unsigned long long)(ms % 1000),
		     (unsigned long long)(b->bytes * NSEC_PER_SEC / ns / 1024),
		     ym->blocks, ym->blocks == 1 ? "" : "s", ym->retries);
}

/* `rx NAME`: refuse a bad name, or a path into no directory, before the sender starts. */
static int rx_check_name(const char *name)
{
	char dir[SHELL_LINE_MAX];
	struct kstat stat;
	char *slash;
	int err;

	if (!strchr(name, '/'))
		return rx_bad_name(name) ? -EINVAL : 0;
	strscpy(dir, name, sizeof(dir));
	slash = strrchr(dir, '/');
	if (rx_bad_name(slash + 1))
		return -EINVAL;
	slash[slash == dir] = 0;		/* "/x" -> "/" */
	err = vfs_stat(dir, &stat);
	if (!err && !S_ISDIR(stat.mode))
		err = -ENOTDIR;
	return err;
}

/*
 * The transfer, with the console to itself: kernel messages printed
 * meanwhile would have gone into the protocol stream, so they are held
 * back (console_loglevel lowered) and shown after it.
 */
static int rx_receive(struct rx_batch *b)
{
	int level = console_loglevel, err;
	u64 seq = log_seq_next();

	console_loglevel = min(level, LOGLEVEL_EMERG + 1);
	err = rx_transfer(b);
	rx_drain();
	console_loglevel = level;
	console_puts("\n");		/* the line shows the 'C's sent */
	rx_show_held_back(seq, level);
	return err;
}

static int cmd_rx(int argc, char **argv)
{
	struct rx_batch *b;
	int err, failed = 0;

	if (argc > 2)
		return shell_usage(shell_find("rx"));
	if (argc == 2 && (err = rx_check_name(argv[1]))) {
		shell_eprintf("rx: %s: %s\n", argv[1], errno_text(err));
		return 1;
	}
	b = kzalloc(sizeof(*b), GFP_KERNEL);
	if (!b) {
		shell_eprintf("rx: %s\n", errno_text(-ENOMEM));
		return 1;
	}
	b->name = argc == 2 ? argv[1] : NULL;
	shell_eprintf("rx: waiting for a YMODEM batch (sb --ymodem -k FILE...); Ctrl-C cancels\n");
	err = rx_receive(b);
	if (err) {
		rx_report_failure(b, err);
	} else {
		failed = rx_store(b);
		rx_report(b);
	}
	rx_free(b);
	return err || failed ? 1 : 0;
}
SHELL_COMMAND("rx", cmd_rx, "rx [name]",
	      "receive files with YMODEM (sb --ymodem -k) into /tmp, or as name");
