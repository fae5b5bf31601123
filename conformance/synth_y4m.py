#!/usr/bin/env python3
"""Writes a synthetic Y4M clip (moving gradients, bars and a bouncing box) for
conformance/make_samples.sh.  Deterministic: the same arguments give the same
bytes.  Usage: synth_y4m.py OUT.y4m WIDTH HEIGHT FRAMES [--depth 8|10|12]
[--chroma 420|422|444|mono]"""
import argparse
import struct


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("width", type=int)
    ap.add_argument("height", type=int)
    ap.add_argument("frames", type=int)
    ap.add_argument("--depth", type=int, default=8, choices=(8, 10, 12))
    ap.add_argument("--chroma", default="420", choices=("420", "422", "444", "mono"))
    ap.add_argument("--pattern", default="natural", choices=("natural", "text"),
                    help="text: two-colour glyph-like tiles that repeat (screen content)")
    a = ap.parse_args()
    w, h, d = a.width, a.height, a.depth
    cs = {"420": "420jpeg", "422": "422", "444": "444", "mono": "mono"}[a.chroma]
    if d > 8:
        cs = {"420jpeg": "420", "mono": "mono"}.get(cs, cs) + "p%d" % d
        if a.chroma == "mono":
            cs = "mono%d" % d
    maxv = (1 << d) - 1
    sx = 1 if a.chroma in ("420", "422") else 0
    sy = 1 if a.chroma == "420" else 0
    cw, ch = (w + sx) >> sx, (h + sy) >> sy
    with open(a.out, "wb") as f:
        f.write(("YUV4MPEG2 W%d H%d F30:1 Ip A1:1 C%s\n" % (w, h, cs)).encode())
        for t in range(a.frames):
            f.write(b"FRAME\n")
            bx, by = (t * 3) % max(1, w - w // 4), (t * 2) % max(1, h - h // 4)

            def luma(x, y):
                v = ((x + 2 * t) * 255 // max(1, w - 1) + (y * 128 // max(1, h))) & 255
                if (x // 8 + y // 8) % 7 == 0:
                    v = 235 - v // 4
                if bx <= x < bx + w // 4 and by <= y < by + h // 4:
                    v = 40 + ((x - bx) * 5 + t * 7) % 60
                return v

            if a.pattern == "text":
                # 8x8 "glyphs" from a small alphabet, repeated along the rows.
                def luma(x, y, _t=t):
                    g = ((x // 8) * 7 + (y // 8) * 3 + _t) % 5
                    bit = (g * 37 + (x % 8) * 5 + (y % 8) * 3) % 7 < 3
                    return 16 if bit else 235
            planes = [[[luma(x, y) for x in range(w)] for y in range(h)]]
            if a.chroma != "mono":
                planes.append([[(128 + (x * 64 // max(1, cw)) - 32 + t) & 255 for x in range(cw)] for y in range(ch)])
                planes.append([[(128 + (y * 64 // max(1, ch)) - 32 - t) & 255 for x in range(cw)] for y in range(ch)])
            for p in planes:
                for row in p:
                    if d == 8:
                        f.write(bytes(row))
                    else:
                        f.write(struct.pack("<%dH" % len(row), *[min(maxv, v << (d - 8)) for v in row]))


if __name__ == "__main__":
    main()
