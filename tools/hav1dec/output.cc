// hav1dec output muxers.
#include "tools/hav1dec/output.h"

#include <bit>
#include <cerrno>
#include <cstring>
#include <vector>

#include "tools/hav1dec/md5.h"

namespace hav1::cli {
namespace {

bool EndsWith(const std::string& s, const char* suffix) {
  const size_t n = std::strlen(suffix);
  return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

// An output file, or stdout for "-".  Closes what it opened.
class OutFile {
 public:
  bool Open(const std::string& path, std::string* error) {
    if (path == "-") {
      f_ = stdout;
      return true;
    }
    f_ = std::fopen(path.c_str(), "wb");
    if (f_ == nullptr) {
      *error = "-o: cannot open '" + path + "' for writing: " + std::strerror(errno);
      return false;
    }
    owned_ = true;
    path_ = path;
    return true;
  }
  ~OutFile() {
    if (owned_) std::fclose(f_);
  }
  bool Write(std::span<const uint8_t> bytes, std::string* error) {
    if (bytes.empty()) return true;
    if (std::fwrite(bytes.data(), 1, bytes.size(), f_) != bytes.size()) {
      *error = "write error on " + Name() + ": " + std::strerror(errno);
      return false;
    }
    return true;
  }
  bool Write(const std::string& s, std::string* error) {
    return Write(std::span<const uint8_t>(
                     reinterpret_cast<const uint8_t*>(s.data()), s.size()),
                 error);
  }
  bool Close(std::string* error) {
    const bool flushed = std::fflush(f_) == 0;
    bool closed = true;
    if (owned_) {
      closed = std::fclose(f_) == 0;
      owned_ = false;
      f_ = stdout;
    }
    if (!flushed || !closed) {
      *error = "write error on " + Name() + ": " + std::strerror(errno);
      return false;
    }
    return true;
  }

 private:
  std::string Name() const { return owned_ || !path_.empty() ? "'" + path_ + "'" : "stdout"; }
  std::FILE* f_ = nullptr;
  bool owned_ = false;
  std::string path_;
};

class YuvMuxer : public Muxer {
 public:
  bool Open(const std::string& path, std::string* error) {
    return out_.Open(path, error);
  }
  bool Write(const Hav1Picture& pic, std::string* error) override {
    bool ok = true;
    ForEachRawRow(pic, [&](std::span<const uint8_t> row) {
      if (ok) ok = out_.Write(row, error);
    });
    return ok;
  }
  bool Finish(std::string* error) override { return out_.Close(error); }

 protected:
  OutFile out_;
};

// YUV4MPEG2: a stream header from the first picture, then "FRAME" + planes.
class Y4mMuxer : public YuvMuxer {
 public:
  explicit Y4mMuxer(const FrameRate& rate) : rate_(rate) {}
  bool Write(const Hav1Picture& pic, std::string* error) override {
    if (!header_written_) {
      if (!out_.Write(Header(pic), error)) return false;
      header_written_ = true;
      first_ = pic.p;
    } else if (!warned_ && (pic.p.w != first_.w || pic.p.h != first_.h ||
                            pic.p.layout != first_.layout || pic.p.bpc != first_.bpc)) {
      std::fprintf(stderr,
                   "hav1dec: warning: the picture format changes mid-stream "
                   "(%dx%d -> %dx%d); y4m cannot say so, the file will not "
                   "play correctly\n",
                   first_.w, first_.h, pic.p.w, pic.p.h);
      warned_ = true;
    }
    if (!out_.Write(std::string("FRAME\n"), error)) return false;
    return YuvMuxer::Write(pic, error);
  }

 private:
  // Colourspace tag: chroma siting for 8-bit 4:2:0 from
  // chroma_sample_position (unknown -> jpeg/centred, vertical -> mpeg2,
  // colocated -> paldv/co-sited), pNN suffix for deeper samples.
  static std::string Colorspace(const Hav1Picture& pic) {
    const int csp = pic.seq != nullptr ? pic.seq->color.chroma_sample_position : 0;
    std::string depth = pic.p.bpc > 8 ? "p" + std::to_string(pic.p.bpc) : "";
    switch (pic.p.layout) {
      case HAV1_PIXEL_LAYOUT_I400:
        return pic.p.bpc > 8 ? "mono" + std::to_string(pic.p.bpc) : "mono";
      case HAV1_PIXEL_LAYOUT_I420:
        if (pic.p.bpc > 8) return "420" + depth;
        return csp == 1 ? "420mpeg2" : csp == 2 ? "420paldv" : "420jpeg";
      case HAV1_PIXEL_LAYOUT_I422:
        return "422" + depth;
      case HAV1_PIXEL_LAYOUT_I444:
        return "444" + depth;
    }
    return "420jpeg";
  }
  std::string Header(const Hav1Picture& pic) const {
    FrameRate rate = rate_;
    if (rate.num == 0 || rate.den == 0) {
      rate = {25, 1};
      if (pic.seq != nullptr && pic.seq->timing_info_present &&
          pic.seq->time_scale != 0 && pic.seq->num_units_in_display_tick != 0)
        rate = {pic.seq->time_scale, pic.seq->num_units_in_display_tick};
    }
    std::string h = "YUV4MPEG2 W" + std::to_string(pic.p.w) + " H" +
                    std::to_string(pic.p.h) + " F" + std::to_string(rate.num) +
                    ":" + std::to_string(rate.den) + " Ip A0:0 C" +
                    Colorspace(pic);
    if (pic.seq != nullptr && pic.seq->color.color_range == 1) h += " XCOLORRANGE=FULL";
    return h + "\n";
  }

  FrameRate rate_;
  bool header_written_ = false;
  bool warned_ = false;
  Hav1PictureParameters first_{};
};

class Md5Muxer : public Muxer {
 public:
  // path "" = keep the digest only (--verify).
  bool Open(const std::string& path, std::string* error) {
    path_ = path;
    return path.empty() || out_.Open(path, error);
  }
  bool Write(const Hav1Picture& pic, std::string*) override {
    ForEachRawRow(pic, [&](std::span<const uint8_t> row) { md5_.Update(row); });
    return true;
  }
  bool Finish(std::string* error) override {
    digest_ = md5_.FinalHex();
    if (path_.empty()) return true;
    return out_.Write(digest_ + "\n", error) && out_.Close(error);
  }
  std::string Digest() const override { return digest_; }

 private:
  OutFile out_;
  std::string path_;
  Md5 md5_;
  std::string digest_;
};

class FrameMd5Muxer : public Muxer {
 public:
  bool Open(const std::string& path, std::string* error) {
    return out_.Open(path, error);
  }
  bool Write(const Hav1Picture& pic, std::string* error) override {
    Md5 md5;
    ForEachRawRow(pic, [&](std::span<const uint8_t> row) { md5.Update(row); });
    return out_.Write(std::to_string(index_++) + " " + md5.FinalHex() + "\n", error);
  }
  bool Finish(std::string* error) override { return out_.Close(error); }

 private:
  OutFile out_;
  uint64_t index_ = 0;
};

class NullMuxer : public Muxer {
 public:
  bool Write(const Hav1Picture&, std::string*) override { return true; }
  bool Finish(std::string*) override { return true; }
};

}  // namespace

void ForEachRawRow(const Hav1Picture& pic,
                   const std::function<void(std::span<const uint8_t>)>& row) {
  const int planes = pic.p.layout == HAV1_PIXEL_LAYOUT_I400 ? 1 : 3;
  const int ss_x = pic.p.layout == HAV1_PIXEL_LAYOUT_I420 ||
                   pic.p.layout == HAV1_PIXEL_LAYOUT_I422;
  const int ss_y = pic.p.layout == HAV1_PIXEL_LAYOUT_I420;
  const size_t bytes_per_sample = pic.p.bpc > 8 ? 2 : 1;
  std::vector<uint8_t> swapped;  // big-endian hosts only
  for (int p = 0; p < planes; ++p) {
    const int w = p == 0 ? pic.p.w : (pic.p.w + ss_x) >> ss_x;
    const int h = p == 0 ? pic.p.h : (pic.p.h + ss_y) >> ss_y;
    const auto* base = static_cast<const uint8_t*>(pic.data[p]);
    if (base == nullptr || w <= 0 || h <= 0) continue;
    const ptrdiff_t stride = pic.stride[p == 0 ? 0 : 1];
    const size_t row_bytes = static_cast<size_t>(w) * bytes_per_sample;
    for (int y = 0; y < h; ++y) {
      const uint8_t* r = base + stride * y;
      if constexpr (std::endian::native == std::endian::big) {
        if (bytes_per_sample == 2) {
          swapped.resize(row_bytes);
          for (size_t i = 0; i < row_bytes; i += 2) {
            swapped[i] = r[i + 1];
            swapped[i + 1] = r[i];
          }
          r = swapped.data();
        }
      }
      row(std::span<const uint8_t>(r, row_bytes));
    }
  }
}

MuxerType ChooseMuxer(const Options& o, std::string* error) {
  if (o.muxer != MuxerType::kAuto) return o.muxer;
  const std::string& out = o.output;
  if (out.empty()) return MuxerType::kNull;
  if (out == "-") return MuxerType::kYuv;
  if (EndsWith(out, ".yuv")) return MuxerType::kYuv;
  if (EndsWith(out, ".y4m")) return MuxerType::kY4m;
  if (EndsWith(out, ".framemd5")) return MuxerType::kFrameMd5;
  if (EndsWith(out, ".md5")) return MuxerType::kMd5;
  if (out == "/dev/null") return MuxerType::kNull;
  *error = "-o: cannot tell the muxer from the name '" + out +
           "' (use .yuv, .y4m, .md5, .framemd5 or --muxer)";
  return MuxerType::kAuto;
}

std::unique_ptr<Muxer> OpenMuxer(MuxerType type, const std::string& path,
                                 const FrameRate& rate, std::string* error) {
  // Raw muxers need somewhere to write: stdout when no file was named.
  const std::string target = path.empty() ? "-" : path;
  switch (type) {
    case MuxerType::kYuv: {
      auto m = std::make_unique<YuvMuxer>();
      if (!m->Open(target, error)) return nullptr;
      return m;
    }
    case MuxerType::kY4m: {
      auto m = std::make_unique<Y4mMuxer>(rate);
      if (!m->Open(target, error)) return nullptr;
      return m;
    }
    case MuxerType::kMd5: {
      auto m = std::make_unique<Md5Muxer>();
      if (!m->Open(path, error)) return nullptr;
      return m;
    }
    case MuxerType::kFrameMd5: {
      auto m = std::make_unique<FrameMd5Muxer>();
      if (!m->Open(target, error)) return nullptr;
      return m;
    }
    case MuxerType::kNull:
    case MuxerType::kAuto:
      break;
  }
  return std::make_unique<NullMuxer>();
}

}  // namespace hav1::cli
