#!/usr/bin/env python3
"""Whole-stream speed and memory of hav1dec beside dav1d, gav1_decode and aomdec.

Every decoder decodes the same streams with the same thread counts, several runs
each; the table shows the median frames per second, the ratio to dav1d's fps
for the same stream and threads, and the peak memory (max RSS of the decoder
process, from os.wait4's rusage).  Output goes to null where the tool allows
(hav1dec/dav1d --muxer null, aomdec -o /dev/null, gav1_decode without -o);
--verify hashes the output instead (md5 muxers, aomdec --md5, gav1 raw output
hashed here) and checks it against the manifest, which costs some speed.

A decoder that is missing or fails is shown as such (hav1dec failing with "not
implemented" too); the script itself does not fail for it.

Default streams: every clip of ../shared/perf/MANIFEST.tsv (relative to the
source root).  The machines are shared and noisy: quote medians and ratios.

Examples:
  bench/stream/compare.py --hav1dec build/tools/hav1dec/hav1dec
  bench/stream/compare.py --hav1dec ... --threads 1 --runs 5 --filter 720p
  bench/stream/compare.py --hav1dec ... --decoders hav1,dav1d --limit 30 --tsv out.tsv
"""

import argparse
import csv
import glob
import hashlib
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

SOURCE_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_MANIFEST = os.path.join(SOURCE_ROOT, '..', 'shared', 'perf', 'MANIFEST.tsv')
DECODERS = ('hav1', 'dav1d', 'gav1', 'aom')
MD5_RE = re.compile(r'\b([0-9a-f]{32})\b')


class Stream:
    def __init__(self, path, frames=None, md5=None):
        self.path = path
        self.name = os.path.basename(path)
        self.frames = frames
        self.md5 = md5


def find_hav1dec():
    for pattern in ('build*/tools/hav1dec/hav1dec',):
        hits = sorted(glob.glob(os.path.join(SOURCE_ROOT, pattern)),
                      key=os.path.getmtime, reverse=True)
        if hits:
            return hits[0]
    return shutil.which('hav1dec')


def command(decoder, exe, stream, threads, opts):
    """argv for one decode, and how to get the MD5 when verifying:
    'stdout-md5' (the tool prints it) or 'hash-stdout' (raw frames on stdout)."""
    limit = opts.limit
    if decoder == 'hav1':
        cmd = [exe, '-i', stream.path, '--threads', str(threads), '-q']
        cmd += ['--muxer', 'md5', '-o', '-'] if opts.verify else ['--muxer', 'null']
        if limit:
            cmd += ['--limit', str(limit)]
        return cmd, 'stdout-md5'
    if decoder == 'dav1d':
        cmd = [exe, '-i', stream.path, '--threads', str(threads), '-q',
               '--alllayers', '0', '--filmgrain', '1']
        cmd += ['--muxer', 'md5', '-o', '-'] if opts.verify else ['--muxer', 'null']
        if limit:
            cmd += ['--limit', str(limit)]
        return cmd, 'stdout-md5'
    if decoder == 'gav1':
        cmd = [exe, stream.path, '--threads', str(threads)]
        if opts.verify:
            cmd += ['--raw', '-o', '/dev/stdout']
        if limit:
            cmd += ['--limit', str(limit)]
        return cmd, 'hash-stdout'
    if decoder == 'aom':
        cmd = [exe, '--rawvideo', f'--threads={threads}']
        cmd += ['--md5'] if opts.verify else ['-o', '/dev/null']
        if limit:
            cmd += [f'--limit={limit}']
        return cmd + [stream.path], 'stdout-md5'
    raise ValueError(decoder)


