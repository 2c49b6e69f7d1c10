// SPDX-License-Identifier: MIT
/*
 * printk: the kernel log. Every message is stored as a record (timestamp,
 * level, text) in a ring buffer that `dmesg` reads, and echoed to the
 * console when its level is below console_loglevel (Linux: kernel/printk/).
 */
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <scion/init.h>
#include <scion/printk.h>
#include <arch.h>

#define LOG_BUF_SIZE (128 * 1024)
#define LINE_MAX 1024

/*
 * A record in log_buf; records follow each other, 8-byte aligned. A record
 * with size 0 marks the end of the used part before the write position
 * wrapped to the start.
 */
struct log_record {
	u16 size;		/* whole record, header included */
	u8 level;
	u8 reserved;
	u32 text_len;
	u64 ts_nsec;
	char text[];
};

static char log_buf[LOG_BUF_SIZE] __aligned(8);
static u32 log_first;		/* offset of the oldest record */
static u32 log_next;		/* offset where the next record goes */
static u64 log_first_seq;	/* sequence number of the oldest record */
static u64 log_next_seq;	/* sequence number of the next record */
static u64 log_clear_seq;	/* dmesg -c: records before this are not shown */
static DEFINE_SPINLOCK(logbuf_lock);

int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;

/* A partial line (no '\n' yet), continued by KERN_CONT or the next printk. */
static char cont_buf[LINE_MAX];
static size_t cont_len;
static int cont_level;
static u64 cont_ts;

static struct log_record *record_at(u32 off)
{
	return (struct log_record *)(log_buf + off);
}

/* off itself, or 0 when the records wrapped to the start there. */
static u32 record_wrap(u32 off)
{
	if (off + sizeof(struct log_record) > LOG_BUF_SIZE || record_at(off)->size == 0)
		return 0;
	return off;
}

/* Drop the oldest record; the caller holds logbuf_lock. */
static void drop_oldest(void)
{
	log_first += record_at(log_first)->size;
	log_first_seq++;
	/* Keep log_first on a real record (or at log_next when empty). */
	if (log_first_seq == log_next_seq)
		log_first = log_next;
	else
		log_first = record_wrap(log_first);
	if (log_first_seq > log_clear_seq)
		log_clear_seq = log_first_seq;
}

/* Does [start, start + size) overlap live records? Caller holds the lock. */
static bool space_taken(u32 start, u32 size)
{
	if (log_first_seq == log_next_seq)
		return false;
	if (log_first < log_next)
		return start < log_next && start + size > log_first;
	/* Live data wraps: it occupies [log_first, end) and [0, log_next). */
	return start + size > log_first || start < log_next;
}

static void log_store(int level, u64 ts, const char *text, size_t len)
{
	u32 size = ALIGN(sizeof(struct log_record) + len, 8);
	struct log_record *r;

	if (size > LOG_BUF_SIZE / 4)
		return;
	if (log_next + size > LOG_BUF_SIZE) {
		while (log_first_seq != log_next_seq && log_first >= log_next)
			drop_oldest();
		if (log_next + sizeof(struct log_record) <= LOG_BUF_SIZE)
			record_at(log_next)->size = 0;
		log_next = 0;
	}
	while (space_taken(log_next, size))
		drop_oldest();
	if (log_first_seq == log_next_seq)
		log_first = log_next;
	r = record_at(log_next);
	r->size = size;
	r->level = level;
	r->text_len = len;
	r->ts_nsec = ts;
	memcpy(r->text, text, len);
	log_next += size;
	log_next_seq++;
}

/* "[    1.234567] " as Linux prints it. */
static int format_time(char *buf, size_t size, u64 ts)
{
	return scnprintf(buf, size, "[%5llu.%06llu] ", (unsigned long long)(ts / 1000000000ULL),
			 (unsigned long long)((ts % 1000000000ULL) / 1000));
}

static void console_emit(int level, u64 ts, const char *text, size_t len)
{
	char prefix[32];
	int n;

	if (level >= console_loglevel)
		return;
	n = format_time(prefix, sizeof(prefix), ts);
	arch_console_write(prefix, n);
	arch_console_write(text, len);
	arch_console_write("\n", 1);
}

