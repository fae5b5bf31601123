// Output muxers of hav1dec: yuv (raw planes), y4m (YUV4MPEG2), md5 (MD5 of
// exactly what yuv writes), framemd5 (one "index md5" line per frame) and
// null.
#ifndef HAV1_TOOLS_HAV1DEC_OUTPUT_H_
#define HAV1_TOOLS_HAV1DEC_OUTPUT_H_

#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <span>
#include <string>

#include "hav1/hav1.h"
#include "tools/hav1dec/options.h"

namespace hav1::cli {

// Frames per second = num / den; 0/0 = unknown: the y4m muxer then takes
// the sequence header's timing info, else 25 fps.
struct FrameRate {
  uint32_t num = 0, den = 0;
};

class Muxer {
 public:
  virtual ~Muxer() = default;
  // Writes one picture; false (with *error set) on an output error.
  virtual bool Write(const Hav1Picture& pic, std::string* error) = 0;
  // Finishes the output (md5: writes the digest); false on an output error.
  virtual bool Finish(std::string* error) = 0;
  // md5 muxer: the digest of everything written, after Finish(); else "".
  virtual std::string Digest() const { return ""; }
};

// Calls row(bytes) for every visible row of pic in raw output order:
// planes Y, U, V (Y only for I400), at the picture's size (p.w x p.h, chroma
// rounded up), 8-bit samples as bytes, deeper samples as 16-bit
// little-endian.
void ForEachRawRow(const Hav1Picture& pic,
                   const std::function<void(std::span<const uint8_t>)>& row);

// Picks the muxer type from the options and the output file name; returns
// kAuto (with *error set) when it cannot tell.
MuxerType ChooseMuxer(const Options& o, std::string* error);

// Opens the output ("-" = stdout, "" = no file: only md5/null then).
std::unique_ptr<Muxer> OpenMuxer(MuxerType type, const std::string& path,
                                 const FrameRate& rate, std::string* error);

}  // namespace hav1::cli

#endif  // HAV1_TOOLS_HAV1DEC_OUTPUT_H_
