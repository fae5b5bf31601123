#!/usr/bin/env python3
"""Replays every `expect=no-crash` input of ../shared/conformance/MANIFEST.tsv
through hav1_fuzz_replay, each in its own process under `timeout 10`.
Fails if any input crashes (signal, sanitizer report, non-zero exit) or
times out.  Exits 77 (meson: skipped) when the shared streams are missing.

usage: replay_manifest.py REPLAYER SHARED_DIR [--timeout S] [--jobs N]
"""
import argparse
import concurrent.futures
import csv
import os
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('replayer')
    ap.add_argument('shared')
    ap.add_argument('--timeout', type=int, default=10)
    ap.add_argument('--jobs', type=int, default=2)
    args = ap.parse_args()

    conf = os.path.join(args.shared, 'conformance')
    manifest = os.path.join(conf, 'MANIFEST.tsv')
    if not os.path.exists(manifest):
        print(f'SKIP: {manifest} not found (needs ../shared next to the source tree)')
        return 77

    files = []
    with open(manifest, newline='') as f:
        for row in csv.DictReader(f, delimiter='\t'):
            if row['expect'] == 'no-crash' and row['file'] not in files:
                files.append(row['file'])

    env = dict(os.environ)
    # Sanitizer reports must fail the run; leaks count too.
    env.setdefault('ASAN_OPTIONS', 'abort_on_error=1:detect_leaks=1')
    env.setdefault('UBSAN_OPTIONS', 'halt_on_error=1:print_stacktrace=1')

    def run(rel):
        path = os.path.join(conf, rel)
        try:
            p = subprocess.run(['timeout', '-s', 'KILL', str(args.timeout), args.replayer, path],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
        except OSError as e:
            return rel, 'error', str(e)
        if p.returncode == 0:
            return rel, 'ok', ''
        # timeout -s KILL: the child dies with SIGKILL (137 / -9).
        status = 'timeout' if p.returncode in (124, 137, -9) else 'crash'
        return rel, status, p.stdout.decode(errors='replace')[-3000:]

    results = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as ex:
        for rel, status, out in ex.map(run, files):
            results.append((rel, status))
            if status != 'ok':
                print(f'{status.upper()}: {rel}\n{out}\n', flush=True)

    counts = {s: sum(1 for _, st in results if st == s) for s in ('ok', 'crash', 'timeout', 'error')}
    print(f'fuzz replay: {len(results)} no-crash inputs, {counts["ok"]} ok, '
          f'{counts["crash"]} crashed, {counts["timeout"]} timed out (>{args.timeout}s), '
          f'{counts["error"]} could not run')
    return 0 if counts['ok'] == len(results) else 1


if __name__ == '__main__':
    sys.exit(main())
