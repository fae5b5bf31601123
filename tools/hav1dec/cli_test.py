#!/usr/bin/env python3
"""Command line tests of hav1dec: exit codes, error messages that name the
option, help/version, and the sample streams of conformance/samples
(--info/--dump-headers parse them; a decode either matches the sample's MD5
or stops with "not implemented" while pixel decoding is missing).

Usage: cli_test.py HAV1DEC SOURCE_ROOT
"""
import csv
import os
import subprocess
import sys
import tempfile

failures = 0


def run(cmd, timeout=120):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=timeout)
    return p.returncode, p.stdout.decode('utf-8', 'replace'), p.stderr.decode('utf-8', 'replace')


def check(ok, what, detail=''):
    global failures
    if not ok:
        failures += 1
        print(f'FAIL: {what}' + (f'\n  {detail}' if detail else ''))
    else:
        print(f'ok: {what}')


def expect(args, rc, stderr_has=None, stdout_has=None):
    code, out, err = run([HAV1DEC] + args)
    detail = f'exit {code}, stderr: {err.strip()[:300]!r}'
    good = code == rc
    if stderr_has is not None:
        good = good and stderr_has in err
    if stdout_has is not None:
        good = good and stdout_has in out
    check(good, f'hav1dec {" ".join(args)} -> exit {rc}'
          + (f', stderr has {stderr_has!r}' if stderr_has else ''), detail)
    return out


def main():
    global HAV1DEC
    HAV1DEC, root = sys.argv[1], sys.argv[2]
    tmp = tempfile.mkdtemp(prefix='hav1dec_cli_test_')
    sample_dir = os.path.join(root, 'conformance', 'samples')
    sample = os.path.join(sample_dir, 'hav1-intra-420-8bit.ivf')

    # Help, version, usage errors (exit 2, the option named).
    expect(['--help'], 0, stdout_has='--dump-headers')
    expect(['-h'], 0, stdout_has='Examples:')
    expect(['--version'], 0, stdout_has='hav1dec ')
    expect(['--cpu', 'list'], 0, stdout_has='avx2')
    expect([], 2, stderr_has='-i/--input')
    expect(['-i', sample, '--threads', 'two'], 2, stderr_has='--threads')
    expect(['-i', sample, '--threads=-1'], 2, stderr_has='--threads')
    expect(['-i', sample, '--limit'], 2, stderr_has='--limit')
    expect(['-i', sample, '--filmgrain', '2'], 2, stderr_has='--filmgrain')
    expect(['-i', sample, '--oppoint', '32'], 2, stderr_has='--oppoint')
    expect(['-i', sample, '--alllayers', 'x'], 2, stderr_has='--alllayers')
    expect(['-i', sample, '--muxer', 'avi'], 2, stderr_has='--muxer')
    expect(['-i', sample, '--verify', 'abc'], 2, stderr_has='--verify')
    expect(['-i', sample, '--inloopfilters', 'some'], 2, stderr_has='--inloopfilters')
    expect(['-i', sample, '--cpumask', 'mmx'], 2, stderr_has='--cpumask')
    expect(['-i', sample, '--no-such-option'], 2, stderr_has='--no-such-option')
    expect(['-i', sample, 'extra'], 2, stderr_has='extra')
    expect(['-i', sample, '-o', os.path.join(tmp, 'x.avi')], 2, stderr_has='-o')
    expect(['-i', sample, '--info', '--dump-headers'], 2, stderr_has='--info')
    # Runtime errors (exit 1).
    expect(['-i', os.path.join(tmp, 'missing.ivf')], 1, stderr_has='missing.ivf')
    expect(['-i', sample, '--cpu', 'no-such-target', '--muxer', 'null'], 1,
           stderr_has='--cpu')
    expect(['-i', sample, '--demuxer', 'annexb'], 1, stderr_has='--demuxer')
    expect(['-i', sample, '-o', os.path.join(tmp, 'no-dir', 'x.yuv')], 1,
           stderr_has='cannot open')

    # Every sample: --info and --dump-headers parse it; a decode matches the
    # manifest MD5 or reports "not implemented" with exit 1.
    manifest = os.path.join(sample_dir, 'MANIFEST.tsv')
    if os.path.exists(manifest):
        with open(manifest, newline='') as f:
            rows = list(csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_NONE))
        for row in rows:
            path = os.path.join(sample_dir, row['file'])
            out = expect(['-i', path, '--info'], 0, stdout_has='operating points')
            check(f'{row["bitdepth"]}' in out.split('bit depth:', 1)[-1].split('\n')[0],
                  f'--info bit depth of {row["file"]} is {row["bitdepth"]}')
            out = expect(['-i', path, '--dump-headers'], 0, stdout_has='[sequence_header_obu]')
            lines = [l for l in out.splitlines() if l]
            check(all(l.startswith('[') and l.endswith(']') or ' = ' in l for l in lines),
                  f'--dump-headers of {row["file"]}: only "[structure]" and "name = value" lines')
            code, out, err = run([HAV1DEC, '-i', path, '-q', '--muxer', 'md5', '-o', '-'])
            if code == 0:
                check(out.strip() == row['md5'], f'md5 of {row["file"]}',
                      f'got {out.strip()}, want {row["md5"]}')
            else:
                check(code == 1 and 'not implemented' in err,
                      f'decode of {row["file"]}: exit 1, not implemented',
                      f'exit {code}, stderr {err.strip()[:300]!r}')
    print(f'cli_test: {failures} failure(s)')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
