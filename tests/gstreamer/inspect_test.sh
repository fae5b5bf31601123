#!/bin/sh
# gst-inspect-1.0 hav1dec with GST_PLUGIN_PATH at the build folder (set by
# meson) shows the element, its class, rank, pads and properties.
# Usage: inspect_test.sh GST_INSPECT
inspect=${1:-gst-inspect-1.0}
out=$("$inspect" hav1dec 2>&1)
status=$?
echo "$out"
if [ $status -ne 0 ]; then
  echo "FAILED: $inspect hav1dec exited with $status (GST_PLUGIN_PATH=$GST_PLUGIN_PATH)"
  exit 1
fi
fail=0
for want in 'Klass *Codec/Decoder/Video' 'Rank *primary' 'Filename .*gsthav1' \
    'GstVideoDecoder' 'stream-format: obu-stream' 'alignment: { (string)tu, (string)frame }' \
    'n-threads *:' 'max-frame-delay *:' 'apply-grain *:' 'operating-point *:' \
    'output-all-layers *:' 'inloop-filters *:' 'I420_10LE' 'Y444_12LE' 'GRAY8' 'GBR'; do
  if ! printf '%s\n' "$out" | grep -q -- "$want"; then
    echo "FAILED: '$want' not in the gst-inspect-1.0 output"
    fail=1
  fi
done
[ $fail -eq 0 ] && echo "OK: gst-inspect-1.0 hav1dec"
exit $fail
