#!/usr/bin/env python3
"""pty_run.py RAW SCREEN CMD...: runs CMD with stdout and stderr on one
pseudo-terminal, as a person at a terminal would see it.  RAW gets the bytes
written; SCREEN gets the lines left on the screen once carriage returns and
erase-line (ESC [ K) are applied, which is what the reader sees.  Exits with
CMD's exit code."""
import os
import pty
import sys


def render(data: str) -> list[str]:
    """The lines of a terminal that knows \\r, \\n and ESC [ K (the rest as text)."""
    lines, line, col, i = [], [], 0, 0
    while i < len(data):
        c = data[i]
        if data.startswith("\x1b[K", i):
            del line[col:]
            i += 3
            continue
        if c == "\r":
            col = 0
        elif c == "\n":
            lines.append("".join(line))
            line, col = [], 0
        else:
            if col < len(line):
                line[col] = c
            else:
                line.append(c)
            col += 1
        i += 1
    if line:
        lines.append("".join(line))
    return lines


def main() -> int:
    raw_path, screen_path, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(cmd[0], cmd)
    out = bytearray()
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        out += chunk
    _, status = os.waitpid(pid, 0)
    text = out.decode("utf-8", "replace").replace("\r\n", "\n")  # the tty's ONLCR
    open(raw_path, "w").write(text)
    open(screen_path, "w").write("".join(l + "\n" for l in render(text)))
    return os.waitstatus_to_exitcode(status)


if __name__ == "__main__":
    sys.exit(main())
