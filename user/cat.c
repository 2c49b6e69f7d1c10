// SPDX-License-Identifier: MIT
/* cat [file...]: copy each file (or standard input) to standard output. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

/* Copy fd to stdout; 0, or -1 with errno set. */
static int copy(int fd)
{
	char buf[512];
	ssize_t n;

	while ((n = read(fd, buf, sizeof(buf))) > 0) {
		long err = write_all(STDOUT_FILENO, buf, n);

		if (err) {
			errno = -err;
			return -1;
		}
	}
	return n < 0 ? -1 : 0;
}

int main(int argc, char **argv)
{
	int i, fd, status = 0;

	if (argc < 2) {
		if (copy(STDIN_FILENO)) {
			perror("stdin");
			return 1;
		}
		return 0;
	}
	for (i = 1; i < argc; i++) {
		fd = open(argv[i], O_RDONLY);
		if (fd < 0 || copy(fd)) {
			perror(argv[i]);
			status = 1;
		}
		if (fd >= 0)
			close(fd);
	}
	return status;
}
