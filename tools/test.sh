#!/usr/bin/env bash
# Installs what is missing, builds and runs every test suite, and ends with
# one summary line "tests: N passed, M failed, K skipped".
#
#   1. debug build with ASan+UBSan (clang): unit, api, fuzz, tile and
#      conformance suites (bit-exact streams decoded under the sanitizers)
#      (the fuzz suite replays the shared oss-fuzz inputs)
#   2. release build (gcc): simd (millions of kernel cases per target: too
#      slow unoptimised), cli, header oracle, conformance and GStreamer suites
#
# Streams are read from ../shared (next to the checkout); suites that need it
# skip with a message when it is missing.
# Environment: HAV1_TEST_JOBS (parallel tests, default: cores),
#              HAV1_SKIP_ASAN=1 / HAV1_SKIP_RELEASE=1 to run one stage only.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

tools/install_deps.sh || { echo "test.sh: installing dependencies failed" >&2; exit 1; }

jobs=${HAV1_TEST_JOBS:-$(nproc)}
total_ok=0 total_fail=0 total_skip=0
failed_suites=()

# setup DIR [meson args...]: configure once, reconfigure when it exists.
setup() {
  local dir=$1; shift
  if [ -f "$dir/build.ninja" ]; then
    meson setup --reconfigure "$dir" "$@" >/dev/null
  else
    meson setup "$dir" "$@" >/dev/null
  fi || { echo "test.sh: meson setup $dir failed" >&2; return 1; }
}

# build DIR: compile everything in DIR.
build() {
  echo "== building $1" >&2
  ninja -C "$1" -j "$(nproc)" >"$1/test-build.log" 2>&1 || {
    tail -n 60 "$1/test-build.log" >&2
    echo "test.sh: build in $1 failed" >&2
    return 1
  }
}

# run_suite DIR SUITE: run one meson suite and add its counts to the totals.
run_suite() {
  local dir=$1 suite=$2 log
  if ! meson test -C "$dir" --list --suite "$suite" --no-rebuild >/dev/null 2>&1; then
    echo "== suite $suite: no tests defined" >&2
    return 0
  fi
  echo "== suite $suite ($dir)" >&2
  log=$(mktemp)
  meson test -C "$dir" --suite "$suite" --num-processes "$jobs" --print-errorlogs \
    --no-rebuild 2>&1 | tee "$log" | grep -vE '^ *[0-9]+/[0-9]+ .* OK ' >&2
  local ok fail skip timeout
  ok=$(awk '/^Ok:/{print $2}' "$log"); fail=$(awk '/^Fail:/{print $2}' "$log")
  skip=$(awk '/^Skipped:/{print $2}' "$log"); timeout=$(awk '/^Timeout:/{print $2}' "$log")
  local xpass; xpass=$(awk '/^Unexpected Pass:/{print $3}' "$log")
  rm -f "$log"
  if [ -z "$ok" ]; then
    echo "test.sh: suite $suite did not run" >&2
    failed_suites+=("$suite"); total_fail=$((total_fail + 1)); return
  fi
  total_ok=$((total_ok + ok))
  total_fail=$((total_fail + ${fail:-0} + ${timeout:-0} + ${xpass:-0}))
  total_skip=$((total_skip + ${skip:-0}))
  if [ $(( ${fail:-0} + ${timeout:-0} + ${xpass:-0} )) -ne 0 ]; then failed_suites+=("$suite"); fi
}

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}

if [ "${HAV1_SKIP_ASAN:-0}" != 1 ]; then
  asan=build/asan
  if CC=clang CXX=clang++ setup "$asan" -Dbuildtype=debug \
      -Db_sanitize=address,undefined -Db_lundef=false \
      -Dgstreamer=disabled -Dbench=disabled && build "$asan"; then
    for s in unit api fuzz tile conformance; do run_suite "$asan" "$s"; done
  else
    failed_suites+=("asan-build"); total_fail=$((total_fail + 1))
  fi
fi

if [ "${HAV1_SKIP_RELEASE:-0}" != 1 ]; then
  rel=build/release
  if CC=gcc CXX=g++ setup "$rel" -Dbuildtype=release && build "$rel"; then
    for s in simd cli headers conformance gstreamer; do run_suite "$rel" "$s"; done
  else
    failed_suites+=("release-build"); total_fail=$((total_fail + 1))
  fi
fi

[ ${#failed_suites[@]} -eq 0 ] || echo "test.sh: failing: ${failed_suites[*]}" >&2
echo "tests: $total_ok passed, $total_fail failed, $total_skip skipped"
[ "$total_fail" -eq 0 ]
