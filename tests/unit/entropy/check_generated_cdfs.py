#!/usr/bin/env python3
"""Regenerates the default CDF tables from the spec into a temporary file and
requires it to equal the committed src/entropy/default_cdfs.inc.

Usage: check_generated_cdfs.py GENERATOR SPEC_DIR COMMITTED_INC
Exits 77 (meson: skipped) when SPEC_DIR does not exist.
"""
import os
import subprocess
import sys
import tempfile


def main():
    generator, spec_dir, committed = sys.argv[1:4]
    if not os.path.isdir(spec_dir):
        print('SKIP: AV1 spec not found at %s (needs ../shared)' % spec_dir)
        return 77
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, 'default_cdfs.inc')
        subprocess.run([sys.executable, generator, spec_dir, '-o', out], check=True)
        with open(out, encoding='utf-8') as f:
            fresh = f.read()
    with open(committed, encoding='utf-8') as f:
        old = f.read()
    if fresh != old:
        print('FAIL: %s differs from the generator output; rerun %s' % (committed, generator))
        return 1
    print('OK: %s matches the spec (%d bytes)' % (committed, len(fresh)))
    return 0


if __name__ == '__main__':
    sys.exit(main())
