#include "src/frame/picture_buffer.h"

#include <cstdint>
#include <cstring>
#include <mutex>
#include <new>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "src/frame/aligned_buffer.h"

namespace hav1 {
namespace {

constexpr size_t kAlign = HAV1_PICTURE_ALIGNMENT;
constexpr size_t kMaxFreeBuffers = 32;

size_t AlignUp(size_t x) { return (x + kAlign - 1) & ~(kAlign - 1); }

// Byte geometry of the planes of a picture.
struct PlaneLayout {
  size_t stride[2] = {0, 0};
  size_t height[2] = {0, 0};
  size_t row_bytes[2] = {0, 0};
  bool has_chroma = false;
  // Offsets of Y, U, V in one allocation; each plane is followed by at least
  // kAlign bytes of padding.
  size_t offset[3] = {0, 0, 0};
  size_t total = 0;
};

PlaneLayout ComputePlaneLayout(const Hav1PictureParameters& p) {
  PlaneLayout l;
  const size_t bytes = p.bpc > 8 ? 2 : 1;
  const int ss_x = p.layout == HAV1_PIXEL_LAYOUT_I420 || p.layout == HAV1_PIXEL_LAYOUT_I422;
  const int ss_y = p.layout == HAV1_PIXEL_LAYOUT_I420;
  l.row_bytes[0] = static_cast<size_t>(p.w) * bytes;
  l.height[0] = static_cast<size_t>(p.h);
  l.stride[0] = AlignUp(l.row_bytes[0]);
  l.has_chroma = p.layout != HAV1_PIXEL_LAYOUT_I400;
  if (l.has_chroma) {
    l.row_bytes[1] = static_cast<size_t>((p.w + ss_x) >> ss_x) * bytes;
    l.height[1] = static_cast<size_t>((p.h + ss_y) >> ss_y);
    l.stride[1] = AlignUp(l.row_bytes[1]);
  }
  size_t off = 0;
  for (int plane = 0; plane < (l.has_chroma ? 3 : 1); ++plane) {
    const int k = plane > 0;
    l.offset[plane] = off;
    off += AlignUp(l.stride[k] * l.height[k] + kAlign);
  }
  l.total = off;
  return l;
}

bool SameParameters(const Hav1PictureParameters& a, const Hav1PictureParameters& b) {
  return a.w == b.w && a.h == b.h && a.layout == b.layout && a.bpc == b.bpc;
}

// ---- the pooled default allocator ------------------------------------------

struct PoolState {
  std::mutex mutex;
  Hav1PictureParameters params{};  // what the free buffers were made for
  std::vector<AlignedBuffer> free;
};

class PooledPictureBuffer final : public PictureBuffer {
 public:
  PooledPictureBuffer(AlignedBuffer mem, std::weak_ptr<PoolState> pool)
      : mem_(std::move(mem)), pool_(std::move(pool)) {}
  ~PooledPictureBuffer() override {
    std::shared_ptr<PoolState> pool = pool_.lock();
    if (!pool) return;
    std::lock_guard<std::mutex> lock(pool->mutex);
    if (SameParameters(pool->params, p) && pool->free.size() < kMaxFreeBuffers) {
      try {
        pool->free.push_back(std::move(mem_));
      } catch (const std::bad_alloc&) {
        // Not kept for reuse: mem_ frees it.
      }
    }
  }
  uint8_t* base() const { return mem_.data(); }

 private:
  AlignedBuffer mem_;
  std::weak_ptr<PoolState> pool_;
};

class PooledPictureAllocator final : public PictureAllocator {
 public:
  PooledPictureAllocator() : state_(std::make_shared<PoolState>()) {}

  Status Allocate(const Hav1PictureParameters& p,
                  std::shared_ptr<PictureBuffer>* out) override {
    HAV1_RETURN_IF_ERROR(CheckPictureParameters(p));
    const PlaneLayout l = ComputePlaneLayout(p);
    AlignedBuffer mem;
    {
      std::lock_guard<std::mutex> lock(state_->mutex);
      if (!SameParameters(state_->params, p)) {
        state_->free.clear();  // a new size: the old buffers are of no use
        state_->params = p;
      } else if (!state_->free.empty()) {
        mem = std::move(state_->free.back());
        state_->free.pop_back();
      }
    }
    if (mem.data() == nullptr) mem = AlignedBuffer(l.total, kAlign);
    auto buf = std::make_shared<PooledPictureBuffer>(std::move(mem), state_);
    buf->p = p;
    for (int plane = 0; plane < (l.has_chroma ? 3 : 1); ++plane) {
      buf->data[plane] = buf->base() + l.offset[plane];
    }
    buf->stride[0] = static_cast<ptrdiff_t>(l.stride[0]);
    buf->stride[1] = static_cast<ptrdiff_t>(l.stride[1]);
    *out = std::move(buf);
    return Status::Ok();
  }

