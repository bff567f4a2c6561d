#!/usr/bin/env python3
"""Draws the Teams app icons (color.png 192x192, outline.png 32x32) with the standard library only.

The picture: a calendar page with a tick, the workspace's purpose. color.png is the full-colour icon on an opaque
background; outline.png is white on transparent, as Teams asks of outline icons. Run from this folder; the PNGs are
committed, so this runs only when the design changes.
"""
import struct
import zlib


def png(path, size, pixel):
    """Writes an RGBA PNG of size x size whose pixel (x, y) is pixel(x / size, y / size) as (r, g, b, a)."""
    rows = b"".join(
        b"\x00" + b"".join(bytes(pixel((x + 0.5) / size, (y + 0.5) / size)) for x in range(size)) for y in range(size)
    )

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    with open(path, "wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def calendar(u, v, stroke):
    """Whether (u, v) in the unit square is on the calendar glyph: page outline, header band, rings, tick."""
    left, right, top, bottom = 0.2, 0.8, 0.24, 0.82
    inside = left <= u <= right and top <= v <= bottom
    border = inside and (u - left < stroke or right - u < stroke or v - top < stroke or bottom - v < stroke)
    header = inside and v - top < 0.16
    rings = any(abs(u - x) < stroke * 0.8 and 0.16 <= v <= 0.3 for x in (0.36, 0.64))
    # A tick from (0.36, 0.6) down to (0.46, 0.7), then up to (0.66, 0.5).
    def near(ax, ay, bx, by):
        t = max(0.0, min(1.0, ((u - ax) * (bx - ax) + (v - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)))
        return (u - ax - t * (bx - ax)) ** 2 + (v - ay - t * (by - ay)) ** 2 < (stroke * 0.9) ** 2
    tick = near(0.36, 0.6, 0.46, 0.7) or near(0.46, 0.7, 0.66, 0.5)
    return border or header or rings or tick


ACCENT = (0x46, 0x4E, 0xB8, 255)
WHITE = (255, 255, 255, 255)
CLEAR = (0, 0, 0, 0)

png("color.png", 192, lambda u, v: WHITE if calendar(u, v, 0.045) else ACCENT)
png("outline.png", 32, lambda u, v: WHITE if calendar(u, v, 0.07) else CLEAR)
