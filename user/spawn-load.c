// SPDX-License-Identifier: MIT
/*
 * spawn-load RUNNING SLEEPING: leave RUNNING processes that burn CPU in
 * user mode and SLEEPING processes asleep in nanosleep(), all forever,
 * and exit: a background load for benchmarks (a livepatch transition with
 * 1,000 runnable processes and 100 sleepers).
 *
 * The runners start together, at one deadline, and this program returns
 * only once all of them run, so that the load is steady when it exits:
 *  - each runner stops itself (SIGSTOP) as soon as it is forked: a parent
 *    sharing the CPU with the runners it already made would wait a 50 ms
 *    slice behind each of them for every few forks;
 *  - once all are made, the parent writes the deadline (uptime in
 *    hundredths of a second) to DEADLINE_FILE and continues each runner,
 *    which reads it and sleeps until then; woken one at a time instead,
 *    a runner on its way back to user mode could be preempted inside the
 *    kernel by the next one's wake-up, and stay there for a whole round
 *    of the run queue;
 *  - the parent waits until no runner is asleep any more: the tick that
 *    ends their sleeps may lag behind the uptime clock.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MAX_PROCS 4096
#define DEADLINE_FILE "/tmp/spawn-load.deadline"

static pid_t runners[MAX_PROCS];

static void nap_cs(long cs)
{
	struct timespec req = { .tv_sec = cs / 100, .tv_nsec = cs % 100 * 10000000L };

	if (cs > 0)
		nanosleep(&req, NULL);
}

/* The first number in path ("12.34 ..." in hundredths: 1234), or -1. */
static long read_cs(const char *path)
{
	char buf[64], *end;
	long whole, frac = 0;
	long n;
	int fd;

	fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = 0;
	whole = strtol(buf, &end, 10);
	if (*end == '.')
		frac = strtol(end + 1, NULL, 10);
	return whole * 100 + frac;
}

static void runner(void)
{
	unsigned long i = 0;

	kill(getpid(), SIGSTOP);
	nap_cs(read_cs(DEADLINE_FILE) - read_cs("/proc/uptime"));
	/* The empty asm makes i opaque, so the compiler keeps every iteration. */
	for (;;)
		__asm__ volatile("" : "+r"(i));
}

static void sleeper(void)
{
	for (;;)
		nap_cs(100000);
}

static pid_t spawn(void (*fn)(void))
{
	pid_t pid = fork();

	if (pid < 0)
		perror("fork");
	if (pid == 0) {
		fn();
		exit(0);
	}
	return pid;
}

/* Is pid in state (a letter of /proc/<pid>/status's State: line)? */
static int in_state(pid_t pid, char state)
{
	char path[32], buf[128];
	long n, i;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return 0;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	for (i = 0; i + 8 < n; i++)
		if (!strncmp(buf + i, "State:\t", 7))
			return buf[i + 7] == state;
	return 0;
}

static int write_deadline(long cs)
{
	int fd = open(DEADLINE_FILE, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	if (fd < 0) {
		perror(DEADLINE_FILE);
		return -1;
	}
	dprintf(fd, "%ld.%02ld\n", cs / 100, cs % 100);
	close(fd);
	return 0;
}

int main(int argc, char **argv)
{
	int running, sleeping, i;
	long start, deadline;

	if (argc != 3 || (running = atoi(argv[1])) < 0 || (sleeping = atoi(argv[2])) < 0 ||
	    running + sleeping > MAX_PROCS) {
		dprintf(2, "usage: spawn-load RUNNING SLEEPING (at most %d in all)\n", MAX_PROCS);
		return 2;
	}
	for (i = 0; i < sleeping; i++)
		if (spawn(sleeper) < 0)
			return 1;
	start = read_cs("/proc/uptime");
	for (i = 0; i < running; i++) {
		runners[i] = spawn(runner);
		if (runners[i] < 0)
			return 1;
		/* Continuing it before it stopped itself would leave it stopped for good. */
		while (!in_state(runners[i], 'T'))
			sched_yield();
	}
	/* Continuing them takes less than making them did; and half a second to spare. */
	deadline = 2 * read_cs("/proc/uptime") - start + 50;
	if (write_deadline(deadline))
		return 1;
	for (i = 0; i < running; i++)
		kill(runners[i], SIGCONT);
	if (read_cs("/proc/uptime") >= deadline)
		dprintf(2, "spawn-load: warning: the runners started before all were continued\n");
	/*
	 * Wait until every runner has left its sleep (the tick may lag behind
	 * the uptime clock, and runners sleep in ticks), so that none of them
	 * wakes up later, in the middle of a measurement.
	 */
	nap_cs(deadline + 10 - read_cs("/proc/uptime"));
	for (i = 0; i < running; i++)
		while (!in_state(runners[i], 'R'))
			nap_cs(10);
	printf("spawn-load: %d running, %d sleeping\n", running, sleeping);
	return 0;
}
