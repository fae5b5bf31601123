#!/usr/bin/env python3
"""Header oracle: compares hav1's header parser with ffmpeg's trace_headers.

For each stream, runs
  ffmpeg -v trace -i STREAM -c copy -bsf:v trace_headers -f null -
and the dumper (default: hav1_dump_headers; any command printing
"[structure]" / "name = value" lines works, e.g.
--dumper "build/tools/hav1dec/hav1dec --dump-headers -i"), parses both and
requires every sequence-header and frame-header field to agree.  Reports the
first mismatch per stream and ends with
  headers: N passed, M failed, K skipped

Streams come from a manifest (the shared MANIFEST.tsv format) with filters,
or from paths on the command line.  --parse-only only runs the dumper and
requires exit code 0 (expect=match) or no crash (expect=no-crash).
Exit status: 0 when nothing failed, 1 otherwise, 77 when the manifest is
missing (meson: skipped).
"""
import argparse
import concurrent.futures
import csv
import os
import re
import shlex
import shutil
import subprocess
import sys

FF_ELEMENT = re.compile(r'^\s*\d+\s+(\S+)\s+[01]*\s*=\s*(-?\d+)\s*$')
FF_PREFIX = re.compile(r'^\[trace_headers @ [^\]]*\]\s?(.*)$')
FF_STRUCTS = {
    'Sequence Header': 'sequence_header_obu',
    'Frame Header': 'frame_header_obu',
    'Redundant Frame Header': 'redundant_frame_header_obu',
    'Tile Group': 'tile_group_obu',
    'Frame': 'frame_obu',
    'OBU header': 'obu_header',
    'Temporal Delimiter': 'temporal_delimiter_obu',
    'Metadata': 'metadata_obu',
    'Padding': 'padding_obu',
    'Tile List': 'tile_list_obu',
}
COMPARED = tuple(os.environ.get('HAV1_ORACLE_COMPARE', 'sequence_header_obu,frame_header_obu,tile_group_obu,metadata_obu').split(','))
# Elements not compared: alignment and trailing bits, and ffmpeg's
# bookkeeping entries.
IGNORED = {'zero_bit', 'trailing_one_bit', 'trailing_zero_bit', 'frame_header_copy',
           # ffmpeg folds these into unary counts; gm_params is compared.
           'subexp_more_bits', 'subexp_bits', 'subexp_final_bits'}
# ffmpeg names that differ from the spec's.
FF_RENAME = {
    'tile_size_bytes_minus1': 'tile_size_bytes_minus_1',
    'tile_cols_log2': 'TileColsLog2',
    'tile_rows_log2': 'TileRowsLog2',
    'golden_frame_idx': 'gold_frame_idx',
}
# hav1 elements ffmpeg reports only in aggregated form.
HAV1_IGNORED = {'increment_tile_cols_log2', 'increment_tile_rows_log2'}


def norm_ff(name, value):
    """Maps an ffmpeg element to (spec name, value), or None to drop it."""
    if '.' in name:  # delta_q_y_dc.delta_coded -> delta_coded
        name = name.split('.')[-1]
    name = FF_RENAME.get(name, name)
    name = name.replace('minus1[', 'minus_1[')  # delta_frame_id_minus1[i]
    if name == 'tx_mode':  # ffmpeg derives TxMode from tx_mode_select
        return ('tx_mode_select', 1 if value == 2 else 0)
    if name.startswith('gm_params['):
        # ffmpeg reports the decode_subexp() result under this name, not the
        # spec's gm_params (which needs PrevGmParams): compare it with hav1's
        # decode_subexp[ref][idx].
        return ('decode_subexp' + name[len('gm_params'):], value)
    if name.startswith('leb128_byte'):
        return None
    return (name, value)


def parse_ffmpeg(text):
    structs = []
    cur = None
    in_extradata = False
    for line in text.splitlines():
        m = FF_PREFIX.match(line)
        if not m:
            continue
        body = m.group(1)
        if body.startswith('Extradata'):
            in_extradata = True
            continue
        if body.startswith('Packet:'):
            in_extradata = False
            continue
        if in_extradata:
            continue
        if body.strip() in FF_STRUCTS:
            cur = [FF_STRUCTS[body.strip()], []]
            structs.append(cur)
            continue
        e = FF_ELEMENT.match(body)
        if e and e.group(1) == 'metadata_type':
            # ffmpeg prints metadata elements without a structure line.
            cur = ['metadata_obu', []]
            structs.append(cur)
        if e and cur is not None:
            r = norm_ff(e.group(1), int(e.group(2)))
            if r:
                cur[1].append(r)
    return structs


