#!/usr/bin/env python3
"""framecmp.py: find the first output frame where hav1dec differs from a reference decoder.

Usage:
  tools/framecmp.py [options] STREAM [hav1dec args...]

hav1's side is `hav1dec -i STREAM --muxer framemd5 -o - [args]` (one "index md5" line
per output frame).  The reference side is ../shared/tools/framemd5.sh STREAM aomdec
(or dav1d), which hashes each output frame the way the conformance manifest does:
planes Y, U, V (Y only for monochrome) at the decoded size, no padding, 8-bit samples as
bytes, 10/12-bit as 16-bit little-endian, film grain applied.  hav1dec's framemd5 muxer
hashes exactly that (see `hav1dec --help`, "Raw output format").

hav1dec arguments that change the output are mirrored on the reference decoder:
--filmgrain 0 (aomdec --skip-film-grain), --oppoint N, --alllayers 1 (aomdec
--all-layers), and Annex B input (aomdec --annexb, from the manifest or `hav1dec
--info`).  --skip N / --limit N are applied to the reference's frame list.  The
manifest row's `args` column (e.g. --oppoint 1) is used when the stream is in
../shared/conformance/MANIFEST.tsv and none of those options was given.

On a difference it prints the first differing frame: its index, the frame type that
hav1dec --dump-headers says produced it (best effort), both decoders' frame sizes (from
an extra aomdec run that names its files %w_%h and an extra hav1dec y4m run of that one
frame) and, when the sizes agree, where the pixels differ (per plane: first differing
sample, count, bounding box, luma 64x64 block).  Then a summary.

Exit status: 0 all frames equal, 1 a difference, 2 the comparison could not be made.
"""

import argparse
import hashlib
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared"))
FRAMEMD5_SH = os.path.join(SHARED, "tools", "framemd5.sh")
CONFORMANCE = os.path.join(SHARED, "conformance")
MANIFEST = os.path.join(CONFORMANCE, "MANIFEST.tsv")

FRAME_TYPES = {0: "KEY_FRAME", 1: "INTER_FRAME", 2: "INTRA_ONLY_FRAME", 3: "SWITCH_FRAME"}
MD5_LINE = re.compile(r"^(\d+) ([0-9a-f]{32})$")


def die(msg):
    print(f"framecmp: {msg}", file=sys.stderr)
    sys.exit(2)


def find_hav1dec(explicit):
    if explicit:
        return explicit
    if os.environ.get("HAV1DEC"):
        return os.environ["HAV1DEC"]
    cands = []
    for d in os.listdir(ROOT):
        p = os.path.join(ROOT, d, "tools", "hav1dec", "hav1dec")
        if d.startswith("build") and os.access(p, os.X_OK):
            cands.append(p)
    if not cands:
        die("no hav1dec found: pass --hav1dec PATH (or set HAV1DEC)")
    preferred = [c for c in cands if os.sep + "build-lead" + os.sep in c]
    return preferred[0] if preferred else max(cands, key=os.path.getmtime)


# ---------------------------------------------------------------- arguments

# hav1dec options that take a value (so the parser can skip their values).
VALUE_OPTS = {"-i", "--input", "-o", "--output", "--muxer", "--demuxer", "--verify",
              "--frametimes", "-l", "--limit", "-s", "--skip", "--threads", "--framedelay",
              "--filmgrain", "--oppoint", "--alllayers", "--sizelimit", "--strict",
              "--outputinvisible", "--inloopfilters", "--cpu", "--cpumask"}


def parse_hav1_args(args):
    """Returns ({option: value} for the options that matter here, the args
    without -i/-o/--muxer/--verify/-q/--skip/--limit, which framecmp sets)."""
    opts, rest = {}, []
    i = 0
    while i < len(args):
        a = args[i]
        tokens = [a]
        name, value = a, None
        if a.startswith("--") and "=" in a:
            name, value = a.split("=", 1)
        elif a in VALUE_OPTS and i + 1 < len(args):
            value = args[i + 1]
            tokens.append(value)
            i += 1
        i += 1
        key = {"-l": "--limit", "-s": "--skip", "-i": "--input", "-o": "--output",
               "-q": "--quiet"}.get(name, name)
        if key in ("--input", "--output", "--muxer", "--verify"):
            print(f"framecmp: ignoring {name} (framecmp sets it)", file=sys.stderr)
            continue
        if key in ("--skip", "--limit", "--filmgrain", "--oppoint", "--alllayers",
                   "--inloopfilters", "--outputinvisible"):
            opts[key] = value
        if key in ("--skip", "--limit", "--quiet"):
            continue
        rest += tokens
    return opts, rest