 private:
  std::shared_ptr<PoolState> state_;
};

// ---- the caller's allocator ---------------------------------------------------

class UserPictureBuffer final : public PictureBuffer {
 public:
  explicit UserPictureBuffer(const Hav1PicAllocator& cb) : cb_(cb) {}
  ~UserPictureBuffer() override {
    if (!allocated_) return;
    Hav1Picture pic{};
    pic.p = p;
    for (int i = 0; i < 3; ++i) pic.data[i] = data[i];
    pic.stride[0] = stride[0];
    pic.stride[1] = stride[1];
    pic.allocator_data = allocator_data;
    cb_.release_picture_callback(&pic, cb_.cookie);
  }
  void set_allocated() { allocated_ = true; }

 private:
  Hav1PicAllocator cb_;
  bool allocated_ = false;
};

bool Aligned(const void* ptr) {
  return (reinterpret_cast<uintptr_t>(ptr) & (kAlign - 1)) == 0;
}

class UserPictureAllocator final : public PictureAllocator {
 public:
  explicit UserPictureAllocator(const Hav1PicAllocator& cb) : cb_(cb) {}

  Status Allocate(const Hav1PictureParameters& p,
                  std::shared_ptr<PictureBuffer>* out) override {
    HAV1_RETURN_IF_ERROR(CheckPictureParameters(p));
    auto buf = std::make_shared<UserPictureBuffer>(cb_);
    Hav1Picture pic{};
    pic.p = p;
    const int rc = cb_.alloc_picture_callback(&pic, cb_.cookie);
    if (rc < 0) {
      return Status(HAV1_ERR_CALLBACK,
                    "alloc_picture_callback failed with " + std::to_string(rc));
    }
    buf->p = p;
    for (int i = 0; i < 3; ++i) buf->data[i] = pic.data[i];
    buf->stride[0] = pic.stride[0];
    buf->stride[1] = pic.stride[1];
    buf->allocator_data = pic.allocator_data;
    buf->set_allocated();  // from here on, release_picture_callback runs
    const PlaneLayout l = ComputePlaneLayout(p);
    const int planes = l.has_chroma ? 3 : 1;
    for (int plane = 0; plane < planes; ++plane) {
      const int k = plane > 0;
      if (pic.data[plane] == nullptr || !Aligned(pic.data[plane]) ||
          pic.stride[k] < static_cast<ptrdiff_t>(l.row_bytes[k]) ||
          (pic.stride[k] & static_cast<ptrdiff_t>(kAlign - 1)) != 0) {
        return Status(HAV1_ERR_CALLBACK,
                      "alloc_picture_callback returned plane " + std::to_string(plane) +
                          " with a NULL or unaligned pointer or a stride that is "
                          "too small or not a multiple of HAV1_PICTURE_ALIGNMENT");
      }
    }
    *out = std::move(buf);
    return Status::Ok();
  }

 private:
  Hav1PicAllocator cb_;
};

}  // namespace

Status CheckPictureParameters(const Hav1PictureParameters& p) {
  if (p.w < 1 || p.h < 1 || p.w > 65536 || p.h > 65536) {
    return InvalidArgument("picture size " + std::to_string(p.w) + "x" +
                           std::to_string(p.h) + " out of range");
  }
  // The layout comes from C callers and may hold any int: read its bytes
  // rather than the enum (loading an out-of-range enum is undefined in C++).
  std::underlying_type_t<Hav1PixelLayout> layout;
  std::memcpy(&layout, &p.layout, sizeof(layout));
  if (layout < HAV1_PIXEL_LAYOUT_I400 || layout > HAV1_PIXEL_LAYOUT_I444) {
    return InvalidArgument("unknown pixel layout");
  }
  if (p.bpc != 8 && p.bpc != 10 && p.bpc != 12) {
    return InvalidArgument("bits per component must be 8, 10 or 12");
  }
  return Status::Ok();
}

std::unique_ptr<PictureAllocator> MakePooledPictureAllocator() {
  return std::make_unique<PooledPictureAllocator>();
}

std::unique_ptr<PictureAllocator> MakeUserPictureAllocator(
    const Hav1PicAllocator& callbacks) {
  return std::make_unique<UserPictureAllocator>(callbacks);
}

}  // namespace hav1
