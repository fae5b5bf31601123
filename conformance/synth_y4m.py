#!/usr/bin/env python3
"""Writes a synthetic Y4M clip for conformance/make_samples.sh.  Deterministic:
the same arguments give the same bytes.  Usage: synth_y4m.py OUT.y4m WIDTH
HEIGHT FRAMES [--depth 8|10|12] [--chroma 420|422|444|mono] [--pattern P]
[--speed S]

Patterns: natural (moving gradients, bars and a bouncing box), text (screen
content glyphs), scroll (the glyphs scrolling by whole samples), and textured scenes in motion that make an encoder pick the
inter tools: pan (sub-pixel translation of the whole picture: interpolation
filters), zoom (the whole picture zooms and rotates: global motion), warp
(rotating and zooming patches over a panning background: local warped motion),
objects (textured boxes moving every which way over a panning background:
OBMC, compound prediction and occlusions)."""
import argparse
import math
import struct

SCENES = ("pan", "zoom", "warp", "objects")


def lattice(i, j, seed):
    """Deterministic hash of an integer lattice point, in 0..255."""
    h = (i * 374761393 + j * 668265263 + seed * 2246822519) & 0xFFFFFFFF
    h = ((h ^ (h >> 13)) * 1274126177) & 0xFFFFFFFF
    return (h ^ (h >> 16)) & 255


def texture(u, v, seed, detail=1.0):
    """Continuous texture value (about 16..240) at real coordinates (u, v):
    smooth value noise (cell 16) plus hard-edged cells (size 11, corners for
    motion search) plus an oblique sinusoid; detail scales the last two."""
    fu, fv = math.floor(u / 16), math.floor(v / 16)
    au, av = u / 16 - fu, v / 16 - fv
    au, av = au * au * (3 - 2 * au), av * av * (3 - 2 * av)
    a = lattice(fu, fv, seed) * (1 - au) + lattice(fu + 1, fv, seed) * au
    b = lattice(fu, fv + 1, seed) * (1 - au) + lattice(fu + 1, fv + 1, seed) * au
    smooth = a * (1 - av) + b * av
    hard = lattice(math.floor(u / 11), math.floor(v / 11), seed + 7) - 128
    wave = 20 * math.sin(u * 0.23 + v * 0.11 + seed)
    return 128 + (smooth - 128) * 0.7 + (hard * 0.3 + wave) * detail


def scene_sampler(pattern, w, h, t):
    """Returns f(x, y, seed, detail=1) -> value of the scene at frame t."""
    cx, cy = w / 2, h / 2
    if pattern == "pan":
        return lambda x, y, s, d=1.0: texture(x + 1.37 * t, y + 0.61 * t, s, d)
    if pattern == "zoom":
        sc = 1 + 0.03 * t
        ca, sa = math.cos(0.02 * t), math.sin(0.02 * t)

        def zoom(x, y, s, d=1.0):
            dx, dy = (x - cx) / sc, (y - cy) / sc
            return texture(cx + ca * dx + sa * dy, cy - sa * dx + ca * dy, s, d)
        return zoom
    r = min(w, h) / 4
    if pattern == "warp":
        # Two discs: one turning, one zooming, both drifting.
        discs = []
        for k, (px, py, rot, zm, vx) in enumerate(((0.3, 0.45, 0.09, 0.0, 0.8), (0.72, 0.55, -0.05, 0.04, -0.6))):
            ox, oy = px * w + vx * t, py * h + 0.3 * t
            discs.append((ox, oy, math.cos(rot * t), math.sin(rot * t), 1 + zm * t, 50 + k))

        def warp(x, y, s, d=1.0):
            for ox, oy, ca, sa, sc, ds in discs:
                dx, dy = x - ox, y - oy
                if dx * dx + dy * dy < r * r:
                    dx, dy = dx / sc, dy / sc
                    return texture(ca * dx + sa * dy, -sa * dx + ca * dy, s + ds, d) + 25
            return texture(x + 0.5 * t, y, s, d)
        return warp
    # objects: boxes with their own texture, each moving its own way.
    boxes = []
    for k, (px, py, vx, vy) in enumerate(((0.1, 0.2, 2.3, 0.7), (0.6, 0.1, -1.6, 1.9), (0.4, 0.6, 0.9, -1.3), (0.75, 0.65, -2.7, -0.4))):
        boxes.append((px * w + vx * t, py * h + vy * t, 20 + k))

    def objects(x, y, s, d=1.0):
        for bx, by, bs in boxes:
            if bx <= x < bx + r * 1.3 and by <= y < by + r:
                return texture(x - bx, y - by, s + bs, d) - 20
        return texture(x + 1.0 * t, y + 0.25 * t, s, d)
    return objects


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("width", type=int)
    ap.add_argument("height", type=int)
    ap.add_argument("frames", type=int)
    ap.add_argument("--depth", type=int, default=8, choices=(8, 10, 12))
    ap.add_argument("--chroma", default="420", choices=("420", "422", "444", "mono"))
    ap.add_argument("--speed", type=float, default=1.0,
                    help="motion speed factor of the pan/zoom/warp/objects scenes")
    ap.add_argument("--pattern", default="natural", choices=("natural", "text", "scroll") + SCENES,
                    help="text: two-colour glyph-like tiles that repeat (screen content); "
                    "scroll: the same glyphs scrolling by whole samples; "
                    "pan, zoom, warp, objects: textured scenes in motion (see above)")
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

            if a.pattern == "scroll":
                # The text glyphs scrolling by whole samples (screen content
                # whose motion is integer).
                def luma(x, y, _t=t):
                    x, y = x + 3 * _t, y + _t
                    g = ((x // 8) * 7 + (y // 8) * 3) % 5
                    bit = (g * 37 + (x % 8) * 5 + (y % 8) * 3) % 7 < 3
                    return 16 if bit else 235
            if a.pattern == "text":
                # 8x8 "glyphs" from a small alphabet, repeated along the rows.
                def luma(x, y, _t=t):
                    g = ((x // 8) * 7 + (y // 8) * 3 + _t) % 5
                    bit = (g * 37 + (x % 8) * 5 + (y % 8) * 3) % 7 < 3
                    return 16 if bit else 235
            if a.pattern in SCENES:
                f_scene = scene_sampler(a.pattern, w, h, t if a.speed == 1.0 else t * a.speed)
                clip = lambda v: min(255, max(0, int(round(v))))
                planes = [[[clip(f_scene(x + 0.5, y + 0.5, 1)) for x in range(w)] for y in range(h)]]
                if a.chroma != "mono":
                    # Chroma: the same scene at the chroma sample positions, flattened.
                    for ps in (2, 3):
                        planes.append([[clip(128 + (f_scene((x + 0.5) * w / cw, (y + 0.5) * h / ch, ps, 0.0) - 128) * 0.3)
                                        for x in range(cw)] for y in range(ch)])
            else:
                planes = [[[luma(x, y) for x in range(w)] for y in range(h)]]
            if a.pattern not in SCENES and a.chroma != "mono":
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
