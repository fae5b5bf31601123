#!/bin/sh
# The shared library exports only the hav1_* functions of hav1.h.
# Usage: check_exports.sh <libhav1.so> <hav1.h>
set -eu
lib="$1"
syms=$(nm -D --defined-only "$lib" | awk '{print $NF}')
bad=$(printf '%s\n' "$syms" | grep -v '^hav1_' || true)
n=$(printf '%s\n' "$syms" | grep -c '^hav1_' || true)
echo "$n hav1_* symbols exported"
if [ -n "$bad" ]; then
  echo "symbols exported that are not hav1_*:"
  printf '%s\n' "$bad" | head -50
  echo "($(printf '%s\n' "$bad" | wc -l) in total)"
  exit 1
fi
# Every function of the header is there.
for f in $(grep -o 'hav1_[a-z_0-9]*(' "$2" | tr -d '(' | sort -u); do
  printf '%s\n' "$syms" | grep -qx "$f" || { echo "missing export: $f"; exit 1; }
done
echo OK
