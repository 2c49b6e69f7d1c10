// SPDX-License-Identifier: MIT
/*
 * Randomized differential test of lib/vsprintf.c against the host's
 * snprintf: random flags, widths, precisions ('*' included), length
 * modifiers, values and buffer sizes, from a fixed seed so that every run
 * checks the same cases. Only combinations C defines are generated.
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "scion_api.h"
#include "tap.h"

#pragma GCC diagnostic ignored "-Wformat-nonliteral"

#define SEED 0x5c10ULL
#define ROUNDS 20000

static uint64_t rng_state;

/* xorshift64*: the same sequence on every host. */
static uint64_t rnd(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545f4914f6cdd1dULL;
}

static unsigned int rnd_below(unsigned int n)
{
	return rnd() % n;
}

/* Mostly edge values, sometimes any bit pattern, sometimes small numbers. */
static uint64_t rnd_value(void)
{
	static const uint64_t edges[] = {
		0, 1, 7, 8, 9, 10, 15, 16, 127, 128, 255, 256, 32767, 32768, 65535, 65536,
		INT_MAX, (uint64_t)INT_MAX + 1, UINT_MAX, (uint64_t)UINT_MAX + 1,
		LLONG_MAX, (uint64_t)LLONG_MAX + 1, ULLONG_MAX, ULLONG_MAX - 1,
		(uint64_t)-2, (uint64_t)-128, (uint64_t)-129, (uint64_t)-32768,
	};

	switch (rnd_below(3)) {
	case 0:
		return edges[rnd_below(sizeof(edges) / sizeof(edges[0]))];
	case 1:
		return rnd() >> rnd_below(64);
	default:
		return (int64_t)rnd_below(2001) - 1000;
	}
}

enum arg_type {
	ARG_INT, ARG_UINT, ARG_LONG, ARG_ULONG, ARG_LLONG, ARG_ULLONG,
	ARG_SSIZE, ARG_SIZE, ARG_PTRDIFF, ARG_INTMAX, ARG_UINTMAX, ARG_STR,
};

struct random_case {
	char fmt[96];
	enum arg_type type;
	int nstar;
	int stars[2];
	uint64_t value;
	const char *str;
	size_t size;
};

static void append(char *dst, const char *src)
{
	strcat(dst, src);
}

static void rnd_text(char *dst)
{
	static const char alphabet[] = "ab -=[]:\t";
	size_t n = strlen(dst);

	for (unsigned int len = rnd_below(4); len; len--)
		dst[n++] = alphabet[rnd_below(sizeof(alphabet) - 1)];
	dst[n] = '\0';
}

/* The argument type of conversion conv with length modifier len. */
static enum arg_type arg_type_of(char conv, const char *len)
{
	bool is_signed = conv == 'd' || conv == 'i';

	if (conv == 's')
		return ARG_STR;
	if (conv == 'c' || !strcmp(len, "") || !strcmp(len, "h") || !strcmp(len, "hh"))
		return is_signed || conv == 'c' ? ARG_INT : ARG_UINT;
	if (!strcmp(len, "l"))
		return is_signed ? ARG_LONG : ARG_ULONG;
	if (!strcmp(len, "ll"))
		return is_signed ? ARG_LLONG : ARG_ULLONG;
	if (!strcmp(len, "z"))
		return is_signed ? ARG_SSIZE : ARG_SIZE;
	if (!strcmp(len, "t"))
		return ARG_PTRDIFF;
	return is_signed ? ARG_INTMAX : ARG_UINTMAX;
}

static void make_case(struct random_case *c, char conv)
{
	static const char *const lengths[] = { "", "hh", "h", "l", "ll", "z", "t", "j" };
	static const char *const strings[] = { "", "a", "hello", "livepatch_sample", "x y z" };
	const char *len = conv == 'c' || conv == 's' ? "" : lengths[rnd_below(8)];
	bool numeric = conv != 'c' && conv != 's';
	char part[16];

	c->fmt[0] = '\0';
	c->nstar = 0;
	c->stars[0] = c->stars[1] = 0;
	rnd_text(c->fmt);
	append(c->fmt, "%");
	if (rnd_below(3) == 0)
		append(c->fmt, "-");
	if (rnd_below(4) == 0 && numeric)
		append(c->fmt, "+");
	if (rnd_below(4) == 0 && numeric)
		append(c->fmt, " ");
	if (rnd_below(3) == 0 && numeric)
		append(c->fmt, "0");
	if (rnd_below(3) == 0 && (conv == 'o' || conv == 'x' || conv == 'X'))
		append(c->fmt, "#");
	switch (rnd_below(3)) {
	case 1:
		snprintf(part, sizeof(part), "%u", 1 + rnd_below(25));
		append(c->fmt, part);
		break;
	case 2:
		append(c->fmt, "*");
		c->stars[c->nstar++] = (int)rnd_below(51) - 25;
		break;
	}
	if (conv != 'c') {
		switch (rnd_below(4)) {
		case 1:
			append(c->fmt, ".");
			break;
		case 2:
			snprintf(part, sizeof(part), ".%u", rnd_below(21));
			append(c->fmt, part);
			break;
		case 3:
			append(c->fmt, ".*");
			c->stars[c->nstar++] = (int)rnd_below(24) - 3;
			break;
		}
	}
	append(c->fmt, len);
	snprintf(part, sizeof(part), "%c", conv);
	append(c->fmt, part);
	rnd_text(c->fmt);

	c->type = arg_type_of(conv, len);
	c->value = conv == 'c' ? 32 + rnd_below(95) : rnd_value();
	c->str = strings[rnd_below(sizeof(strings) / sizeof(strings[0]))];
	c->size = rnd_below(4) ? 256 : rnd_below(40);
}

