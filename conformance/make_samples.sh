#!/usr/bin/env bash
# Makes the project's own sample streams in conformance/samples/ from synthetic
# content (conformance/synth_y4m.py) with Debian's aomenc and SvtAv1EncApp,
# and writes conformance/samples/MANIFEST.tsv (the shared manifest format)
# with MD5s from dav1d and aomdec run as programs: a sample is only kept when
# both reference decoders agree.  Needs: aom-tools, svt-av1, dav1d, ffmpeg
# (built with librav1e for the rav1e sample).
#
# Usage: make_samples.sh [GLOB]   With GLOB (e.g. 'hav1-inter-*'), only the
# samples whose names match are remade; the other rows of MANIFEST.tsv stay.
#
# Inter tool samples are checked before they are kept (see CHECKS.txt):
#  NEED="re ..."    each extended regex must match some "field=value" line of
#                   the stream's headers as ffmpeg's trace_headers prints them
#                   (sequence and frame header fields by their spec names, plus
#                   frame_size=WxH per frame and distinct_sizes=N);
#  UNLIKE="args"    the same encode with these extra arguments (the tool off in
#                   the encoder only) must keep the same sequence header but
#                   decode to different pictures: the encoder picked the tool in
#                   some block, which no header field can show.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$here/samples
only=${1:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
# The source is written when the first sample that uses it is made.
synth() { SYNTH_ARGS="${*:2}"; SYNTH_CMD=("$@"); SYNTH_DONE=0; }
aom() { aomenc --quiet --cpu-used=8 --threads=1 "$@" 2>/dev/null; }
# Slow speed setting: the fast ones prune most inter tools from the search.
aom1() { nice aomenc --quiet --cpu-used=1 --threads=1 "$@" 2>/dev/null; }
aomrt() { nice aomenc --quiet --rt --cpu-used=7 --threads=1 "$@" 2>/dev/null; }
rav1e() { nice ffmpeg -v error -y "$@"; }
svt() { nice SvtAv1EncApp "$@" >/dev/null 2>&1; }

# "field=value" lines of every sequence/frame header (ivf, section5, webm).
headers() {
  local fmt=()
  [ "$2" = section5 ] && fmt=(-f obu)
  ffmpeg -hide_banner -loglevel trace "${fmt[@]}" -i "$1" -map 0:v:0 -c copy -copyinkf \
      -bsf:v trace_headers -f null - 2>&1 | sed -n 's/^\[trace_headers @ [0-9a-fx]*\] //p' | awk '
    /^Sequence Header/ { sec = "seq." ; next }
    /^[A-Z]/ { sec = "" }
    /^Frame [0-9]+: +size / { print "frame_size=" $4; sizes[$4] = 1
      if (!first) { split($4, d, "x"); print "first_output=" $6 " " d[2]; first = 1 }
      next }
    /^[0-9]+ +[a-z_]/ { n = split($0, f, " "); print sec f[2] "=" f[n]; next }
    END { k = 0; for (s in sizes) k++; print "distinct_sizes=" k }'
}

# name | container | tags | encoder command (reads $tmp/src.y4m, writes $f)
make_one() {
  local name=$1 container=$2 tags=$3; shift 3
  local f=$out/$name
  if [ -n "$only" ] && [[ $name != $only ]]; then return; fi
  if [ "$SYNTH_DONE" = 0 ]; then python3 "$here/synth_y4m.py" "${SYNTH_CMD[@]}"; SYNTH_DONE=1; fi
  "$@"
  # MD5 of the whole output and of the first frame, from both decoders.
  local ivf=$f
  if [ "$container" = webm ]; then
    ivf=$tmp/remux.ivf; ffmpeg -v error -y -i "$f" -c copy -f ivf "$ivf"
  fi
  local annexb=()
  [ "$container" = annexb ] && annexb=(--annexb)
  aomdec "${annexb[@]}" --rawvideo -o "$tmp/a.yuv" "$f"
  aomdec "${annexb[@]}" --rawvideo --limit=1 -o "$tmp/a1.yuv" "$f"
  dav1d -q --alllayers 0 -i "$ivf" -o "$tmp/d.yuv"
  local ma md mf
  ma=$(md5sum < "$tmp/a.yuv" | cut -d' ' -f1)
  md=$(md5sum < "$tmp/d.yuv" | cut -d' ' -f1)
  mf=$(md5sum < "$tmp/a1.yuv" | cut -d' ' -f1)
  if [ "$ma" != "$md" ]; then echo "aomdec and dav1d disagree on $name: dropped" >&2; rm -f "$f"; return; fi
  dav1d -q --alllayers 0 --limit 1 -i "$ivf" -o "$tmp/d1.yuv"
  if ! cmp -s "$tmp/a1.yuv" "$tmp/d1.yuv"; then echo "first frames differ on $name: dropped" >&2; rm -f "$f"; return; fi
  local frames w h depth chroma fsize cmd
  read -r w h depth chroma <<<"$SAMPLE_GEOM"
  fsize=$(stat -c %s "$tmp/a1.yuv")
  frames=$(( $(stat -c %s "$tmp/a.yuv") / fsize ))
  if [ -n "${NEED:-}${UNLIKE:-}" ]; then
    frames=$(aomdec --summary --rawvideo -o /dev/null "$f" 2>&1 | sed -n 's|.*/\([0-9]*\) showed frames.*|\1|p')
    check_tools "$name" "$container" "$f" "$ma" "$@" || { rm -f "$f"; return; }
    # Size of the first output frame (upscaled width), and the tags for what
    # the headers show beyond the tool itself.
    read -r w h < <(sed -n 's/^first_output=//p' "$tmp/h.txt")
    tags=$(auto_tags "$tags" "$tmp/h.txt")
  fi
  cmd="$*"; cmd=${cmd//$tmp\/src.y4m/SYNTH.y4m}; cmd=${cmd//$out\//}
  cmd=${cmd/#aom1 /aomenc --cpu-used=1 --threads=1 }; cmd=${cmd/#aomrt /aomenc --rt --cpu-used=7 --threads=1 }
  cmd=${cmd/#rav1e /ffmpeg }; cmd=${cmd/#svt /SvtAv1EncApp }
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\tmatch\t%s\t%s\t%s\t\t%s\n' \
    "$name" "$ma" "$ma" "$frames" "$w" "$h" "$depth" "$chroma" "$container" \
    "$tags" "hav1 conformance/make_samples.sh (SYNTH.y4m from synth_y4m.py $SYNTH_ARGS): $cmd" "BSD-2-Clause (hav1 authors)" "$mf" >> "$tmp/manifest"
  echo "made $name ($(stat -c %s "$f") bytes, md5 $ma)" >&2
}

# Adds to the tags list (keeping the container last) what the headers show, with
# the tag names of ../shared/conformance/README.md.
auto_tags() {
  local tags=$1 h=$2 t extra=()
  grep -qx 'seq.use_128x128_superblock=1' "$h" && extra+=(sb128)
  grep -qxE 'distinct_sizes=([2-9]|[1-9][0-9])' "$h" && extra+=(size-change)
  grep -qx 'use_superres=1' "$h" && extra+=(superres)
  grep -qx 'frame_type=3' "$h" && extra+=(switch-frames)
  grep -qx 'error_resilient_mode=1' "$h" && extra+=(error-resilient)
  grep -qxE 'tile_(cols|rows)_log2=[1-9]' "$h" && extra+=(tiles)
  grep -qxE 'is_global\[[1-7]\]=1' "$h" && extra+=(global-motion)
  awk -F'[=x]' '/^frame_size=/ && ($2 % 8 || $3 % 8) { found = 1 } END { exit !found }' "$h" && extra+=(odd-size)
  local container=${tags##*,} body=${tags%,*}
  for t in "${extra[@]}"; do
    [[ ",$body," == *",$t,"* ]] || body+=",$t"
  done
  echo "$body,$container"
}

# Checks NEED and UNLIKE (see the top) on a made sample; logs to CHECKS.txt.
check_tools() {
  local name=$1 container=$2 f=$3 md5=$4; shift 4
  headers "$f" "$container" > "$tmp/h.txt"
  local re log="$name:"
  for re in ${NEED:-}; do
    if ! grep -qxE "$re" "$tmp/h.txt"; then echo "$name: no header line matches $re: dropped" >&2; return 1; fi
    log+=" [$(grep -xE "$re" "$tmp/h.txt" | sort | uniq -c | awk '{ printf "%s%s x%s", (NR > 1 ? ", " : ""), $2, $1 }')]"
  done
  if [ -n "${UNLIKE:-}" ]; then
    cp "$f" "$tmp/keep"
    # shellcheck disable=SC2086
    "$@" $UNLIKE
    headers "$f" "$container" > "$tmp/h2.txt"
    aomdec --rawvideo -o "$tmp/u.yuv" "$f"
    mv "$tmp/keep" "$f"
    if [ "$(md5sum < "$tmp/u.yuv" | cut -d' ' -f1)" = "$md5" ]; then echo "$name: same pictures with $UNLIKE (tool never picked): dropped" >&2; return 1; fi
    # Same sequence header and the same NEED lines: only block decisions differ.
    local same=1
    grep '^seq\.' "$tmp/h.txt" > "$tmp/s1"; grep '^seq\.' "$tmp/h2.txt" > "$tmp/s2"
    cmp -s "$tmp/s1" "$tmp/s2" || same=0
    for re in ${NEED:-}; do
      [ "$(grep -cxE "$re" "$tmp/h.txt")" = "$(grep -cxE "$re" "$tmp/h2.txt")" ] || same=0
    done
    if [ $same = 1 ]; then
      log+=" [with $UNLIKE: same headers, other pictures: the tool is picked in some block]"
    else
      log+=" [with $UNLIKE: the headers change too, other pictures]"
    fi
  fi
  echo "$log" >> "$tmp/checks"
  echo "$log" >&2
}

printf 'file\tmd5\tmd5_nograin\tframes\twidth\theight\tbitdepth\tchroma\tcontainer\texpect\ttags\tsource\tlicense\targs\tmd5_first\n' > "$tmp/manifest"

synth "$tmp/src.y4m" 96 64 4
SAMPLE_GEOM="96 64 8 420"
make_one hav1-intra-420-8bit.ivf ivf "8bit,420,intra-only,ivf" \
  aom --ivf --kf-max-dist=0 --limit=4 --end-usage=q --cq-level=32 -o "$out/hav1-intra-420-8bit.ivf" "$tmp/src.y4m"

synth "$tmp/src.y4m" 160 90 10
SAMPLE_GEOM="160 90 8 420"
make_one hav1-inter-420-8bit.ivf ivf "8bit,420,inter,ivf" \
  aom --ivf --limit=10 --end-usage=q --cq-level=40 -o "$out/hav1-inter-420-8bit.ivf" "$tmp/src.y4m"
make_one hav1-inter-420-8bit.webm webm "8bit,420,inter,webm" \
  aom --webm --limit=6 --end-usage=q --cq-level=48 -o "$out/hav1-inter-420-8bit.webm" "$tmp/src.y4m"

synth "$tmp/src.y4m" 64 48 3 --chroma mono
SAMPLE_GEOM="64 48 8 mono"
make_one hav1-mono-8bit.obu section5 "8bit,mono,inter,section5" \
  aom --obu --monochrome --limit=3 --end-usage=q --cq-level=30 -o "$out/hav1-mono-8bit.obu" "$tmp/src.y4m"

synth "$tmp/src.y4m" 64 48 3 --chroma 444
SAMPLE_GEOM="64 48 8 444"
make_one hav1-444-8bit-annexb.obu annexb "8bit,444,inter,annexb" \
  aom --obu --annexb=1 --profile=1 --limit=3 --end-usage=q --cq-level=30 -o "$out/hav1-444-8bit-annexb.obu" "$tmp/src.y4m"

synth "$tmp/src.y4m" 128 72 6 --depth 10
SAMPLE_GEOM="128 72 10 420"
make_one hav1-svt-420-10bit.ivf ivf "10bit,420,inter,ivf" \
  SvtAv1EncApp --preset 12 -q 40 --keyint 30 -n 6 -i "$tmp/src.y4m" -b "$out/hav1-svt-420-10bit.ivf" --progress 0

# Intra tools, one stream each (all key frames: hav1 decodes these today).
synth "$tmp/src.y4m" 128 96 3
SAMPLE_GEOM="128 96 8 420"
make_one hav1-intra-screen-palette.ivf ivf "8bit,420,intra-only,screen-content,ivf" \
  aom --ivf --kf-max-dist=0 --limit=3 --tune-content=screen --enable-palette=1 --enable-intrabc=1 --end-usage=q --cq-level=30 -o "$out/hav1-intra-screen-palette.ivf" "$tmp/src.y4m"
make_one hav1-intra-lossless.ivf ivf "8bit,420,intra-only,lossless,ivf" \
  aom --ivf --kf-max-dist=0 --limit=2 --lossless=1 -o "$out/hav1-intra-lossless.ivf" "$tmp/src.y4m"
make_one hav1-intra-qm.ivf ivf "8bit,420,intra-only,qm,ivf" \
  aom --ivf --kf-max-dist=0 --limit=3 --enable-qm=1 --qm-min=2 --qm-max=10 --end-usage=q --cq-level=20 -o "$out/hav1-intra-qm.ivf" "$tmp/src.y4m"
make_one hav1-intra-sb128.ivf ivf "8bit,420,intra-only,sb128,ivf" \
  aom --ivf --kf-max-dist=0 --limit=3 --sb-size=128 --end-usage=q --cq-level=36 -o "$out/hav1-intra-sb128.ivf" "$tmp/src.y4m"
make_one hav1-intra-superres.ivf ivf "8bit,420,intra-only,superres,ivf" \
  aom --ivf --kf-max-dist=0 --limit=3 --superres-mode=1 --superres-denominator=12 --superres-kf-denominator=12 --end-usage=q --cq-level=36 -o "$out/hav1-intra-superres.ivf" "$tmp/src.y4m"

synth "$tmp/src.y4m" 176 144 2 --pattern text
SAMPLE_GEOM="176 144 8 420"
make_one hav1-intra-screen-text-intrabc.ivf ivf "8bit,420,intra-only,screen-content,intrabc,ivf" \
  aom --ivf --allintra --cpu-used=2 --limit=2 --deltaq-mode=0 --tune-content=screen --enable-palette=1 --enable-intrabc=1 --end-usage=q --cq-level=40 -o "$out/hav1-intra-screen-text-intrabc.ivf" "$tmp/src.y4m"

synth "$tmp/src.y4m" 640 160 2
SAMPLE_GEOM="640 160 8 420"
make_one hav1-intra-tiles.ivf ivf "8bit,420,intra-only,tiles,ivf" \
  aom --ivf --kf-max-dist=0 --limit=2 --tile-columns=1 --tile-rows=2 --end-usage=q --cq-level=44 -o "$out/hav1-intra-tiles.ivf" "$tmp/src.y4m"

# Inter tools, one stream each (issue #4), with aomenc's slow speed setting so
# that the search tries them, on content that calls for them.  NEED names the
# header fields that show the tool; UNLIKE re-encodes with the tool off in the
# encoder (see the top; CHECKS.txt has the outcome).
A="--ivf --limit=10 --end-usage=q --cq-level=32"
# Compound, inter-intra and filter samples keep the motion modes and global
# motion off, so that each shows one tool alone.
I="--enable-obmc=0 --enable-warped-motion=0 --enable-global-motion=0"
synth "$tmp/src.y4m" 176 112 10 --pattern objects
SAMPLE_GEOM="176 112 8 420"
NEED="is_motion_mode_switchable=1" UNLIKE="--enable-obmc=0" \
make_one hav1-inter-obmc.ivf ivf "8bit,420,inter,obmc,ivf" \
  aom1 $A --enable-obmc=1 --enable-warped-motion=1 --enable-global-motion=0 -o "$out/hav1-inter-obmc.ivf" "$tmp/src.y4m"
NEED="seq.enable_jnt_comp=1 reference_select=1" UNLIKE="--enable-dist-wtd-comp=0" \
make_one hav1-inter-comp-distwtd.ivf ivf "8bit,420,inter,compound,dist-wtd,ivf" \
  aom1 $A $I --enable-dist-wtd-comp=1 --enable-masked-comp=0 --enable-interintra-comp=0 -o "$out/hav1-inter-comp-distwtd.ivf" "$tmp/src.y4m"
NEED="seq.enable_masked_compound=1 reference_select=1" UNLIKE="--enable-interinter-wedge=0" \
make_one hav1-inter-comp-wedge.ivf ivf "8bit,420,inter,compound,wedge,ivf" \
  aom1 $A $I --enable-masked-comp=1 --enable-interinter-wedge=1 --enable-diff-wtd-comp=0 --enable-dist-wtd-comp=0 --enable-interintra-comp=0 -o "$out/hav1-inter-comp-wedge.ivf" "$tmp/src.y4m"
NEED="seq.enable_masked_compound=1 reference_select=1" UNLIKE="--enable-diff-wtd-comp=0" \
make_one hav1-inter-comp-diffwtd.ivf ivf "8bit,420,inter,compound,diff-wtd,ivf" \
  aom1 $A $I --enable-masked-comp=1 --enable-interinter-wedge=0 --enable-diff-wtd-comp=1 --enable-dist-wtd-comp=0 --enable-interintra-comp=0 -o "$out/hav1-inter-comp-diffwtd.ivf" "$tmp/src.y4m"
NEED="seq.enable_masked_compound=0 seq.enable_jnt_comp=0 reference_select=1 skip_mode_present=1" \
make_one hav1-inter-comp-average.ivf ivf "8bit,420,inter,compound,skip-mode,ivf" \
  aom1 $A $I --enable-masked-comp=0 --enable-dist-wtd-comp=0 --enable-interintra-comp=0 -o "$out/hav1-inter-comp-average.ivf" "$tmp/src.y4m"
NEED="seq.enable_interintra_compound=1" UNLIKE="--enable-smooth-interintra=0" \
make_one hav1-inter-interintra-smooth.ivf ivf "8bit,420,inter,interintra,ivf" \
  aom1 $A $I --enable-interintra-comp=1 --enable-smooth-interintra=1 --enable-interintra-wedge=0 --enable-masked-comp=0 --enable-dist-wtd-comp=0 -o "$out/hav1-inter-interintra-smooth.ivf" "$tmp/src.y4m"
NEED="seq.enable_interintra_compound=1" UNLIKE="--enable-interintra-wedge=0" \
make_one hav1-inter-interintra-wedge.ivf ivf "8bit,420,inter,interintra,wedge,ivf" \
  aom1 $A $I --enable-interintra-comp=1 --enable-smooth-interintra=0 --enable-interintra-wedge=1 --enable-masked-comp=0 --enable-dist-wtd-comp=0 -o "$out/hav1-inter-interintra-wedge.ivf" "$tmp/src.y4m"
NEED="reference_select=1" UNLIKE="--enable-onesided-comp=0" \
make_one hav1-inter-lowdelay-onesided.ivf ivf "8bit,420,inter,compound,low-delay,ivf" \
  aom1 $A --lag-in-frames=0 --enable-onesided-comp=1 -o "$out/hav1-inter-lowdelay-onesided.ivf" "$tmp/src.y4m"

NEED="seq.enable_dual_filter=1 is_filter_switchable=1" UNLIKE="--enable-dual-filter=0" \
make_one hav1-inter-filter-dual.ivf ivf "8bit,420,inter,interp-switchable,dual-filter,ivf" \
  aom1 $A $I --enable-dual-filter=1 -o "$out/hav1-inter-filter-dual.ivf" "$tmp/src.y4m"
NEED="seq.enable_dual_filter=0 is_filter_switchable=1" \
make_one hav1-inter-filter-switchable.ivf ivf "8bit,420,inter,interp-switchable,ivf" \
  aom1 $A $I --enable-dual-filter=0 -o "$out/hav1-inter-filter-switchable.ivf" "$tmp/src.y4m"

# Frame-level features of inter frames: segmentation (ids from the previous
# map; cyclic refresh with a coded and a temporally predicted map), delta LF,
# CDF updates switched off on some frames with the reduced transform set.
NEED="segmentation_enabled=1 segmentation_update_map=0 frame_type=1" \
make_one hav1-inter-segmentation.ivf ivf "8bit,420,inter,segmentation,delta-q,ivf" \
  aom1 $A --aq-mode=1 -o "$out/hav1-inter-segmentation.ivf" "$tmp/src.y4m"
NEED="segmentation_update_map=1 segmentation_temporal_update=1 frame_type=1" \
make_one hav1-inter-rt-cyclic-refresh.ivf ivf "8bit,420,inter,segmentation,realtime,ivf" \
  aomrt --ivf --limit=10 --end-usage=cbr --target-bitrate=60 --min-q=40 --max-q=56 --aq-mode=3 -o "$out/hav1-inter-rt-cyclic-refresh.ivf" "$tmp/src.y4m"
NEED="delta_lf_present=1 frame_type=1" \
make_one hav1-inter-delta-lf.ivf ivf "8bit,420,inter,delta-q,delta-lf,ivf" \
  aom1 $A --delta-lf-mode=1 -o "$out/hav1-inter-delta-lf.ivf" "$tmp/src.y4m"
NEED="disable_cdf_update=1 reduced_tx_set=1 frame_type=1" \
make_one hav1-inter-cdf-selective.ivf ivf "8bit,420,inter,disable-cdf-update,reduced-tx-set,ivf" \
  aom1 $A --cdf-update-mode=2 --reduced-tx-type-set=1 -o "$out/hav1-inter-cdf-selective.ivf" "$tmp/src.y4m"

synth "$tmp/src.y4m" 176 112 10 --pattern warp
NEED="allow_warped_motion=1 is_motion_mode_switchable=1" UNLIKE="--enable-warped-motion=0" \
make_one hav1-inter-warped.ivf ivf "8bit,420,inter,warped-motion,ivf" \
  aom1 $A --enable-warped-motion=1 --enable-obmc=0 --enable-global-motion=0 -o "$out/hav1-inter-warped.ivf" "$tmp/src.y4m"

synth "$tmp/src.y4m" 176 112 10 --pattern zoom
NEED='is_global\[[1-7]\]=1 is_rot_zoom\[[1-7]\]=1' UNLIKE="--enable-global-motion=0" \
make_one hav1-inter-globalmotion.ivf ivf "8bit,420,inter,global-motion,ivf" \
  aom1 $A --enable-global-motion=1 --enable-warped-motion=0 --enable-obmc=0 -o "$out/hav1-inter-globalmotion.ivf" "$tmp/src.y4m"

synth "$tmp/src.y4m" 160 96 10 --pattern pan
SAMPLE_GEOM="160 96 8 420"
NEED="distinct_sizes=([2-9]|[1-9][0-9])" \
make_one hav1-inter-resize.ivf ivf "8bit,420,inter,size-change,ivf" \
  aom1 $A --resize-mode=2 -o "$out/hav1-inter-resize.ivf" "$tmp/src.y4m"
# Key frame at full size, inter frames at 2/3 (the first predicts from the
# scaled key frame, frame_size_with_refs finds the others' size).
NEED='distinct_sizes=2 found_ref\[[0-6]\]=1' \
make_one hav1-inter-resize-fixed.ivf ivf "8bit,420,inter,size-change,ivf" \
  aom1 $A --resize-mode=1 --resize-denominator=12 --resize-kf-denominator=8 -o "$out/hav1-inter-resize-fixed.ivf" "$tmp/src.y4m"
NEED="seq.enable_superres=1 use_superres=1 frame_type=1" \
make_one hav1-inter-superres.ivf ivf "8bit,420,inter,superres,ivf" \
  aom1 $A --superres-mode=2 -o "$out/hav1-inter-superres.ivf" "$tmp/src.y4m"
NEED="error_resilient_mode=1 frame_type=1" \
make_one hav1-inter-error-resilient.ivf ivf "8bit,420,inter,error-resilient,ivf" \
  aom1 $A --error-resilient=1 -o "$out/hav1-inter-error-resilient.ivf" "$tmp/src.y4m"

synth "$tmp/src.y4m" 208 120 8 --pattern objects
SAMPLE_GEOM="208 120 8 420"
NEED="seq.use_128x128_superblock=1 frame_type=1" \
make_one hav1-inter-sb128.ivf ivf "8bit,420,inter,sb128,ivf" \
  aom1 $A --sb-size=128 -o "$out/hav1-inter-sb128.ivf" "$tmp/src.y4m"
NEED="tile_cols_log2=1 tile_rows_log2=1 frame_type=1" \
make_one hav1-inter-tiles.ivf ivf "8bit,420,inter,tiles,ivf" \
  aom1 $A --sb-size=64 --tile-columns=1 --tile-rows=1 -o "$out/hav1-inter-tiles.ivf" "$tmp/src.y4m"

synth "$tmp/src.y4m" 151 93 8 --pattern objects
SAMPLE_GEOM="151 93 8 420"
NEED="frame_type=1 reference_select=1" \
make_one hav1-inter-odd-size.ivf ivf "8bit,420,inter,odd-size,ivf" \
  aom1 $A -o "$out/hav1-inter-odd-size.ivf" "$tmp/src.y4m"

# Fast pan (about 22 samples a frame): long motion vectors (MV classes) and
# blocks predicted from far outside the reference frames.
synth "$tmp/src.y4m" 160 96 10 --pattern pan --speed 16
SAMPLE_GEOM="160 96 8 420"
NEED="frame_type=1" \
make_one hav1-inter-fast-motion.ivf ivf "8bit,420,inter,ivf" \
  aom1 $A -o "$out/hav1-inter-fast-motion.ivf" "$tmp/src.y4m"

synth "$tmp/src.y4m" 96 64 8 --pattern objects --chroma mono
SAMPLE_GEOM="96 64 8 mono"
NEED="seq.mono_chrome=1 frame_type=1 reference_select=1" \
make_one hav1-inter-mono.ivf ivf "8bit,mono,inter,ivf" \
  aom1 $A --monochrome -o "$out/hav1-inter-mono.ivf" "$tmp/src.y4m"

synth "$tmp/src.y4m" 64 48 4 --pattern objects
SAMPLE_GEOM="64 48 8 420"
NEED="base_q_idx=0 frame_type=1" \
make_one hav1-inter-lossless.ivf ivf "8bit,420,inter,lossless,ivf" \
  aom1 --ivf --limit=4 --lossless=1 -o "$out/hav1-inter-lossless.ivf" "$tmp/src.y4m"

synth "$tmp/src.y4m" 128 96 8 --pattern scroll
SAMPLE_GEOM="128 96 8 420"
NEED="allow_screen_content_tools=1 frame_type=1" \
make_one hav1-inter-screen.ivf ivf "8bit,420,inter,screen-content,ivf" \
  aom1 --ivf --limit=8 --end-usage=q --cq-level=32 --tune-content=screen -o "$out/hav1-inter-screen.ivf" "$tmp/src.y4m"

synth "$tmp/src.y4m" 160 96 8 --pattern objects
SAMPLE_GEOM="160 96 8 420"
# aomenc 3.6 writes no S-frame whatever --sframe-dist/--sframe-mode say; rav1e does.
NEED="frame_type=3" \
make_one hav1-inter-sframe-rav1e.ivf ivf "8bit,420,inter,switch-frames,rav1e,ivf" \
  rav1e -i "$tmp/src.y4m" -c:v librav1e -qp 110 -speed 6 -rav1e-params switch_frame_interval=3:low_latency=true:keyint=30 -f ivf "$out/hav1-inter-sframe-rav1e.ivf"
NEED="frame_type=1" \
make_one hav1-inter-rav1e.ivf ivf "8bit,420,inter,rav1e,ivf" \
  rav1e -i "$tmp/src.y4m" -c:v librav1e -qp 120 -speed 4 -f ivf "$out/hav1-inter-rav1e.ivf"
NEED="frame_type=1" \
make_one hav1-inter-svt.ivf ivf "8bit,420,inter,svt,ivf" \
  svt --preset 3 -q 40 --keyint 30 -n 8 -i "$tmp/src.y4m" -b "$out/hav1-inter-svt.ivf" --progress 0

# Merge: rows of samples not remade stay where they are.
merge() {  # old new -> merged
  awk -F'\t' 'FNR == 1 { if (NR == 1) print; next }
    NR == FNR { old[++n] = $0; oldname[n] = $1; next }
    { neu[$1] = $0; order[++m] = $1 }
    END { for (i = 1; i <= n; i++) { if (oldname[i] in neu) { print neu[oldname[i]]; done[oldname[i]] = 1 } else print old[i] }
          for (i = 1; i <= m; i++) if (!(order[i] in done)) print neu[order[i]] }' "$1" "$2"
}
if [ -n "$only" ] && [ -f "$out/MANIFEST.tsv" ]; then
  # (rows of samples that were dropped this time go: their files are gone)
  merge "$out/MANIFEST.tsv" "$tmp/manifest" | while IFS= read -r row; do
    [ -f "$out/${row%%$'\t'*}" ] || [ "${row%%$'\t'*}" = file ] && printf '%s\n' "$row"
  done > "$tmp/merged"
  mv "$tmp/merged" "$tmp/manifest"
fi
# Rows in the order of this script's make_one lines (FS: tab or colon).
script_order() {
  awk 'NR == FNR { if ($1 == "make_one") ord[$2] = ++n; next }
       FNR == 1 && $0 ~ /^file\t/ { print "0\t" $0; next }
       { split($0, k, /[\t:]/); print ((k[1] in ord) ? ord[k[1]] : 9999) "\t" $0 }' "$0" "$1" |
    sort -s -n -k1,1 | cut -f2-
}
script_order "$tmp/manifest" > "$tmp/ordered"; mv "$tmp/ordered" "$tmp/manifest"
mv "$tmp/manifest" "$out/MANIFEST.tsv"
echo "wrote $out/MANIFEST.tsv" >&2
if [ -f "$tmp/checks" ]; then
  touch "$out/CHECKS.txt"
  awk -F: 'NR == FNR { neu[$1] = $0; order[++m] = $1; next }
    { if ($1 in neu) { print neu[$1]; done[$1] = 1 } else print }
    END { for (i = 1; i <= m; i++) if (!(order[i] in done)) print neu[order[i]] }' "$tmp/checks" "$out/CHECKS.txt" > "$tmp/c2"
  script_order "$tmp/c2" > "$out/CHECKS.txt"
fi
