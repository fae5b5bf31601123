#!/usr/bin/env python3
"""hav1 conformance runner.

Decodes every stream of a manifest (the shared TSV format, see
../shared/conformance/README.md) with hav1dec and compares the MD5 of the raw
output with the manifest's `md5` (or `md5_nograin` with --filmgrain 0, or
`md5_first` with --first-frame).  `expect=no-crash` rows pass whenever the
decoder ends without a signal, sanitizer report or timeout, whatever its exit
status.

Exit status: 0 when every stream listed in --expected that was run passed
(other failures are reported only, unless --strict or --fail-on-crash);
1 otherwise; 77 (meson's "skipped") when the manifest does not exist.

Examples:
  conformance/run.py --hav1dec build/tools/hav1dec/hav1dec -j 2
  conformance/run.py --hav1dec ... --tags 10bit,intra-only --exclude-tags film-grain
  conformance/run.py --hav1dec ... --filter 'av1-1-b8-01' --verbose
  conformance/run.py --hav1dec ... --expected conformance/expected_pass.txt \\
      --list conformance/expected_pass.txt
"""

import argparse
import collections
import concurrent.futures
import csv
import os
import re
import shlex
import signal
import subprocess
import sys
import time

SOURCE_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_MANIFEST = os.path.join(SOURCE_ROOT, '..', 'shared', 'conformance',
                                'MANIFEST.tsv')
SKIP_EXIT = 77
SANITIZER_MARKERS = ('ERROR: AddressSanitizer', 'ERROR: LeakSanitizer',
                     'ERROR: MemorySanitizer', 'WARNING: ThreadSanitizer',
                     'runtime error:', 'ERROR: UndefinedBehaviorSanitizer')
MD5_RE = re.compile(r'\b([0-9a-f]{32})\b')


class Row:
    """One manifest row: a stream decoded with particular arguments."""

    def __init__(self, fields, root):
        self.file = fields['file']
        self.path = os.path.join(root, self.file)
        self.md5 = fields.get('md5', '-') or '-'
        self.md5_nograin = fields.get('md5_nograin', '-') or '-'
        self.md5_first = fields.get('md5_first', '-') or '-'
        self.expect = fields.get('expect', 'match') or 'match'
        self.tags = set(t for t in (fields.get('tags') or '').split(',') if t)
        self.args = (fields.get('args') or '').strip()
        self.frames = fields.get('frames', '-')

    @property
    def key(self):
        return (self.file, ' '.join(shlex.split(self.args)))

    def name(self):
        return self.file + (' ' + self.args if self.args else '')


class Result:
    def __init__(self, row, status, reason='', seconds=0.0, crashed=False):
        self.row = row
        self.status = status  # 'pass', 'fail' or 'skip'
        self.reason = reason
        self.seconds = seconds
        self.crashed = crashed  # signal, sanitizer report or timeout


def read_manifest(path):
    root = os.path.dirname(os.path.abspath(path))
    with open(path, newline='') as f:
        reader = csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_NONE)
        if 'file' not in (reader.fieldnames or []):
            sys.exit(f'run.py: {path}: no "file" column in the header line')
        return [Row(r, root) for r in reader if r.get('file')]


def read_list(path):
    """Reads 'file [args]' lines (comments with #) into a set of keys."""
    keys = set()
    with open(path) as f:
        for line in f:
            line = line.split('#', 1)[0].strip()
            if not line:
                continue
            parts = shlex.split(line)
            keys.add((parts[0], ' '.join(parts[1:])))
    return keys


def expected_md5(row, opts):
    """The MD5 to compare with, or None (with a reason) to skip the row."""
    if opts.first_frame:
        if row.md5_first == '-':
            return None, 'no md5_first'
        if opts.filmgrain == 0 and 'film-grain' in row.tags:
            return None, 'md5_first has grain applied'
        return row.md5_first, ''
    value = row.md5_nograin if opts.filmgrain == 0 else row.md5
    if value == '-':
        return None, 'no md5'
    return value, ''


def classify_error(stderr):
    """A short reason from hav1dec's stderr."""
    lines = [l.strip() for l in stderr.splitlines() if l.strip()]
    for l in lines:
        if 'error' in l.lower():
            # "hav1dec: error decoding (...): not implemented (-6)" -> tail
            m = re.search(r'\):\s*(.*)$', l)
            return (m.group(1) if m else l)[:160]
    return (lines[-1] if lines else 'no message')[:160]


