#!/bin/sh
# Installs the build into a temporary root, then builds and runs the README
# example (tests/api/example.c) against the installed tree with pkg-config.
# Usage: install_test.sh <build dir> <example.c> <stream.ivf>
set -eu
build="$1"; example="$2"; stream="$3"
if [ ! -f "$stream" ]; then
  echo "SKIP: $stream is missing (no ../shared/conformance)"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
meson install -C "$build" --no-rebuild --destdir "$tmp/root" --quiet
pc=$(find "$tmp/root" -name hav1.pc | head -1)
[ -n "$pc" ] || { echo "hav1.pc was not installed"; exit 1; }
export PKG_CONFIG_PATH="$(dirname "$pc")${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
# The installed .pc names the configured prefix: point it into the temp root.
prefix=$(pkg-config --variable=prefix hav1)
cflags=$(pkg-config --define-variable=prefix="$tmp/root$prefix" --cflags hav1)
libs=$(pkg-config --define-variable=prefix="$tmp/root$prefix" --libs hav1)
echo "pkg-config: $cflags $libs"
# A sanitized library needs a sanitized program (its runtime comes first).
san=""
[ -n "${SANITIZE:-}" ] && san="-fsanitize=$SANITIZE"
${CC:-cc} -std=c99 -Wall -Wextra -Werror -pedantic $san -c "$example" $cflags -o "$tmp/example.o"
if [ -n "$san" ]; then
  # The sanitizers' C++ runtime parts (the library is C++) come with the C++ driver.
  ${CXX:-c++} $san "$tmp/example.o" $libs -o "$tmp/example"
else
  ${CC:-cc} "$tmp/example.o" $libs -o "$tmp/example"
fi
libdir=$(dirname "$(find "$tmp/root" -name 'libhav1.so*' | head -1)")
LD_LIBRARY_PATH="$libdir" "$tmp/example" "$stream" | tee "$tmp/out.txt"
grep -q "temporal units" "$tmp/out.txt"
grep -q -- "-bit" "$tmp/out.txt"
# It must really have used the installed library.
LD_LIBRARY_PATH="$libdir" ldd "$tmp/example" | grep libhav1 | grep -q "$tmp/root"
echo OK
