// hav1: header-only C++20 RAII layer over the C API (hav1.h).
//
// hav1::Decoder, hav1::Picture and hav1::Data own their C counterparts and
// are move-only; nothing here throws.  Failures come back as HAV1_ERR_* codes,
// std::optional or hav1::Result<T> (a value or an error code).
//
//   auto dec = hav1::Decoder::Open(hav1::DefaultSettings());
//   if (!dec) return dec.error();
//   hav1::Data data = hav1::Data::Copy(bytes, size).value();
//   while (!data.empty()) {
//     int rc = dec->SendData(data);
//     ... take pictures with dec->GetPicture() while they come ...
//   }
#ifndef HAV1_HAV1_HPP_
#define HAV1_HAV1_HPP_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <span>
#include <utility>

#include "hav1/hav1.h"

namespace hav1 {

// A value, or the error code that prevented it.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit on purpose
  static Result Error(int code) { return Result(code, 0); }

  bool ok() const { return value_.has_value(); }
  explicit operator bool() const { return ok(); }
  int error() const { return code_; }  // HAV1_OK when ok()
  // Precondition: ok().
  T& value() & { return *value_; }
  T&& value() && { return std::move(*value_); }
  T& operator*() & { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }

 private:
  Result(int code, int) : code_(code) {}
  int code_ = HAV1_OK;
  std::optional<T> value_;
};

// Settings with every default filled in (hav1_default_settings).
inline Hav1Settings DefaultSettings() {
  Hav1Settings s;
  hav1_default_settings(&s);
  return s;
}

// A reference-counted packet of AV1 data (Hav1Data).
class Data {
 public:
  Data() { std::memset(&d_, 0, sizeof(d_)); hav1_data_props_init(&d_.m); }
  ~Data() { hav1_data_unref(&d_); }
  Data(Data&& o) noexcept : Data() { std::swap(d_, o.d_); }
  Data& operator=(Data&& o) noexcept {
    std::swap(d_, o.d_);
    return *this;
  }
  Data(const Data&) = delete;
  Data& operator=(const Data&) = delete;

  // A library-owned packet of size bytes to fill through bytes().
  static std::optional<Data> Create(size_t size) {
    Data d;
    if (hav1_data_create(&d.d_, size) == nullptr) return std::nullopt;
    return d;
  }
  // A library-owned copy of bytes.
  static std::optional<Data> Copy(const uint8_t* bytes, size_t size) {
    std::optional<Data> d = Create(size);
    if (d) std::memcpy(const_cast<uint8_t*>(d->d_.data), bytes, size);
    return d;
  }
  // Wraps caller-owned bytes; free_callback(buf, cookie) runs once the
  // library is done with them.
  static Result<Data> Wrap(const uint8_t* buf, size_t size, Hav1FreeCallback free_callback,
                           void* cookie) {
    Data d;
    const int rc = hav1_data_wrap(&d.d_, buf, size, free_callback, cookie);
    if (rc < 0) return Result<Data>::Error(rc);
    return d;
  }
  // Attaches user data that comes back on the pictures of this packet.
  int WrapUserData(const uint8_t* user_data, Hav1FreeCallback free_callback, void* cookie) {
    return hav1_data_wrap_user_data(&d_, user_data, free_callback, cookie);
  }

  bool empty() const { return d_.sz == 0; }
  size_t size() const { return d_.sz; }  // bytes not yet consumed
  const uint8_t* data() const { return d_.data; }
  // Writable bytes of a Create()d packet (before it is sent).
  uint8_t* bytes() { return const_cast<uint8_t*>(d_.data); }
  Hav1DataProps& props() { return d_.m; }
  const Hav1DataProps& props() const { return d_.m; }
  Hav1Data* get() { return &d_; }

 private:
  Hav1Data d_;
};

// A decoded picture (Hav1Picture); copies share the pixels through Ref().
class Picture {
 public:
  Picture() { std::memset(&p_, 0, sizeof(p_)); }
  ~Picture() { hav1_picture_unref(&p_); }
  Picture(Picture&& o) noexcept : Picture() { std::swap(p_, o.p_); }
  Picture& operator=(Picture&& o) noexcept {
    std::swap(p_, o.p_);
    return *this;
  }
  Picture(const Picture&) = delete;
  Picture& operator=(const Picture&) = delete;

  // Another reference to the same picture.
  Result<Picture> Ref() const {
    Picture copy;
    const int rc = hav1_picture_ref(&copy.p_, &p_);
    if (rc < 0) return Result<Picture>::Error(rc);
    return copy;
  }

  bool empty() const { return p_.ref == nullptr; }
  int width() const { return p_.p.w; }
  int height() const { return p_.p.h; }
  int bitdepth() const { return p_.p.bpc; }
  Hav1PixelLayout layout() const { return p_.p.layout; }
  // Plane 0 (Y), 1 (U), 2 (V); NULL for chroma of I400.
  void* plane(int i) const { return (i >= 0 && i < 3) ? p_.data[i] : nullptr; }
  ptrdiff_t stride(int i) const { return p_.stride[i > 0 ? 1 : 0]; }
  const Hav1SequenceInfo* seq() const { return p_.seq; }
  const Hav1FrameInfo* frame() const { return p_.frame; }
  const Hav1DataProps& props() const { return p_.m; }
  std::span<const Hav1ITUTT35> itut_t35() const {
    return p_.itut_t35 ? std::span<const Hav1ITUTT35>(p_.itut_t35, p_.n_itut_t35)
                       : std::span<const Hav1ITUTT35>();
  }
  const Hav1Picture* get() const { return &p_; }
  Hav1Picture* get() { return &p_; }

 private:
  Hav1Picture p_;
};

// A decoder instance (Hav1Context).
class Decoder {
 public:
  Decoder(Decoder&& o) noexcept : c_(std::exchange(o.c_, nullptr)) {}
  Decoder& operator=(Decoder&& o) noexcept {
    std::swap(c_, o.c_);
    return *this;
  }
  Decoder(const Decoder&) = delete;
  Decoder& operator=(const Decoder&) = delete;
  ~Decoder() { hav1_close(&c_); }

  static Result<Decoder> Open(const Hav1Settings& settings) { return Open(&settings); }
  static Result<Decoder> Open(const Hav1Settings* settings = nullptr) {
    Hav1Context* c = nullptr;
    const int rc = hav1_open(&c, settings);
    if (rc < 0) return Result<Decoder>::Error(rc);
    return Decoder(c);
  }

  // hav1_send_data: HAV1_OK (data is then empty), HAV1_ERR_AGAIN (take
  // pictures, then send the rest of data again) or an error.
  int SendData(Data& data) { return hav1_send_data(c_, data.get()); }
  // A picture, or HAV1_ERR_AGAIN / HAV1_ERR_EOF / an error.
  Result<Picture> GetPicture() {
    Picture pic;
    const int rc = hav1_get_picture(c_, pic.get());
    if (rc < 0) return Result<Picture>::Error(rc);
    return pic;
  }
  int Drain() { return hav1_drain(c_); }
  void Flush() { hav1_flush(c_); }
  // Events since the last call (and clears them).
  unsigned TakeEventFlags() {
    Hav1EventFlags flags{};
    return hav1_get_event_flags(c_, &flags) == HAV1_OK ? static_cast<unsigned>(flags) : 0u;
  }
  const char* simd_target() const { return hav1_get_simd_target(c_); }
  Hav1Context* get() const { return c_; }

 private:
  explicit Decoder(Hav1Context* c) : c_(c) {}
  Hav1Context* c_ = nullptr;
};

}  // namespace hav1

#endif  // HAV1_HAV1_HPP_