def run_row(row, opts):
    expect_match = row.expect == 'match'
    want = None
    if expect_match:
        want, why = expected_md5(row, opts)
        if want is None:
            return Result(row, 'skip', why)
    if not os.path.exists(row.path):
        return Result(row, 'skip', 'file missing')
    cmd = [opts.hav1dec, '-i', row.path, '--muxer', 'md5', '-o', '-', '-q',
           '--threads', str(opts.threads)]
    if opts.filmgrain is not None:
        cmd += ['--filmgrain', str(opts.filmgrain)]
    if opts.first_frame:
        cmd += ['--limit', '1']
    cmd += shlex.split(row.args)
    cmd += opts.extra_args
    env = dict(os.environ)
    env.setdefault('ASAN_OPTIONS', 'detect_leaks=1')
    env.setdefault('UBSAN_OPTIONS', 'print_stacktrace=1')
    start = time.monotonic()
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=opts.timeout, env=env)
    except subprocess.TimeoutExpired:
        return Result(row, 'fail', f'timeout after {opts.timeout} s',
                      time.monotonic() - start, crashed=True)
    except OSError as e:
        return Result(row, 'fail', f'cannot run hav1dec: {e}')
    seconds = time.monotonic() - start
    stderr = p.stderr.decode('utf-8', 'replace')
    if p.returncode < 0:
        try:
            sig = signal.Signals(-p.returncode).name
        except ValueError:
            sig = f'signal {-p.returncode}'
        return Result(row, 'fail', f'CRASH: {sig}', seconds, crashed=True)
    for marker in SANITIZER_MARKERS:
        if marker in stderr:
            line = next(l for l in stderr.splitlines() if marker in l)
            return Result(row, 'fail', 'CRASH: ' + line.strip()[:160], seconds,
                          crashed=True)
    if not expect_match:
        return Result(row, 'pass', f'exit {p.returncode}', seconds)
    if p.returncode != 0:
        return Result(row, 'fail', classify_error(stderr), seconds)
    m = MD5_RE.search(p.stdout.decode('ascii', 'replace'))
    got = m.group(1) if m else '(none)'
    if got != want:
        return Result(row, 'fail', f'md5 mismatch: got {got}, want {want}',
                      seconds)
    return Result(row, 'pass', '', seconds)


def select_rows(rows, opts):
    tags = set(t for t in (opts.tags or '').split(',') if t)
    exclude = set(t for t in (opts.exclude_tags or '').split(',') if t)
    regex = re.compile(opts.filter) if opts.filter else None
    listed = read_list(opts.list) if opts.list else None
    out = []
    for r in rows:
        if tags and not tags <= r.tags:
            continue
        if exclude & r.tags:
            continue
        if regex and not regex.search(r.file):
            continue
        if listed is not None and r.key not in listed:
            continue
        out.append(r)
    return out


def print_table(results):
    per_tag = collections.defaultdict(lambda: [0, 0, 0])
    index = {'pass': 0, 'fail': 1, 'skip': 2}
    for res in results:
        for tag in sorted(res.row.tags) or ['(none)']:
            per_tag[tag][index[res.status]] += 1
    if not per_tag:
        return
    width = max(len('tag'), max(len(t) for t in per_tag))
    print(f'{"tag":<{width}}  {"passed":>7} {"failed":>7} {"skipped":>7}')
    for tag in sorted(per_tag):
        p, f, s = per_tag[tag]
        print(f'{tag:<{width}}  {p:>7} {f:>7} {s:>7}')


