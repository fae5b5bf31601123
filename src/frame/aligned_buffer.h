// A heap buffer whose start is aligned (for picture planes and scratch).
#ifndef HAV1_SRC_FRAME_ALIGNED_BUFFER_H_
#define HAV1_SRC_FRAME_ALIGNED_BUFFER_H_

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>

namespace hav1 {

class AlignedBuffer {
 public:
  AlignedBuffer() = default;
  // Allocates size bytes aligned to alignment (a power of two, at least
  // sizeof(void*)), zero-filled.  Throws std::bad_alloc.
  AlignedBuffer(size_t size, size_t alignment);

  uint8_t* data() const { return mem_.get(); }
  size_t size() const { return size_; }

 private:
  struct Free {
    void operator()(uint8_t* p) const { std::free(p); }
  };
  std::unique_ptr<uint8_t, Free> mem_;
  size_t size_ = 0;
};

}  // namespace hav1

#endif  // HAV1_SRC_FRAME_ALIGNED_BUFFER_H_
