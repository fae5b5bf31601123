#!/usr/bin/env python3
"""Replays every file of a directory (the fuzz regression inputs in
tests/fuzz/regressions) through hav1_fuzz_replay, each in its own process
under `timeout`.  A failing decode is fine; a crash (signal, sanitizer
report, non-zero exit) or a timeout fails the test.

usage: replay_dir.py REPLAYER DIR [--timeout S]
"""
import argparse
import os
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('replayer')
    ap.add_argument('dir')
    ap.add_argument('--timeout', type=int, default=20)
    args = ap.parse_args()

    files = sorted(os.path.join(root, f)
                   for root, _, names in os.walk(args.dir) for f in names
                   if not f.startswith('.') and not f.endswith('.md'))
    env = dict(os.environ)
    # Sanitizer reports must fail the run; leaks count too.
    env.setdefault('ASAN_OPTIONS', 'abort_on_error=1:detect_leaks=1')
    env.setdefault('UBSAN_OPTIONS', 'halt_on_error=1:print_stacktrace=1')

    bad = 0
    for path in files:
        try:
            p = subprocess.run(['timeout', '-s', 'KILL', str(args.timeout), args.replayer, path],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
        except OSError as e:
            print(f'ERROR: {path}: {e}')
            bad += 1
            continue
        if p.returncode == 0:
            print(f'ok: {os.path.basename(path)}')
            continue
        status = 'TIMEOUT' if p.returncode in (124, 137, -9) else 'CRASH'
        print(f'{status}: {path}\n{p.stdout.decode(errors="replace")[-3000:]}\n', flush=True)
        bad += 1
    print(f'fuzz regressions: {len(files)} inputs, {len(files) - bad} ok, {bad} failed')
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