def run_once(cmd, md5_mode, verify, timeout):
    """Runs cmd; returns (seconds, max_rss_kib, exit_status, stderr, md5)."""
    # Linux keeps the parent's memory high-water mark in a forked child's
    # ru_maxrss across exec (here: the Python interpreter's), so the decoder's
    # own peak comes from GNU time's %M when it is installed.
    gnu_time = os.path.exists('/usr/bin/time')
    with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile('r') as rss_file:
        if gnu_time:
            cmd = ['/usr/bin/time', '-q', '-f', '%M', '-o', rss_file.name] + list(cmd)
        start = time.monotonic()
        p = subprocess.Popen(cmd, stdout=subprocess.PIPE if verify else subprocess.DEVNULL,
                             stderr=err)
        timer = threading.Timer(timeout, p.kill)
        timer.start()
        md5 = None
        try:
            if verify:
                if md5_mode == 'hash-stdout':
                    h = hashlib.md5()
                    for chunk in iter(lambda: p.stdout.read(1 << 20), b''):
                        h.update(chunk)
                    md5 = h.hexdigest()
                else:
                    m = MD5_RE.search(p.stdout.read().decode('ascii', 'replace'))
                    md5 = m.group(1) if m else None
                p.stdout.close()
            _, status, usage = os.wait4(p.pid, 0)
        finally:
            timer.cancel()
        seconds = time.monotonic() - start
        p.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode('utf-8', 'replace')
        max_rss = usage.ru_maxrss
        if gnu_time:
            try:
                max_rss = int(rss_file.read().split()[-1])
            except (ValueError, IndexError):
                pass
    return seconds, max_rss, p.returncode, stderr, md5


def describe_failure(code, stderr, timeout):
    lines = [l.strip() for l in stderr.splitlines() if l.strip()]
    if code < 0:
        return f'killed by signal {-code}' + (f' (timeout {timeout} s?)' if code == -9 else '')
    if 'not implemented' in stderr.lower():
        return 'not implemented'
    last = lines[-1] if lines else ''
    return f'exit {code}' + (f': {last[:70]}' if last else '')


