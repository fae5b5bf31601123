// Muxer tests: raw output layout (visible rows only, Y/U/V order, chroma
// sizes rounded up, 16-bit little-endian for deep samples, no stride
// padding), md5 == MD5 of the yuv bytes, framemd5 lines, y4m headers.
// Expected bytes are written out by hand from the raw format's definition
// (conformance/README: "What the MD5 is"), not taken from the muxers.
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "tools/hav1dec/md5.h"
#include "tools/hav1dec/output.h"

namespace {

using hav1::cli::FrameRate;
using hav1::cli::MuxerType;

int failures = 0;

void Check(bool ok, const std::string& what) {
  if (!ok) {
    std::fprintf(stderr, "FAIL: %s\n", what.c_str());
    ++failures;
  }
}

// A picture whose planes hold given visible samples inside strides padded
// with 0xEE garbage.
struct TestPicture {
  Hav1Picture pic{};
  Hav1SequenceInfo seq{};
  std::vector<uint8_t> planes[3];

  TestPicture(int w, int h, Hav1PixelLayout layout, int bpc,
              const std::vector<std::vector<int>>& samples) {
    pic.p = {w, h, layout, bpc};
    pic.seq = &seq;
    seq.bitdepth = bpc;
    seq.layout = layout;
    const int bps = bpc > 8 ? 2 : 1;
    const int ss_x = layout == HAV1_PIXEL_LAYOUT_I420 || layout == HAV1_PIXEL_LAYOUT_I422;
    const int ss_y = layout == HAV1_PIXEL_LAYOUT_I420;
    pic.stride[0] = 64;
    pic.stride[1] = 128;
    for (size_t p = 0; p < samples.size(); ++p) {
      const int pw = p ? (w + ss_x) >> ss_x : w;
      const int ph = p ? (h + ss_y) >> ss_y : h;
      const ptrdiff_t stride = pic.stride[p ? 1 : 0];
      planes[p].assign(static_cast<size_t>(stride) * (ph + 1), 0xEE);
      for (int y = 0; y < ph; ++y)
        for (int x = 0; x < pw; ++x) {
          const int v = samples[p][y * pw + x];
          uint8_t* d = planes[p].data() + y * stride + x * bps;
          if (bps == 1) {
            *d = static_cast<uint8_t>(v);
          } else {
            const uint16_t s = static_cast<uint16_t>(v);
            std::memcpy(d, &s, 2);  // native order, as the library stores it
          }
        }
      pic.data[p] = planes[p].data();
    }
  }
};

std::string ReadFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(f), {});
}

std::string Md5Of(const std::string& bytes) {
  hav1::cli::Md5 md5;
  md5.Update(std::span<const uint8_t>(
      reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()));
  return md5.FinalHex();
}

std::string Raw(std::initializer_list<int> bytes) {
  std::string s;
  for (int b : bytes) s += static_cast<char>(b);
  return s;
}

// Writes pics with a muxer type to path and returns the file's contents.
std::string Mux(MuxerType type, const std::string& path,
                const std::vector<const Hav1Picture*>& pics,
                FrameRate rate = {}) {
  std::string error;
  auto muxer = hav1::cli::OpenMuxer(type, path, rate, &error);
  Check(muxer != nullptr, "open " + path + ": " + error);
  if (!muxer) return "";
  for (const Hav1Picture* p : pics) Check(muxer->Write(*p, &error), "write: " + error);
  Check(muxer->Finish(&error), "finish: " + error);
  return ReadFile(path);
}

}  // namespace

