#!/usr/bin/env python3
"""Watches an Xvfb screen while a command starts, and prints when a window first appears on it and
when the screen first shows a window's layout: what a user sees, not what the app says it did.

usage: first-frames.py SCREEN_FILE COMMAND [ARG...]

SCREEN_FILE is the XWD file Xvfb keeps of its screen with `-fbdir DIR` (DIR/Xvfb_screen0). The
command runs with this script's stdout and stderr; this script adds, as soon as it sees them:

  frame mapped: <ms> ms after launch        most of the screen changed: a window is there, blank or not
  frame with layout: <ms> ms after launch   the screen shows more than a few colours: text, borders,
                                            shades (a blank window and the mouse pointer are two)

It exits with the command's exit status. Sampling every 10 ms costs little CPU next to the command.
"""
import mmap
import struct
import subprocess
import sys
import time

# Distinct colours in the sample above which a frame shows a layout. A blank window is one colour,
# the pointer adds two or three; any laid-out JavaFX window adds dozens (anti-aliased text).
LAYOUT_COLOURS = 12
ROW_STEP, PIXEL_STEP = 8, 8


def sample(screen):
    """A grid of pixel values of the screen, as a tuple of ints (32-bit pixels assumed)."""
    with open(screen, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as m:
        header = struct.unpack(">25I", m[:100])
        header_size, height, bits_per_pixel, bytes_per_line, colours = (
            header[0], header[5], header[11], header[12], header[19])
        if bits_per_pixel != 32:
            sys.exit(f"first-frames.py: needs a 24-bit Xvfb screen (32 bits per pixel), got {bits_per_pixel}")
        start = header_size + colours * 12
        pixels = []
        for y in range(0, height, ROW_STEP):
            row = m[start + y * bytes_per_line : start + (y + 1) * bytes_per_line]
            pixels.extend(memoryview(row).cast("I")[::PIXEL_STEP])
        return tuple(pixels)


def main():
    screen, command = sys.argv[1], sys.argv[2:]
    before = sample(screen)
    launched = time.monotonic()
    child = subprocess.Popen(command)
    mapped = layout = False
    while child.poll() is None and not layout:
        now = sample(screen)
        ms = int((time.monotonic() - launched) * 1000)
        if not mapped and sum(a != b for a, b in zip(before, now)) > len(now) // 2:
            mapped = True
            print(f"frame mapped: {ms} ms after launch", flush=True)
        if len(set(now)) > LAYOUT_COLOURS:
            layout = True
            print(f"frame with layout: {ms} ms after launch", flush=True)
        time.sleep(0.01)
    sys.exit(child.wait())


if __name__ == "__main__":
    main()