def parse_dumper(text):
    structs = []
    cur = None
    for line in text.splitlines():
        line = line.strip()
        if line.startswith('[') and line.endswith(']'):
            cur = [line[1:-1], []]
            structs.append(cur)
            continue
        if ' = ' in line and cur is not None:
            name, _, value = line.partition(' = ')
            try:
                cur[1].append((name.strip(), int(value)))
            except ValueError:
                pass
    return structs


def by_name(fields, ignored):
    d = {}
    order = []
    for name, value in fields:
        if name in IGNORED or name in ignored:
            continue
        if name not in d:
            d[name] = []
            order.append(name)
        d[name].append(value)
    return d, order


def compare(ff, hv):
    ffs = [s for s in ff if s[0] in COMPARED]
    hvs = [s for s in hv if s[0] in COMPARED]
    for i, (a, b) in enumerate(zip(ffs, hvs)):
        if a[0] != b[0]:
            return f'structure {i}: ffmpeg has {a[0]}, hav1 has {b[0]}'
        da, oa = by_name(a[1], set())
        db, ob = by_name(b[1], HAV1_IGNORED)
        for d in (da, db):
            for k in list(d):
                if k.startswith('subexp_') or k.startswith('gm_params['):
                    del d[k]
        oa = [n for n in oa if n in da]
        ob = [n for n in ob if n in db]
        for name in oa + [n for n in ob if n not in da]:
            va, vb = da.get(name), db.get(name)
            if va != vb:
                return (f'structure {i} ({a[0]}): field {name}: '
                        f'ffmpeg {va if va is not None else "absent"}, '
                        f'hav1 {vb if vb is not None else "absent"}')
    if len(ffs) != len(hvs):
        return (f'ffmpeg has {len(ffs)} header structures, hav1 has {len(hvs)}'
                f' (first extra is #{min(len(ffs), len(hvs))})')
    return None


def run(cmd, timeout=600):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout)
        return p.returncode, p.stdout.decode('utf-8', 'replace'), \
            p.stderr.decode('utf-8', 'replace')
    except subprocess.TimeoutExpired:
        return None, '', 'timeout'


def ffmpeg_trace(path):
    rc, out, err = run(['ffmpeg', '-hide_banner', '-nostdin', '-v', 'trace', '-i', path,
                        '-c', 'copy', '-bsf:v', 'trace_headers', '-f', 'null', '-'])
    text = out + err
    if rc != 0:
        last = [l for l in err.splitlines() if l.strip()][-1:] or ['?']
        return None, f'ffmpeg exit {rc}: {last[0][:160]}'
    for l in err.splitlines():
        m = FF_PREFIX.match(l)
        if m and not FF_ELEMENT.match(m.group(1)) and \
                ('Failed' in l or 'rror' in l or 'nvalid' in l):
            return None, 'ffmpeg: ' + m.group(1)[:160]
    structs = parse_ffmpeg(text)
    if not any(s[0] in COMPARED for s in structs):
        return None, 'ffmpeg printed no AV1 headers'
    return structs, None


def check_stream(path, args, dumper, parse_only, expect):
    dumper_args = []
    a = shlex.split(args or '')
    if '--oppoint' in a:
        op = a[a.index('--oppoint') + 1]
        if parse_only:
            dumper_args = ['--oppoint', op]
        elif op != '0':
            return 'skip', 'operating point other than 0 (ffmpeg traces op 0)'
    if parse_only:
        rc, _, err = run(dumper + ['--quiet'] + dumper_args + [path]
                         if is_default_dumper(dumper) else dumper + [path])
        if rc is None:
            return 'fail', 'dumper timed out'
        if expect == 'no-crash':
            if rc < 0 or rc > 2 or 'Sanitizer' in err or 'runtime error' in err:
                return 'fail', f'dumper crashed (exit {rc}): {err.strip()[-300:]}'
            return 'pass', None
        if rc != 0:
            return 'fail', f'dumper exit {rc}: {err.strip()[:300]}'
        return 'pass', None
    ff, why = ffmpeg_trace(path)
    if ff is None:
        return 'skip', why
    rc, out, err = run(dumper + dumper_args + [path])
    hv = parse_dumper(out)
    msg = compare(ff, hv)
    if msg:
        if rc != 0:
            msg += f' [dumper exit {rc}: {err.strip()[:200]}]'
        return 'fail', msg
    return 'pass', None


