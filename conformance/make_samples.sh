#!/usr/bin/env bash
# Makes the project's own sample streams in conformance/samples/ from synthetic
# content (conformance/synth_y4m.py) with Debian's aomenc and SvtAv1EncApp,
# and writes conformance/samples/MANIFEST.tsv (the shared manifest format)
# with MD5s from dav1d and aomdec run as programs: a sample is only kept when
# both reference decoders agree.  Needs: aom-tools, svt-av1, dav1d, ffmpeg.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$here/samples
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
synth() { SYNTH_ARGS="${*:2}"; python3 "$here/synth_y4m.py" "$@"; }
aom() { aomenc --quiet --cpu-used=8 --threads=1 "$@" 2>/dev/null; }

# name | container | tags | encoder command (reads $tmp/src.y4m, writes $f)
make_one() {
  local name=$1 container=$2 tags=$3; shift 3
  local f=$out/$name
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
  cmd="$*"; cmd=${cmd//$tmp\/src.y4m/SYNTH.y4m}; cmd=${cmd//$out\//}
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\tmatch\t%s\t%s\t%s\t\t%s\n' \
    "$name" "$ma" "$ma" "$frames" "$w" "$h" "$depth" "$chroma" "$container" \
    "$tags" "hav1 conformance/make_samples.sh (SYNTH.y4m from synth_y4m.py $SYNTH_ARGS): $cmd" "BSD-2-Clause (hav1 authors)" "$mf" >> "$tmp/manifest"
  echo "made $name ($(stat -c %s "$f") bytes, md5 $ma)" >&2
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

mv "$tmp/manifest" "$out/MANIFEST.tsv"
echo "wrote $out/MANIFEST.tsv" >&2
