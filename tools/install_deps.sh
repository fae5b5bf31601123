#!/usr/bin/env bash
# Installs the Debian 12 packages hav1 needs to build, test and benchmark,
# when they are missing.  Used by tools/quickstart.sh and tools/test.sh.
# Usage: tools/install_deps.sh [--runtime-only]
set -euo pipefail

build_pkgs=(g++ clang libclang-rt-14-dev meson ninja-build pkg-config python3
  libhwy-dev libwebm-dev libgtest-dev libbenchmark-dev
  libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev)
# Reference decoders and encoders: test oracles and benchmark peers only,
# run as separate programs; GStreamer tools and plugins for the element tests.
test_pkgs=(dav1d aom-tools libgav1-bin ffmpeg svt-av1 time
  gstreamer1.0-tools gstreamer1.0-plugins-base gstreamer1.0-plugins-good
  gstreamer1.0-plugins-bad)

pkgs=("${build_pkgs[@]}")
[ "${1:-}" = "--runtime-only" ] || pkgs+=("${test_pkgs[@]}")

missing=()
for p in "${pkgs[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install_deps: installing ${missing[*]}" >&2
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then sudo=(sudo); else
    echo "install_deps: not root and no sudo; run as root: apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
