// Pixel storage of one decoded frame, from the library's pooled allocator or
// from the caller's Hav1PicAllocator, released when the last user (reference
// slot or output picture) lets go.
#ifndef HAV1_SRC_FRAME_PICTURE_BUFFER_H_
#define HAV1_SRC_FRAME_PICTURE_BUFFER_H_

#include <cstddef>
#include <memory>

#include "hav1/hav1.h"
#include "src/common/status.h"

namespace hav1 {

struct PictureBuffer {
  virtual ~PictureBuffer() = default;

  Hav1PictureParameters p{};
  void* data[3] = {nullptr, nullptr, nullptr};  // U, V NULL for I400
  ptrdiff_t stride[2] = {0, 0};                 // bytes; [1] for U and V
  void* allocator_data = nullptr;
};

// Checks p (size 1..65536 per side, a known layout, bpc 8/10/12).
Status CheckPictureParameters(const Hav1PictureParameters& p);

class PictureAllocator {
 public:
  virtual ~PictureAllocator() = default;
  // Gets a buffer for a picture described by p.  Thread-safe.
  virtual Status Allocate(const Hav1PictureParameters& p,
                          std::shared_ptr<PictureBuffer>* out) = 0;
};

// The library's allocator: planes and strides aligned to
// HAV1_PICTURE_ALIGNMENT, each plane followed by that much padding; freed
// buffers are kept for reuse while pictures keep the same size, layout and
// bit depth.  Buffers may outlive the allocator.
std::unique_ptr<PictureAllocator> MakePooledPictureAllocator();

// Adapter for the caller's callbacks (both must be non-NULL).  Checks what
// alloc_picture_callback returns (pointers, strides, alignment).
std::unique_ptr<PictureAllocator> MakeUserPictureAllocator(
    const Hav1PicAllocator& callbacks);

}  // namespace hav1

#endif  // HAV1_SRC_FRAME_PICTURE_BUFFER_H_
