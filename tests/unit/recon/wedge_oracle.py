#!/usr/bin/env python3
"""Independent oracle for hav1's wedge masks (spec 7.11.3.11).

Re-implements initialise_wedge_mask_table() line by line from the spec
pseudo-code, reading every table it needs (Wedge_Master_*, Wedge_Codebook,
the WEDGE_* direction values, Wedge_Bits, Num_4x4_Blocks_Wide/High,
MASK_MASTER_SIZE, WEDGE_TYPES, BLOCK_SIZES, BLOCK_8X8) straight from the spec
markdown, so it shares nothing with hav1's generated tables or C++ code.
It then runs wedge_dump (hav1's WedgeMask for every block size, sign and
index) and requires the same set of block sizes, the same bytes and the
same CRC-32 for every mask.

Usage: wedge_oracle.py WEDGE_DUMP SPEC_DIR
Exits 77 (meson: skipped) when SPEC_DIR does not exist.
"""
import os
import re
import subprocess
import sys
import zlib


def read(spec_dir, name):
    with open(os.path.join(spec_dir, name), encoding='utf-8') as f:
        return f.read()


def symbol(text, name):
    """A section 3 symbol: | `NAME` | value | description."""
    m = re.search(r'^\|\s*`%s`\s*\|\s*(\d+)\s*\|' % re.escape(name), text, re.M)
    if not m:
        raise ValueError('symbol %s not found' % name)
    return int(m.group(1))


def c_array(text, name, names=None):
    """The flat list of entries of the C array `name[...] = { ... }`;
    identifiers are mapped through `names`."""
    m = re.search(r'^\s*%s\s*(\[[^\]]*\]\s*)+=\s*\{' % re.escape(name), text, re.M)
    if not m:
        raise ValueError('array %s not found' % name)
    depth, pos = 1, m.end()
    while depth:
        c = text[pos]
        depth += {'{': 1, '}': -1}.get(c, 0)
        pos += 1
    body = text[m.end():pos - 1]
    out = []
    for tok in re.findall(r'[A-Za-z_][A-Za-z_0-9]*|\d+', body):
        out.append(int(tok) if tok.isdigit() else names[tok])
    return out


def spec_tables(spec_dir):
    symbols = read(spec_dir, '03.symbols.md')
    semantics = read(spec_dir, '07.bitstream.semantics.md')
    decoding = read(spec_dir, '08.decoding.process.md')
    tables = read(spec_dir, '10.additional.tables.md')
    t = {}
    t['MASK_MASTER_SIZE'] = symbol(symbols, 'MASK_MASTER_SIZE')
    t['WEDGE_TYPES'] = symbol(symbols, 'WEDGE_TYPES')
    t['BLOCK_SIZES'] = symbol(symbols, 'BLOCK_SIZES')
    # 6.10.4 subSize value table: | 3 | BLOCK_8X8
    m = re.search(r'^\|\s*(\d+)\s*\|\s*BLOCK_8X8\b', semantics, re.M)
    t['BLOCK_8X8'] = int(m.group(1))
    # 7.11.3.11 wedge direction constants: | WEDGE_HORIZONTAL | 0
    dirs = {k: int(v) for k, v in
            re.findall(r'^\|\s*(WEDGE_[A-Z0-9]+)\s*\|\s*(\d+)', decoding, re.M)}
    assert len(dirs) == 6, dirs
    t['dirs'] = dirs
    for name in ('Wedge_Master_Oblique_Odd', 'Wedge_Master_Oblique_Even',
                 'Wedge_Master_Vertical'):
        t[name] = c_array(decoding, name)
        assert len(t[name]) == t['MASK_MASTER_SIZE'], name
    flat = c_array(decoding, 'Wedge_Codebook', dirs)
    assert len(flat) == 3 * 16 * 3
    t['Wedge_Codebook'] = [[flat[(s * 16 + i) * 3:(s * 16 + i) * 3 + 3] for i in range(16)]
                           for s in range(3)]
    for name in ('Wedge_Bits', 'Num_4x4_Blocks_Wide', 'Num_4x4_Blocks_High'):
        t[name] = c_array(tables, name)
        assert len(t[name]) == t['BLOCK_SIZES'], name
    return t