/* Call fn(buf, size, fmt, <stars...>, value) with value as the right C type. */
#define CALL_WITH(fn, buf, c, value)                                                   \
	((c)->nstar == 0 ? fn(buf, (c)->size, (c)->fmt, value) :                       \
	 (c)->nstar == 1 ? fn(buf, (c)->size, (c)->fmt, (c)->stars[0], value) :        \
			   fn(buf, (c)->size, (c)->fmt, (c)->stars[0], (c)->stars[1], value))

#define CALL_TYPED(fn, buf, c)                                                         \
	({                                                                             \
		int r_ = 0;                                                            \
		switch ((c)->type) {                                                   \
		case ARG_INT: r_ = CALL_WITH(fn, buf, c, (int)(c)->value); break;      \
		case ARG_UINT: r_ = CALL_WITH(fn, buf, c, (unsigned int)(c)->value); break; \
		case ARG_LONG: r_ = CALL_WITH(fn, buf, c, (long)(c)->value); break;    \
		case ARG_ULONG: r_ = CALL_WITH(fn, buf, c, (unsigned long)(c)->value); break; \
		case ARG_LLONG: r_ = CALL_WITH(fn, buf, c, (long long)(c)->value); break; \
		case ARG_ULLONG: r_ = CALL_WITH(fn, buf, c, (unsigned long long)(c)->value); break; \
		case ARG_SSIZE: r_ = CALL_WITH(fn, buf, c, (ssize_t)(c)->value); break; \
		case ARG_SIZE: r_ = CALL_WITH(fn, buf, c, (size_t)(c)->value); break;  \
		case ARG_PTRDIFF: r_ = CALL_WITH(fn, buf, c, (ptrdiff_t)(c)->value); break; \
		case ARG_INTMAX: r_ = CALL_WITH(fn, buf, c, (intmax_t)(c)->value); break; \
		case ARG_UINTMAX: r_ = CALL_WITH(fn, buf, c, (uintmax_t)(c)->value); break; \
		case ARG_STR: r_ = CALL_WITH(fn, buf, c, (c)->str); break;             \
		}                                                                      \
		r_;                                                                    \
	})

static int check_conversion(char conv)
{
	int failures = 0;

	for (int round = 0; round < ROUNDS; round++) {
		struct random_case c;
		char host[256], ours[256];
		int hn, sn;

		make_case(&c, conv);
		memset(host, 0x55, sizeof(host));
		memset(ours, 0x55, sizeof(ours));
		hn = CALL_TYPED(snprintf, host, &c);
		sn = CALL_TYPED(scion_snprintf, ours, &c);
		size_t cmp = c.size < (size_t)hn + 1 ? c.size : (size_t)hn + 1;
		if (hn == sn && !memcmp(host, ours, sizeof(host)))
			continue;
		if (++failures <= 5)
			tap_diag("\"%s\" value %#llx stars %d %d size %zu: host %d \"%.*s\", ours %d \"%.*s\"",
				 c.fmt, (unsigned long long)c.value, c.stars[0], c.stars[1],
				 c.size, hn, (int)cmp, host, sn, (int)cmp, ours);
	}
	return failures;
}

int main(void)
{
	static const char conversions[] = "diuxXocs";

	rng_state = SEED;
	tap_diag("seed %#llx, %d cases per conversion", (unsigned long long)SEED, ROUNDS);
	for (const char *conv = conversions; *conv; conv++) {
		int failures = check_conversion(*conv);

		if (failures)
			tap_diag("%d of %d differ", failures, ROUNDS);
		tap_ok(!failures, "vsprintf_random_%c", *conv);
	}
	return tap_done();
}
