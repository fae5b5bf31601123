#!/usr/bin/env bash
# From a fresh Debian 12 machine to a decoded sample: installs what is
# missing, makes a release build in build/release and runs hav1dec on the
# bundled sample stream.
# Usage: tools/quickstart.sh [STREAM]   (default: conformance/samples/hav1-intra-420-8bit.ivf)
set -euo pipefail
cd "$(dirname "$0")/.."

tools/install_deps.sh
if [ -f build/release/build.ninja ]; then
  meson setup --reconfigure build/release -Dbuildtype=release >/dev/null
else
  meson setup build/release -Dbuildtype=release >/dev/null
fi
echo "== building (release) in build/release" >&2
ninja -C build/release >/dev/null

sample=${1:-conformance/samples/hav1-intra-420-8bit.ivf}
hav1dec=build/release/tools/hav1dec/hav1dec
name=$(basename "$sample")
expected=$(awk -F'\t' -v f="$name" '$1 == f {print $2}' conformance/samples/MANIFEST.tsv)
mkdir -p out
out=out/${name%.*}.y4m

echo "== decoding $sample -> $out" >&2
if "$hav1dec" -i "$sample" -o "$out"; then
  md5=$("$hav1dec" -q -i "$sample" --muxer md5 -o - | cut -d' ' -f1)
  echo "MD5 $md5"
  if [ -n "$expected" ]; then
    if [ "$md5" = "$expected" ]; then echo "MD5 matches the reference decoders ($expected)"
    else echo "MD5 MISMATCH: reference decoders give $expected"; exit 1; fi
  fi
else
  rc=$?
  echo "== hav1 cannot decode pixels of this stream yet (exit $rc); its description:" >&2
  "$hav1dec" --info -i "$sample"
fi