def int_opt(opts, key, default):
    try:
        return int(opts.get(key, default))
    except (TypeError, ValueError):
        die(f"{key} needs an integer")


# ---------------------------------------------------------------- manifest

def manifest_rows(stream):
    if not os.path.exists(MANIFEST):
        return []
    real = os.path.realpath(stream)
    conf = os.path.realpath(CONFORMANCE)
    rel = os.path.relpath(real, conf) if real.startswith(conf + os.sep) else None
    rows = []
    with open(MANIFEST, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            row = dict(zip(header, line.rstrip("\n").split("\t")))
            if rel is not None:
                if row.get("file") == rel:
                    rows.append(row)
            elif os.path.basename(row.get("file", "")) == os.path.basename(stream):
                rows.append(row)
    if rel is None and len({r["file"] for r in rows}) > 1:
        return []  # ambiguous basename
    return rows


def pick_row(rows, user_opts):
    """The manifest row for the given options: the row whose args name the same
    --oppoint/--alllayers, else the row with no args."""
    want = {k: user_opts[k] for k in ("--oppoint", "--alllayers") if k in user_opts}
    for row in rows:
        ropts, _ = parse_hav1_args(shlex.split(row.get("args", "")))
        got = {k: ropts[k] for k in ("--oppoint", "--alllayers") if k in ropts}
        if want and got == want:
            return row
    for row in rows:
        if not row.get("args", "").strip():
            return row
    return rows[0] if rows else None


def container_of(stream, row, hav1dec):
    if row and row.get("container"):
        return row["container"]
    try:
        out = subprocess.run([hav1dec, "--info", "-i", stream], capture_output=True,
                             text=True, timeout=60).stdout
        m = re.search(r"^container:\s+(\w+)", out, re.M)
        if m:
            return m.group(1)
    except (OSError, subprocess.TimeoutExpired):
        pass
    return "unknown"


# ---------------------------------------------------------------- decoders

def run(cmd, timeout):
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired as e:
        return None, (e.stderr or b"").decode(errors="replace") + f"\n(timeout after {timeout}s)", e.stdout or b""
    except OSError as e:
        return None, str(e), b""
    return p.returncode, p.stderr.decode(errors="replace"), p.stdout


def parse_md5_lines(text):
    frames, whole = [], None
    for line in text.splitlines():
        line = line.strip()
        m = MD5_LINE.match(line)
        if m:
            if int(m.group(1)) != len(frames):
                print(f"framecmp: warning: frame index {m.group(1)} out of sequence",
                      file=sys.stderr)
            frames.append(m.group(2))
        elif line.startswith("all "):
            whole = line.split()[1]
    return frames, whole


def reference_args(dec, opts, container):
    a = []
    grain = int_opt(opts, "--filmgrain", 1)
    oppoint = int_opt(opts, "--oppoint", 0)
    alllayers = int_opt(opts, "--alllayers", 0)
    if dec == "aomdec":
        if container == "annexb":
            a.append("--annexb")
        if grain == 0:
            a.append("--skip-film-grain")
        if oppoint:
            a.append(f"--oppoint={oppoint}")
        if alllayers:
            a.append("--all-layers")
    else:  # dav1d
        if grain == 0:
            a += ["--filmgrain", "0"]
        if oppoint:
            a += ["--oppoint", str(oppoint)]
        if alllayers:
            a += ["--alllayers", "1"]
    return a


def sidecar_path(stream):
    d, base = os.path.split(stream)
    stem = base
    while True:
        s, ext = os.path.splitext(stem)
        if not ext:
            break
        stem = s
        cand = os.path.join(d, stem + ".framemd5")
        if os.path.exists(cand):
            return cand
    return None


def aomdec_input(stream, tmp):
    """aomdec reads ivf/obu/annexb/webm but not mp4/mkv reliably: remux like framemd5.sh."""
    if stream.lower().endswith((".mp4", ".mkv", ".webm")):
        out = os.path.join(tmp, "in.ivf")
        rc, err, _ = run(["ffmpeg", "-v", "error", "-i", stream, "-c", "copy", "-f", "ivf", out], 300)
        if rc != 0:
            return None, f"ffmpeg remux failed: {err.strip()}"
        return out, None
    return stream, None


def reference_frames_with_sizes(stream, ref_args_aom, timeout, tus):
    """Decodes the first tus temporal units with aomdec into one file per frame
    named %w_%h_%9 (as framemd5.sh, plus the size in the name).  Each temporal
    unit outputs one frame (several with --all-layers), so tus = N + 1 reaches
    output frame N without writing the whole stream to /tmp.
    Returns ([(w, h, bytes, md5, path)], error, tmpdir)."""
    tmp = tempfile.mkdtemp(prefix="framecmp_")
    src, err = aomdec_input(stream, tmp)
    if src is None:
        return [], err, tmp
    fdir = os.path.join(tmp, "f")
    os.mkdir(fdir)
    rc, err, _ = run(["aomdec", "--rawvideo", f"--limit={tus}"] + ref_args_aom +
                     ["-o", os.path.join(fdir, "%w_%h_%9.yuv"), src], timeout)
    frames = []
    names = []
    for n in os.listdir(fdir):
        m = re.match(r"^(\d+)_(\d+)_(\d+)\.yuv$", n)
        if m:
            names.append((int(m.group(3)), int(m.group(1)), int(m.group(2)), n))
    # With --all-layers every layer of a temporal unit has the same number:
    # smaller (lower) layers first.
    for _, w, h, n in sorted(names, key=lambda t: (t[0], t[1] * t[2])):
        p = os.path.join(fdir, n)
        with open(p, "rb") as f:
            data = f.read()
        frames.append((w, h, len(data), hashlib.md5(data).hexdigest(), p))
    return frames, (None if rc == 0 else f"aomdec exit {rc}: {err.strip()[-300:]}"), tmp


def hav1_frame(hav1dec, stream, rest_args, index, timeout):
    """One output frame of hav1dec as y4m: (w, h, colorspace, data) or None."""
    rc, err, out = run([hav1dec, "-i", stream, "-q", "--muxer", "y4m", "-o", "-",
                        "--skip", str(index), "--limit", "1"] + rest_args, timeout)
    nl = out.find(b"\n")
    if nl < 0 or not out.startswith(b"YUV4MPEG2"):
        return None
    header = out[:nl].decode(errors="replace").split()
    w = h = None
    csp = "420jpeg"
    for tok in header[1:]:
        if tok[0] == "W":
            w = int(tok[1:])
        elif tok[0] == "H":
            h = int(tok[1:])
        elif tok[0] == "C":
            csp = tok[1:]
    rest = out[nl + 1:]
    if not rest.startswith(b"FRAME"):
        return None
    fnl = rest.find(b"\n")
    return w, h, csp, rest[fnl + 1:]


def layout_of(csp):
    """y4m colorspace tag -> (planes, ss_x, ss_y, bytes per sample)."""
    m = re.match(r"^(420|422|444|mono)", csp)
    kind = m.group(1) if m else "420"
    depth = re.search(r"(?:p|mono)(\d+)$", csp)
    bps = 2 if depth and int(depth.group(1)) > 8 else 1
    return {"420": (3, 1, 1), "422": (3, 1, 0), "444": (3, 0, 0), "mono": (1, 0, 0)}[kind] + (bps,)


def pixel_diff(w, h, csp, a, b):
    """Per-plane differences between two raw frames of the same size and format."""
    planes, ssx, ssy, bps = layout_of(csp)
    lines, off = [], 0
    for p in range(planes):
        pw = w if p == 0 else (w + ssx) >> ssx
        ph = h if p == 0 else (h + ssy) >> ssy
        n = pw * ph * bps
        pa, pb = a[off:off + n], b[off:off + n]
        off += n
        if pa == pb:
            lines.append(f"  plane {'YUV'[p]} ({pw}x{ph}): identical")
            continue
        if len(pa) != n or len(pb) != n:
            lines.append(f"  plane {'YUV'[p]}: truncated data")
            continue
        count, first = 0, None
        x0, y0, x1, y1 = pw, ph, -1, -1
        for y in range(ph):
            ra = pa[y * pw * bps:(y + 1) * pw * bps]
            rb = pb[y * pw * bps:(y + 1) * pw * bps]
            if ra == rb:
                continue
            for x in range(pw):
                if bps == 1:
                    va, vb = ra[x], rb[x]
                else:
                    va = ra[2 * x] | (ra[2 * x + 1] << 8)
                    vb = rb[2 * x] | (rb[2 * x + 1] << 8)
                if va != vb:
                    count += 1
                    if first is None:
                        first = (x, y, va, vb)
                    x0, y0, x1, y1 = min(x0, x), min(y0, y), max(x1, x), max(y1, y)
        fx, fy, va, vb = first
        lx, ly = fx << (ssx if p else 0), fy << (ssy if p else 0)
        lines.append(
            f"  plane {'YUV'[p]} ({pw}x{ph}): {count} samples differ; first at x={fx} y={fy} "
            f"(hav1 {va}, ref {vb}; luma 64x64 block col {lx >> 6} row {ly >> 6}); "
            f"bounding box x {x0}..{x1}, y {y0}..{y1}")
    return lines


# ---------------------------------------------------------------- frame types

def output_frame_types(hav1dec, stream, alllayers, timeout):
    """Walks hav1dec --dump-headers and returns one description per output frame
    (best effort: the frame type of the shown frame, or of the slot shown by
    show_existing_frame).  Without --alllayers 1 the last shown frame of each
    temporal unit is output."""
    rc, err, out = run([hav1dec, "--dump-headers", "-i", stream], timeout)
    if out is None:
        return None
    text = out.decode(errors="replace")
    slots = ["?"] * 8
    outputs, tu = [], []
    obu_type, spatial_id, section, hdr = None, None, None, None

    def finish_header(h):
        if h is None:
            return
        if h.get("show_existing_frame", 0) == 1:
            idx = h.get("frame_to_show_map_idx", 0) & 7
            t = slots[idx]
            tu.append(f"{t} (show_existing_frame of slot {idx})")
            if t == "KEY_FRAME":
                slots[:] = ["KEY_FRAME"] * 8
            return
        ft = FRAME_TYPES.get(h.get("frame_type", 0), "?")
        show = h.get("show_frame", 1)
        if "refresh_frame_flags" in h:
            refresh = h["refresh_frame_flags"]
        else:  # KEY shown, SWITCH (or reduced still picture): every slot
            refresh = 0xFF
        for i in range(8):
            if refresh >> i & 1:
                slots[i] = ft
        if show:
            oh = f", order_hint {h['order_hint']}" if "order_hint" in h else ""
            sid = f", spatial_id {h['_spatial_id']}" if h.get("_spatial_id") is not None else ""
            tu.append(f"{ft}{oh}{sid}")

    def finish_tu():
        if tu:
            outputs.extend(tu if alllayers else tu[-1:])
        tu.clear()

    for line in text.splitlines():
        if line.startswith("["):
            if section == "frame_header_obu":
                finish_header(hdr)
                hdr = None
            section = line.strip("[]")
            if section == "obu_header":
                spatial_id = None
            elif section == "temporal_delimiter_obu":
                finish_tu()
            elif section == "frame_header_obu" and obu_type != 7:
                hdr = {"_spatial_id": spatial_id}
            continue
        m = re.match(r"^(\w+)(?:\[\d+\])* = (-?\d+)$", line.strip())
        if not m:
            continue
        name, value = m.group(1), int(m.group(2))
        if section == "obu_header" and name == "obu_type":
            obu_type = value
        elif section == "obu_header" and name == "spatial_id":
            spatial_id = value
        elif section == "frame_header_obu" and hdr is not None and name not in hdr:
            hdr[name] = value
    if section == "frame_header_obu":
        finish_header(hdr)
    finish_tu()
    return outputs


# ---------------------------------------------------------------- report

def ranges(idx):
    out, start, prev = [], None, None
    for i in idx:
        if start is None:
            start = prev = i
        elif i == prev + 1:
            prev = i
        else:
            out.append(f"{start}" if start == prev else f"{start}-{prev}")
            start = prev = i
    if start is not None:
        out.append(f"{start}" if start == prev else f"{start}-{prev}")
    return ",".join(out)


def main():
    def own_options(parser):
        parser.add_argument("--hav1dec", help="hav1dec binary (default: $HAV1DEC, "
                            "build-lead, else the newest build*/tools/hav1dec/hav1dec)")
        parser.add_argument("--ref", choices=["aomdec", "dav1d", "sidecar"], default=None,
                            help="reference: framemd5.sh with aomdec (default) or dav1d "
                            "(default with --alllayers 1: aomdec --all-layers names two "
                            "layers' files alike, so framemd5.sh loses one), or the "
                            ".framemd5 file beside a generated stream")
        parser.add_argument("--ref-args", default="", help="extra reference decoder "
                            "arguments (one shell-quoted string), appended after the "
                            "mirrored ones")
        parser.add_argument("--no-manifest-args", action="store_true",
                            help="do not take --oppoint/--alllayers from the manifest row")
        parser.add_argument("--no-details", action="store_true",
                            help="skip the extra runs for frame type, sizes and pixel "
                            "differences")
        parser.add_argument("--timeout", type=float, default=600,
                            help="seconds per decoder run")

    ap = argparse.ArgumentParser(
        description="First output frame where hav1dec differs from a reference decoder.",
        epilog="Options of framecmp may also follow STREAM; everything else there goes "
               "to hav1dec.  Example: tools/framecmp.py "
               "../shared/conformance/generated/aom_17x13_natpan.ivf --threads 1",
        allow_abbrev=False)
    own_options(ap)
    ap.add_argument("stream")
    ap.add_argument("hav1_args", nargs=argparse.REMAINDER,
                    help="extra hav1dec arguments (e.g. --threads 1 --filmgrain 0)")
    a = ap.parse_args()
    # framecmp's own options given after STREAM.
    late = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    own_options(late)
    for action in late._actions:
        action.default = argparse.SUPPRESS
    late_ns, a.hav1_args = late.parse_known_args(a.hav1_args)
    for k, v in vars(late_ns).items():
        setattr(a, k, v)

    if not os.path.exists(a.stream):
        die(f"no such stream: {a.stream}")
    hav1dec = find_hav1dec(a.hav1dec)
    user_args = [x for x in a.hav1_args if x != "--"]
    opts, _ = parse_hav1_args(user_args)
    rows = manifest_rows(a.stream)
    row = pick_row(rows, opts)
    eff_args = list(user_args)
    if row and not a.no_manifest_args and row.get("args", "").strip():
        if not any(k in opts for k in ("--oppoint", "--alllayers")):
            eff_args = shlex.split(row["args"]) + eff_args
    opts, rest = parse_hav1_args(eff_args)
    skip = int_opt(opts, "--skip", 0)
    limit = int_opt(opts, "--limit", 0)
    grain = int_opt(opts, "--filmgrain", 1)
    alllayers = int_opt(opts, "--alllayers", 0)
    container = container_of(a.stream, row, hav1dec)
    if a.ref is None:
        a.ref = "dav1d" if alllayers else "aomdec"

    print(f"stream:    {a.stream}")
    print(f"hav1dec:   {hav1dec} {' '.join(eff_args)}".rstrip())
    if row:
        print(f"manifest:  {row['file']}  expect {row.get('expect')}  frames {row.get('frames')}  "
              f"{row.get('width')}x{row.get('height')} {row.get('bitdepth')}-bit "
              f"{row.get('chroma')}  args '{row.get('args', '')}'")
        print(f"tags:      {row.get('tags', '')}")
    else:
        print("manifest:  (stream not in the manifest)")
    if opts.get("--inloopfilters", "all") != "all" or opts.get("--outputinvisible", "0") != "0":
        print("warning:   --inloopfilters/--outputinvisible change hav1's output; the "
              "reference does not mirror them")

    # hav1 side.
    hav1_cmd = [hav1dec, "-i", a.stream, "-q", "--muxer", "framemd5", "-o", "-"] + rest
    if skip:
        hav1_cmd += ["--skip", str(skip)]
    if limit:
        hav1_cmd += ["--limit", str(limit)]
    rc, err, out = run(hav1_cmd, a.timeout)
    hav1, _ = parse_md5_lines(out.decode(errors="replace"))
    hav1_status = "ok" if rc == 0 else ("timeout/failed to run" if rc is None else f"exit {rc}")
    hav1_err = err.strip().splitlines()[-3:] if err.strip() else []

    # Reference side.
    ref_whole = None
    ref_status = "ok"
    if a.ref == "sidecar":
        sc = sidecar_path(a.stream)
        if sc is None:
            die("no .framemd5 file beside the stream (use --ref aomdec)")
        if grain == 0 or int_opt(opts, "--oppoint", 0) or alllayers:
            die("the .framemd5 files are for the default decode only (use --ref aomdec)")
        with open(sc, encoding="utf-8") as f:
            ref, _ = parse_md5_lines(f.read())
        ref_desc = sc
    else:
        ra = reference_args(a.ref, opts, container) + shlex.split(a.ref_args)
        cmd = [FRAMEMD5_SH, a.stream, a.ref] + ra
        ref_desc = " ".join(shlex.quote(x) for x in cmd)
        if not os.access(FRAMEMD5_SH, os.X_OK):
            die(f"{FRAMEMD5_SH} not found (needs ../shared)")
        rrc, rerr, rout = run(cmd, a.timeout)
        ref, ref_whole = parse_md5_lines(rout.decode(errors="replace"))
        if rrc != 0:
            ref_status = f"exit {rrc}: {rerr.strip()[-300:]}"
    print(f"reference: {ref_desc}")
    ref_all = ref
    ref = ref[skip:]
    if limit > 0:
        ref = ref[:limit]

    # Sanity check of the reference against the manifest.
    if row and row.get("expect") == "match" and ref_whole and not skip and not limit:
        want = row.get("md5" if grain else "md5_nograin")
        if want and want != "-" and ref_whole != want:
            print(f"warning:   the reference's whole-output MD5 {ref_whole} is not the "
                  f"manifest's {want}: check the arguments")

    n = min(len(hav1), len(ref))
    diffs = [i for i in range(n) if hav1[i] != ref[i]]
    first = diffs[0] if diffs else (n if len(hav1) != len(ref) else None)

    if first is not None:
        absf = first + skip
        print()
        print(f"FIRST DIFFERENCE: output frame {absf}"
              + (f" (hav1 frame {first} after --skip {skip})" if skip else ""))
        if first < n:
            print(f"  md5 hav1 {hav1[first]}  ref {ref[first]}")
        elif len(hav1) < len(ref):
            print(f"  hav1 output stops after {len(hav1)} frames; the reference has {len(ref)}")
        else:
            print(f"  hav1 outputs {len(hav1)} frames; the reference only {len(ref)}")
        if not a.no_details:
            types = output_frame_types(hav1dec, a.stream, alllayers, a.timeout)
            if types is not None and absf < len(types):
                note = "" if len(types) == len(ref_all) else \
                    f" (unsure: the header walk gives {len(types)} output frames, the reference {len(ref_all)})"
                print(f"  frame type: {types[absf]}{note}")
                if absf > 0:
                    print(f"  previous frame: {types[absf - 1]}")
            else:
                print("  frame type: unknown")
            ra_aom = reference_args("aomdec", opts, container) + \
                (shlex.split(a.ref_args) if a.ref == "aomdec" else [])
            rframes, rerr2, tmp = reference_frames_with_sizes(a.stream, ra_aom, a.timeout,
                                                               absf + 1)
            try:
                rf = rframes[absf] if absf < len(rframes) else None
                if rframes and [f[3] for f in rframes] != ref_all[:len(rframes)]:
                    print("  note: aomdec's per-frame files do not hash like the reference "
                          "list; sizes below may not belong to the same frames")
                hf = hav1_frame(hav1dec, a.stream, rest, absf, a.timeout) if first < len(hav1) else None
                if hf:
                    print(f"  hav1 size: {hf[0]}x{hf[1]} {hf[2]} ({len(hf[3])} bytes)")
                else:
                    print("  hav1 size: (no frame)")
                if rf:
                    print(f"  ref size:  {rf[0]}x{rf[1]} ({rf[2]} bytes, aomdec)")
                else:
                    print("  ref size:  (no frame)" + (f"  [{rerr2}]" if rerr2 else ""))
                if hf and rf and (hf[0], hf[1]) == (rf[0], rf[1]) and len(hf[3]) == rf[2]:
                    with open(rf[4], "rb") as f:
                        rdata = f.read()
                    for line in pixel_diff(hf[0], hf[1], hf[2], hf[3], rdata):
                        print(line)
                elif hf and rf:
                    print("  sizes differ: no pixel comparison")
            finally:
                shutil.rmtree(tmp, ignore_errors=True)

    print()
    print("SUMMARY")
    print(f"  hav1:      {len(hav1)} frames, {hav1_status}")
    for line in hav1_err:
        print(f"             {line}")
    print(f"  reference: {len(ref)} frames" + (f" (of {len(ref_all)}, after skip/limit)" if len(ref) != len(ref_all) else "")
          + f", {ref_status}")
    matching = n - len(diffs)
    print(f"  compared:  {n} frames, {matching} equal, {len(diffs)} differ"
          + (f": {ranges([d + skip for d in diffs])}" if diffs else ""))
    if rc is not None and rc < 0:
        print(f"  RESULT: hav1dec CRASHED (signal {-rc})"
              + (f"; first difference at output frame {first + skip}" if first is not None else ""))
        return 1
    if first is None and rc == 0:
        print("  RESULT: all frames equal")
        return 0
    if first is None and ref_status != "ok":
        print("  RESULT: frames equal; both decoders reported an error")
        return 0
    if first is None:
        print("  RESULT: frames equal, but hav1dec reported an error")
        return 1
    print(f"  RESULT: first difference at output frame {first + skip}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