def wedge_masks(t):
    """initialise_wedge_mask_table() of 7.11.3.11, transcribed literally.
    Returns {bsize: [sign][wedge] -> list of rows}."""
    size = t['MASK_MASTER_SIZE']
    d = t['dirs']
    odd, even, vert = (t['Wedge_Master_Oblique_Odd'], t['Wedge_Master_Oblique_Even'],
                       t['Wedge_Master_Vertical'])

    def clip3(lo, hi, x):
        return lo if x < lo else hi if x > hi else x

    master = [[[None] * size for _ in range(size)] for _ in range(6)]
    w = size
    h = size
    for j in range(w):
        shift = size // 4
        for i in range(0, h, 2):
            master[d['WEDGE_OBLIQUE63']][i][j] = even[clip3(0, size - 1, j - shift)]
            shift -= 1
            master[d['WEDGE_OBLIQUE63']][i + 1][j] = odd[clip3(0, size - 1, j - shift)]
            master[d['WEDGE_VERTICAL']][i][j] = vert[j]
            master[d['WEDGE_VERTICAL']][i + 1][j] = vert[j]
    for i in range(h):
        for j in range(w):
            msk = master[d['WEDGE_OBLIQUE63']][i][j]
            master[d['WEDGE_OBLIQUE27']][j][i] = msk
            master[d['WEDGE_OBLIQUE117']][i][w - 1 - j] = 64 - msk
            master[d['WEDGE_OBLIQUE153']][w - 1 - j][i] = 64 - msk
            master[d['WEDGE_HORIZONTAL']][j][i] = master[d['WEDGE_VERTICAL']][i][j]

    def block_shape(bsize):
        w4 = t['Num_4x4_Blocks_Wide'][bsize]
        h4 = t['Num_4x4_Blocks_High'][bsize]
        if h4 > w4:
            return 0
        if h4 < w4:
            return 1
        return 2

    def codebook(bsize, index):
        return t['Wedge_Codebook'][block_shape(bsize)][index]

    masks = {}
    for bsize in range(t['BLOCK_8X8'], t['BLOCK_SIZES']):
        if t['Wedge_Bits'][bsize] > 0:
            w = 4 * t['Num_4x4_Blocks_Wide'][bsize]
            h = 4 * t['Num_4x4_Blocks_High'][bsize]
            out = [[None] * t['WEDGE_TYPES'] for _ in range(2)]
            for wedge in range(t['WEDGE_TYPES']):
                direction, xo, yo = codebook(bsize, wedge)
                xoff = size // 2 - ((xo * w) >> 3)
                yoff = size // 2 - ((yo * h) >> 3)
                total = 0
                for i in range(w):
                    total += master[direction][yoff][xoff + i]
                for i in range(1, h):
                    total += master[direction][yoff + i][xoff]
                avg = (total + (w + h - 1) // 2) // (w + h - 1)
                flip_sign = 1 if avg < 32 else 0
                keep = [[master[direction][yoff + i][xoff + j] for j in range(w)]
                        for i in range(h)]
                out[flip_sign][wedge] = keep
                out[1 - flip_sign][wedge] = [[64 - v for v in row] for row in keep]
            masks[bsize] = out
    return masks


def main():
    dump, spec_dir = sys.argv[1:3]
    if not os.path.isdir(spec_dir):
        print('SKIP: AV1 spec not found at %s (needs ../shared)' % spec_dir)
        return 77
    t = spec_tables(spec_dir)
    expected = wedge_masks(t)
    lines = subprocess.run([dump], check=True, capture_output=True,
                           text=True).stdout.splitlines()
    seen = set()
    failures = 0
    all_bytes = bytearray()
    for line in lines:
        f = line.split()
        bsize, sign, index, ok = (int(x) for x in f[:4])
        seen.add((bsize, sign, index))
        tag = 'bsize %d sign %d index %d' % (bsize, sign, index)
        if bsize not in expected:
            if ok:
                print('FAIL: %s: hav1 has a wedge mask, the spec has none '
                      '(Wedge_Bits = %d)' % (tag, t['Wedge_Bits'][bsize]))
                failures += 1
            continue
        if not ok:
            print('FAIL: %s: hav1 refused a block size with Wedge_Bits > 0' % tag)
            failures += 1
            continue
        w, h, crc, data = int(f[4]), int(f[5]), int(f[6], 16), bytes.fromhex(f[7])
        rows = expected[bsize][sign][index]
        want = bytes(v for row in rows for v in row)
        if (w, h) != (len(rows[0]), len(rows)):
            print('FAIL: %s: size %dx%d, spec %dx%d' % (tag, w, h, len(rows[0]), len(rows)))
            failures += 1
            continue
        want_crc = zlib.crc32(want)
        if crc != want_crc or data != want:
            k = next((k for k in range(len(want)) if data[k] != want[k]), None)
            where = ('first difference at row %d col %d: hav1 %d, spec %d' %
                     (k // w, k % w, data[k], want[k])) if k is not None else 'bytes equal'
            print('FAIL: %s: crc hav1 %08x spec %08x; %s' % (tag, crc, want_crc, where))
            failures += 1
            continue
        all_bytes += want
    want_keys = {(b, s, i) for b in range(t['BLOCK_SIZES']) for s in range(2)
                 for i in range(t['WEDGE_TYPES'])}
    if seen != want_keys:
        print('FAIL: the dump covers %d of %d (bsize, sign, index) triples' %
              (len(seen & want_keys), len(want_keys)))
        failures += 1
    if failures:
        print('FAIL: %d wedge masks differ from the spec' % failures)
        return 1
    n = sum(2 * t['WEDGE_TYPES'] for _ in expected)
    print('OK: %d wedge masks over block sizes %s equal the spec re-implementation '
          '(%d bytes, crc32 of all %08x)' % (n, sorted(expected), len(all_bytes),
                                            zlib.crc32(bytes(all_bytes))))
    return 0


if __name__ == '__main__':
    sys.exit(main())