int main(int argc, char** argv) {
  const std::string dir = argc > 1 ? argv[1] : ".";

  // 3x3 8-bit 4:2:0: Y 3x3, U and V 2x2 (rounded up).
  TestPicture a(3, 3, HAV1_PIXEL_LAYOUT_I420, 8,
                {{1, 2, 3, 4, 5, 6, 7, 8, 9}, {10, 11, 12, 13}, {20, 21, 22, 23}});
  const std::string a_raw = Raw({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 20, 21, 22, 23});
  // 2x1 10-bit 4:4:4: little-endian 16-bit samples.
  TestPicture b(2, 1, HAV1_PIXEL_LAYOUT_I444, 10,
                {{0x3FF, 0x001}, {0x200, 0x102}, {0x0FF, 0x300}});
  const std::string b_raw =
      Raw({0xFF, 0x03, 0x01, 0x00, 0x00, 0x02, 0x02, 0x01, 0xFF, 0x00, 0x00, 0x03});
  // 3x2 12-bit monochrome: Y only.
  TestPicture c(3, 2, HAV1_PIXEL_LAYOUT_I400, 12, {{0xFFF, 0, 1, 2, 0x800, 0x7FF}});
  const std::string c_raw = Raw({0xFF, 0x0F, 0, 0, 1, 0, 2, 0, 0x00, 0x08, 0xFF, 0x07});
  // 3x1 8-bit 4:2:2: chroma 2x1.
  TestPicture d(3, 1, HAV1_PIXEL_LAYOUT_I422, 8, {{7, 8, 9}, {1, 2}, {3, 4}});
  const std::string d_raw = Raw({7, 8, 9, 1, 2, 3, 4});

  const std::vector<const Hav1Picture*> all = {&a.pic, &b.pic, &c.pic, &d.pic};
  const std::string all_raw = a_raw + b_raw + c_raw + d_raw;

  Check(Mux(MuxerType::kYuv, dir + "/muxer_test.yuv", all) == all_raw, "yuv bytes");
  Check(Mux(MuxerType::kMd5, dir + "/muxer_test.md5", all) == Md5Of(all_raw) + "\n",
        "md5 file = MD5 of the raw bytes");
  Check(Mux(MuxerType::kFrameMd5, dir + "/muxer_test.framemd5", all) ==
            "0 " + Md5Of(a_raw) + "\n1 " + Md5Of(b_raw) + "\n2 " + Md5Of(c_raw) +
                "\n3 " + Md5Of(d_raw) + "\n",
        "framemd5 lines");

  // y4m: header from the first picture, colourspace tags, frame rate.
  a.seq.color.chroma_sample_position = 0;
  Check(Mux(MuxerType::kY4m, dir + "/muxer_test.y4m", {&a.pic}, {24000, 1001}) ==
            "YUV4MPEG2 W3 H3 F24000:1001 Ip A0:0 C420jpeg\nFRAME\n" + a_raw,
        "y4m 8-bit 4:2:0");
  a.seq.color.chroma_sample_position = 1;
  Check(Mux(MuxerType::kY4m, dir + "/muxer_test.y4m", {&a.pic, &a.pic}, {30, 1}) ==
            "YUV4MPEG2 W3 H3 F30:1 Ip A0:0 C420mpeg2\nFRAME\n" + a_raw + "FRAME\n" + a_raw,
        "y4m 4:2:0 vertical siting, two frames");
  b.seq.color.color_range = 1;
  Check(Mux(MuxerType::kY4m, dir + "/muxer_test.y4m", {&b.pic}, {25, 1}) ==
            "YUV4MPEG2 W2 H1 F25:1 Ip A0:0 C444p10 XCOLORRANGE=FULL\nFRAME\n" + b_raw,
        "y4m 10-bit 4:4:4 full range");
  c.seq.timing_info_present = 1;
  c.seq.time_scale = 60;
  c.seq.num_units_in_display_tick = 1;
  Check(Mux(MuxerType::kY4m, dir + "/muxer_test.y4m", {&c.pic}) ==
            "YUV4MPEG2 W3 H2 F60:1 Ip A0:0 Cmono12\nFRAME\n" + c_raw,
        "y4m 12-bit mono, rate from the sequence timing info");
  Check(Mux(MuxerType::kY4m, dir + "/muxer_test.y4m", {&d.pic}) ==
            "YUV4MPEG2 W3 H1 F25:1 Ip A0:0 C422\nFRAME\n" + d_raw,
        "y4m 4:2:2, default 25 fps");

  // Muxer choice from the output name.
  hav1::cli::Options o;
  std::string error;
  o.output = "x.y4m";
  Check(hav1::cli::ChooseMuxer(o, &error) == MuxerType::kY4m, ".y4m");
  o.output = "x.md5";
  Check(hav1::cli::ChooseMuxer(o, &error) == MuxerType::kMd5, ".md5");
  o.output = "x.framemd5";
  Check(hav1::cli::ChooseMuxer(o, &error) == MuxerType::kFrameMd5, ".framemd5");
  o.output = "x.yuv";
  Check(hav1::cli::ChooseMuxer(o, &error) == MuxerType::kYuv, ".yuv");
  o.output = "x.avi";
  Check(hav1::cli::ChooseMuxer(o, &error) == MuxerType::kAuto && !error.empty(), ".avi rejected");
  o.muxer = MuxerType::kMd5;
  Check(hav1::cli::ChooseMuxer(o, &error) == MuxerType::kMd5, "--muxer wins");

  if (failures == 0) std::printf("muxers: all checks pass\n");
  return failures == 0 ? 0 : 1;
}