def main():
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--hav1dec', required=True, help='path of the hav1dec binary')
    ap.add_argument('--manifest', default=DEFAULT_MANIFEST,
                    help='manifest TSV (default: ../shared/conformance/MANIFEST.tsv '
                         'relative to the source root); streams are relative to it')
    ap.add_argument('--tags', help='only rows having all these tags (comma-separated)')
    ap.add_argument('--exclude-tags', help='drop rows having any of these tags')
    ap.add_argument('--filter', help='only files whose path matches this regex')
    ap.add_argument('--list', help="only streams listed in this file ('file [args]' lines)")
    ap.add_argument('--first-frame', action='store_true',
                    help='decode only the first frame (--limit 1) and compare md5_first')
    ap.add_argument('--filmgrain', type=int, choices=(0, 1), default=None,
                    help='0: decode without film grain and compare md5_nograin')
    ap.add_argument('--threads', type=int, default=1,
                    help='hav1dec --threads (default 1)')
    ap.add_argument('-j', '--jobs', type=int, default=os.cpu_count() or 1,
                    help='streams decoded in parallel (default: number of cores)')
    ap.add_argument('--timeout', type=float, default=120,
                    help='seconds per stream before it counts as a hang (default 120)')
    ap.add_argument('--expected', help="expected-pass list ('file [args]' lines): "
                    'the run fails if any of them fails')
    ap.add_argument('--strict', action='store_true',
                    help='fail the run on any failure, not only expected-pass ones')
    ap.add_argument('--fail-on-crash', action='store_true',
                    help='fail the run if any stream crashed, hit a sanitizer or timed out')
    ap.add_argument('--results', help='write one TSV line per row: file, args, status, seconds, reason')
    ap.add_argument('--extra-args', default='',
                    help='more hav1dec arguments for every stream (quoted string)')
    ap.add_argument('-v', '--verbose', action='store_true',
                    help='print every result, not only the failures that matter')
    opts = ap.parse_args()
    opts.extra_args = shlex.split(opts.extra_args)
    if not os.path.exists(opts.manifest):
        print(f'run.py: SKIP: manifest {opts.manifest} not found '
              '(the shared conformance streams are not available here)')
        return SKIP_EXIT
    if not os.access(opts.hav1dec, os.X_OK):
        print(f'run.py: hav1dec not found or not executable: {opts.hav1dec}',
              file=sys.stderr)
        return 1
    expected = read_list(opts.expected) if opts.expected else set()

    rows = read_manifest(opts.manifest)
    selected = select_rows(rows, opts)
    known = {r.key for r in rows}
    for key in sorted(expected - known):
        print(f'warning: expected-pass entry not in the manifest: {" ".join(key).strip()}')
    print(f'conformance: {len(selected)} of {len(rows)} rows selected from '
          f'{opts.manifest}, {opts.jobs} jobs, hav1dec --threads {opts.threads}'
          + (', first frame only' if opts.first_frame else '')
          + (', film grain off' if opts.filmgrain == 0 else ''))
    sys.stdout.flush()

    start = time.monotonic()
    results = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, opts.jobs)) as pool:
        futures = [pool.submit(run_row, r, opts) for r in selected]
        for fut in futures:  # manifest order
            res = fut.result()
            results.append(res)
            important = (res.status == 'fail' and
                         (res.crashed or res.row.key in expected))
            if opts.verbose or important:
                mark = {'pass': 'PASS', 'fail': 'FAIL', 'skip': 'SKIP'}[res.status]
                if res.status == 'fail' and res.row.key in expected:
                    mark = 'FAIL (expected to pass)'
                extra = f': {res.reason}' if res.reason else ''
                print(f'{mark} {res.row.name()} [{res.seconds:.2f} s]{extra}')
                sys.stdout.flush()

    if opts.results:
        with open(opts.results, 'w') as f:
            f.write('file\targs\tstatus\tseconds\treason\n')
            for res in results:
                f.write(f'{res.row.file}\t{res.row.args}\t{res.status}\t'
                        f'{res.seconds:.3f}\t{res.reason}\n')

    print_table(results)
    # Why streams failed, most common first.
    reasons = collections.Counter(
        re.sub(r': got \S+, want [0-9a-f]{32}$', '', r.reason)
        for r in results if r.status == 'fail')
    if reasons:
        print('failure reasons:')
        for reason, n in reasons.most_common(10):
            print(f'  {n:6d}  {reason}')
    crashes = [r for r in results if r.crashed]
    expected_failed = [r for r in results if r.status == 'fail' and r.row.key in expected]
    expected_run = sum(1 for r in results if r.row.key in expected)
    passed = sum(1 for r in results if r.status == 'pass')
    failed = sum(1 for r in results if r.status == 'fail')
    skipped = sum(1 for r in results if r.status == 'skip')
    print(f'crashes/timeouts: {len(crashes)}; expected-pass: '
          f'{expected_run - len(expected_failed)} of {expected_run} passed; '
          f'{time.monotonic() - start:.1f} s')
    print(f'conformance: {passed} passed, {failed} failed, {skipped} skipped')
    if expected_failed:
        return 1
    if opts.fail_on_crash and crashes:
        return 1
    if opts.strict and failed:
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
