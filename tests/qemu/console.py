#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# A terminal on a QEMU serial console that is a unix socket (tools/debug.sh
# makes one): raw keyboard in, console out, Ctrl-] quits.
"""usage: console.py SOCKET"""

import os
import select
import socket
import sys
import termios
import tty

QUIT = b"\x1d"          # Ctrl-]


def pump(sock):
    """Copy keyboard to console and console to screen. At the end of a
    piped (not typed) input, go on printing until the console is quiet."""
    stdin = sys.stdin.fileno()
    inputs = [sock, stdin]
    while True:
        ready, _, _ = select.select(inputs, [], [], None if stdin in inputs else 0.5)
        if not ready:
            return "end of input"
        if sock in ready:
            data = sock.recv(65536)
            if not data:
                return "console closed"
            os.write(sys.stdout.fileno(), data)
        if stdin in ready:
            data = os.read(stdin, 1024)
            if QUIT in data:
                return "quit"
            if not data:
                inputs.remove(stdin)
            sock.sendall(data)


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.connect(sys.argv[1])
    except OSError as err:
        print("console.py: %s: %s" % (sys.argv[1], err.strerror), file=sys.stderr)
        return 1
    print("console.py: connected to %s; Ctrl-] quits" % sys.argv[1], file=sys.stderr)
    saved = termios.tcgetattr(sys.stdin) if sys.stdin.isatty() else None
    try:
        if saved:
            tty.setraw(sys.stdin)
        why = pump(sock)
    finally:
        if saved:
            termios.tcsetattr(sys.stdin, termios.TCSADRAIN, saved)
    print("\nconsole.py: %s" % why, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
