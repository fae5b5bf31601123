#!/bin/sh
# Runs the libFuzzer binary for a bounded time on a seed corpus made at run
# time from a few small shared streams (they are not copied into the repo).
# usage: run_libfuzzer.sh HAV1_FUZZ SECONDS [WORKDIR]
# Crashes are written to WORKDIR/artifacts; the corpus grows in WORKDIR/corpus.
set -eu
fuzz=$1
seconds=${2:-300}
work=${3:-$(mktemp -d /tmp/hav1_fuzz.XXXXXX)}
here=$(cd "$(dirname "$0")" && pwd)
shared=$here/../../../shared/conformance
mkdir -p "$work/corpus" "$work/artifacts"
if [ -d "$shared" ]; then
  # Small streams of every container, a few feature streams and the
  # oss-fuzz regression inputs.
  for f in \
    dav1d-test-data/8-bit/features/annexb.obu \
    dav1d-test-data/8-bit/features/section5.obu \
    generated/aom_webm_natcomp.webm \
    generated/aom_mkv_natcomp.mkv \
    generated/aom_still_full_hdr_natpan.obu; do
    [ -f "$shared/$f" ] && cp "$shared/$f" "$work/corpus/"
  done
  find "$shared" -name '*.ivf' -size -24k | sort | awk 'NR % 8 == 0' | head -40 |
    while read -r f; do cp "$f" "$work/corpus/"; done
  find "$shared/fuzz" -name '*.ivf' | head -60 | while read -r f; do cp "$f" "$work/corpus/"; done
fi
echo "corpus: $(ls "$work/corpus" | wc -l) files in $work/corpus; running ${seconds}s"
ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1} \
  "$fuzz" -max_total_time="$seconds" -max_len=262144 -timeout=10 -rss_limit_mb=2560 \
  -artifact_prefix="$work/artifacts/" -print_final_stats=1 "$work/corpus"