def read_streams(opts):
    if opts.streams:
        return [Stream(p) for p in opts.streams]
    if not os.path.exists(opts.manifest):
        print(f'compare.py: no streams: {opts.manifest} not found (give --streams)')
        sys.exit(77)
    root = os.path.dirname(os.path.abspath(opts.manifest))
    out = []
    with open(opts.manifest, newline='') as f:
        for row in csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_NONE):
            if opts.filter and not re.search(opts.filter, row['file']):
                continue
            frames = int(row['frames']) if row.get('frames', '-').isdigit() else None
            md5 = row.get('md5') if row.get('md5', '-') != '-' else None
            out.append(Stream(os.path.join(root, row['file']), frames, md5))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--hav1dec', help='hav1dec binary (default: newest build*/tools/hav1dec/hav1dec)')
    ap.add_argument('--dav1d', default='dav1d')
    ap.add_argument('--gav1', default='gav1_decode')
    ap.add_argument('--aom', default='aomdec')
    ap.add_argument('--decoders', default=','.join(DECODERS),
                    help='comma-separated subset of ' + ','.join(DECODERS))
    ap.add_argument('--manifest', default=DEFAULT_MANIFEST,
                    help='streams manifest (default ../shared/perf/MANIFEST.tsv)')
    ap.add_argument('--streams', nargs='+', help='stream files instead of the manifest')
    ap.add_argument('--filter', help='only manifest files matching this regex')
    ap.add_argument('--threads', default='1,2', help='thread counts (default 1,2)')
    ap.add_argument('--runs', type=int, default=3, help='runs per case, median taken (default 3)')
    ap.add_argument('--limit', type=int, default=0, help='decode only the first N frames')
    ap.add_argument('--timeout', type=float, default=600, help='seconds per run (default 600)')
    ap.add_argument('--verify', action='store_true',
                    help='hash the output and check the manifest md5 (slower)')
    ap.add_argument('--tsv', help='also write the results to this TSV file')
    opts = ap.parse_args()

    threads = [int(t) for t in opts.threads.split(',') if t]
    wanted = [d for d in opts.decoders.split(',') if d]
    for d in wanted:
        if d not in DECODERS:
            ap.error(f'--decoders: unknown decoder {d!r} ({", ".join(DECODERS)})')
    exes = {'hav1': opts.hav1dec or find_hav1dec(), 'dav1d': shutil.which(opts.dav1d),
            'gav1': shutil.which(opts.gav1), 'aom': shutil.which(opts.aom)}
    streams = read_streams(opts)
    if opts.verify and opts.limit:
        print('note: --verify with --limit: md5s are not checked (the manifest has whole-stream md5s)')

    results = []  # dicts
    for s in streams:
        if not os.path.exists(s.path):
            print(f'missing stream {s.path}')
            continue
        frames = s.frames
        if opts.limit and (frames is None or opts.limit < frames):
            frames = opts.limit
        for t in threads:
            for d in wanted:
                r = {'decoder': d, 'stream': s.name, 'threads': t, 'fps': None,
                     'seconds': None, 'rss_mib': None, 'status': 'ok'}
                exe = exes[d]
                if not exe or not os.access(exe, os.X_OK):
                    r['status'] = 'missing'
                    results.append(r)
                    print(f'{d:6} {s.name} t={t}: missing')
                    continue
                cmd, md5_mode = command(d, exe, s, t, opts)
                times, rss = [], []
                for _ in range(opts.runs):
                    sec, maxrss, code, stderr, md5 = run_once(cmd, md5_mode, opts.verify,
                                                              opts.timeout)
                    if code != 0:
                        r['status'] = describe_failure(code, stderr, opts.timeout)
                        break
                    if opts.verify and not opts.limit and s.md5 and md5 != s.md5:
                        r['status'] = f'md5 mismatch ({md5})'
                        break
                    times.append(sec)
                    rss.append(maxrss)
                if times and r['status'] == 'ok':
                    r['seconds'] = statistics.median(times)
                    r['rss_mib'] = max(rss) / 1024.0
                    if frames:
                        r['fps'] = frames / r['seconds']
                results.append(r)
                shown = f'{r["fps"]:.2f} fps' if r['fps'] else r['status']
                print(f'{d:6} {s.name} t={t}: {shown}', flush=True)

    # Ratios to dav1d for the same stream and thread count.
    base = {(r['stream'], r['threads']): r['fps'] for r in results
            if r['decoder'] == 'dav1d' and r['fps']}
    for r in results:
        b = base.get((r['stream'], r['threads']))
        r['ratio'] = r['fps'] / b if (r['fps'] and b) else None

    print()
    sw = max([len('stream')] + [len(r['stream']) for r in results])
    print(f'{"decoder":8} {"stream":{sw}} {"threads":>7} {"fps":>9} {"x dav1d":>8} '
          f'{"peak MiB":>9}  status')
    for r in results:
        fps = f'{r["fps"]:.2f}' if r['fps'] else '-'
        ratio = f'{r["ratio"]:.3f}' if r['ratio'] else '-'
        mem = f'{r["rss_mib"]:.1f}' if r['rss_mib'] else '-'
        print(f'{r["decoder"]:8} {r["stream"]:{sw}} {r["threads"]:>7} {fps:>9} '
              f'{ratio:>8} {mem:>9}  {r["status"]}')
    print(f'({opts.runs} runs per case, median time; peak memory = max RSS over the runs)')
    if opts.tsv:
        with open(opts.tsv, 'w') as f:
            f.write('decoder\tstream\tthreads\tfps\tratio_dav1d\tpeak_mib\tmedian_s\tstatus\n')
            for r in results:
                f.write('\t'.join(str(x if x is not None else '-') for x in (
                    r['decoder'], r['stream'], r['threads'],
                    f'{r["fps"]:.3f}' if r['fps'] else None,
                    f'{r["ratio"]:.4f}' if r['ratio'] else None,
                    f'{r["rss_mib"]:.1f}' if r['rss_mib'] else None,
                    f'{r["seconds"]:.3f}' if r['seconds'] else None, r['status'])) + '\n')
    return 0


if __name__ == '__main__':
    sys.exit(main())