static void cont_flush(void)
{
	if (!cont_len)
		return;
	log_store(cont_level, cont_ts, cont_buf, cont_len);
	console_emit(cont_level, cont_ts, cont_buf, cont_len);
	cont_len = 0;
}

static void cont_append(int level, const char *s, size_t len)
{
	if (!cont_len) {
		cont_level = level;
		cont_ts = arch_clock_ns();
	}
	len = min(len, sizeof(cont_buf) - cont_len);
	memcpy(cont_buf + cont_len, s, len);
	cont_len += len;
}

static int printk_level(const char **fmt, bool *cont)
{
	const char *s = *fmt;
	int level = LOGLEVEL_DEFAULT;

	*cont = false;
	while (s[0] == KERN_SOH_ASCII && s[1]) {
		if (s[1] >= '0' && s[1] <= '7')
			level = s[1] - '0';
		else if (s[1] == 'c')
			*cont = true;
		s += 2;
	}
	*fmt = s;
	return level;
}

int vprintk(const char *fmt, va_list args)
{
	static char text[LINE_MAX];
	unsigned long flags;
	const char *p, *nl;
	bool cont;
	int level, len;

	spin_lock_irqsave(&logbuf_lock, flags);
	level = printk_level(&fmt, &cont);
	len = vscnprintf(text, sizeof(text), fmt, args);
	if (!cont)
		cont_flush();
	else if (cont_len)
		level = cont_level;
	for (p = text; p < text + len; p = nl + 1) {
		nl = memchr(p, '\n', text + len - p);
		if (!nl) {
			cont_append(level, p, text + len - p);
			break;
		}
		cont_append(level, p, nl - p);
		if (!cont_len)		/* an empty line is still a record */
			cont_ts = arch_clock_ns();
		cont_level = level;
		log_store(level, cont_ts, cont_buf, cont_len);
		console_emit(level, cont_ts, cont_buf, cont_len);
		cont_len = 0;
	}
	spin_unlock_irqrestore(&logbuf_lock, flags);
	return len;
}

int printk(const char *fmt, ...)
{
	va_list args;
	int r;

	va_start(args, fmt);
	r = vprintk(fmt, args);
	va_end(args);
	return r;
}

/*
 * Copy the records from *seq on, formatted "[time] text\n", into buf;
 * advances *seq past the records copied. Returns the bytes written.
 * Records that were overwritten since are skipped.
 */
size_t log_read(u64 *seq, char *buf, size_t size, int max_level)
{
	unsigned long flags;
	size_t out = 0;
	u32 off;
	u64 s;

	spin_lock_irqsave(&logbuf_lock, flags);
	cont_flush();
	if (*seq < log_first_seq)
		*seq = log_first_seq;
	off = log_first;
	for (s = log_first_seq; s < log_next_seq; s++) {
		struct log_record *r;

		r = record_at(off);
		off = record_wrap(off + r->size);
		if (s < *seq)
			continue;
		if (r->level <= max_level) {
			char prefix[32];
			int n = format_time(prefix, sizeof(prefix), r->ts_nsec);

			if (out + n + r->text_len + 1 >= size)
				break;
			memcpy(buf + out, prefix, n);
			memcpy(buf + out + n, r->text, r->text_len);
			out += n + r->text_len;
			buf[out++] = '\n';
		}
		*seq = s + 1;
	}
	spin_unlock_irqrestore(&logbuf_lock, flags);
	return out;
}

u64 log_seq_first_unread(void)
{
	return log_clear_seq;
}

u64 log_seq_next(void)
{
	return log_next_seq;
}

void log_clear(void)
{
	unsigned long flags;

	spin_lock_irqsave(&logbuf_lock, flags);
	cont_flush();
	log_clear_seq = log_next_seq;
	spin_unlock_irqrestore(&logbuf_lock, flags);
}

static int loglevel_param(const char *value)
{
	int level;

	if (kstrtoint(value, 10, &level) || level < 0 || level > 15)
		return -EINVAL;
	console_loglevel = level;
	return 0;
}
early_param("loglevel", loglevel_param);

static int quiet_param(const char *value)
{
	console_loglevel = LOGLEVEL_WARNING;
	return 0;
}
early_param("quiet", quiet_param);