def is_default_dumper(dumper):
    return os.path.basename(dumper[0]).startswith('hav1_dump_headers')


def read_manifest(path):
    with open(path, newline='') as f:
        return list(csv.DictReader(f, delimiter='\t'))


def representative(rows, n):
    """Picks about n rows so that every tag appears at least once."""
    chosen = []
    seen_tags = set()
    all_tags = sorted({t for r in rows for t in r['tags'].split(',') if t})
    for tag in all_tags:
        if tag in seen_tags:
            continue
        # The smallest stream with this tag (fast).
        cands = [r for r in rows if tag in r['tags'].split(',')]
        best = min(cands, key=lambda r: (r['_size'], r['file']))
        chosen.append(best)
        seen_tags.update(best['tags'].split(','))
    rest = sorted((r for r in rows if r not in chosen), key=lambda r: r['file'])
    need = n - len(chosen)
    if need > 0 and rest:
        step = max(1, len(rest) // need)
        chosen.extend(rest[::step][:need])
    return chosen


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('streams', nargs='*', help='stream files (instead of a manifest)')
    ap.add_argument('--dumper', default='hav1_dump_headers',
                    help='command printing the headers of the file appended to it')
    ap.add_argument('--manifest', help='MANIFEST.tsv')
    ap.add_argument('--filter', help='regex on the file column')
    ap.add_argument('--tag', action='append', help='only rows with this tag')
    ap.add_argument('--expect', default='match', help='expect column value (default match)')
    ap.add_argument('--subset', type=int, default=0,
                    help='a representative subset of about N streams covering every tag')
    ap.add_argument('--parse-only', action='store_true',
                    help='only require the dumper to parse (exit 0) / not crash')
    ap.add_argument('-j', '--jobs', type=int, default=2)
    ap.add_argument('-v', '--verbose', action='store_true', help='print passes too')
    opts = ap.parse_args()

    dumper = shlex.split(opts.dumper)
    if not opts.parse_only and not shutil.which('ffmpeg'):
        print('SKIP: ffmpeg is not installed')
        return 77
    jobs = []
    if opts.streams:
        jobs = [(p, '', 'match') for p in opts.streams]
    else:
        if not opts.manifest or not os.path.exists(opts.manifest):
            print(f'SKIP: manifest {opts.manifest} not found (../shared missing?)')
            return 77
        base = os.path.dirname(opts.manifest)
        rows = [r for r in read_manifest(opts.manifest) if r['expect'] == opts.expect]
        if opts.filter:
            rows = [r for r in rows if re.search(opts.filter, r['file'])]
        if opts.tag:
            rows = [r for r in rows if all(t in r['tags'].split(',') for t in opts.tag)]
        seen = set()
        uniq = []
        for r in rows:
            key = (r['file'], r.get('args', '') if opts.parse_only else '')
            if key in seen:
                continue
            seen.add(key)
            try:
                r['_size'] = os.path.getsize(os.path.join(base, r['file']))
            except OSError:
                r['_size'] = 0
            uniq.append(r)
        rows = uniq
        if opts.subset:
            rows = representative(rows, opts.subset)
        jobs = [(os.path.join(base, r['file']), r.get('args', ''), r['expect']) for r in rows]

    passed = failed = skipped = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, opts.jobs)) as ex:
        futs = [ex.submit(check_stream, p, a, dumper, opts.parse_only, e) for p, a, e in jobs]
        for (p, a, e), fut in zip(jobs, futs):
            status, msg = fut.result()
            name = p + (f' [{a}]' if a else '')
            if status == 'pass':
                passed += 1
                if opts.verbose:
                    print(f'PASS {name}')
            elif status == 'skip':
                skipped += 1
                print(f'SKIP {name}: {msg}')
            else:
                failed += 1
                print(f'FAIL {name}: {msg}')
            sys.stdout.flush()
    print(f'headers: {passed} passed, {failed} failed, {skipped} skipped')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
