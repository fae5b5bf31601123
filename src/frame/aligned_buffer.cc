#include "src/frame/aligned_buffer.h"

#include <cstring>
#include <new>

namespace hav1 {

AlignedBuffer::AlignedBuffer(size_t size, size_t alignment) {
  if (size == 0) size = 1;
  if (size > SIZE_MAX - alignment) throw std::bad_alloc();
  const size_t rounded = (size + alignment - 1) & ~(alignment - 1);
  mem_.reset(static_cast<uint8_t*>(std::aligned_alloc(alignment, rounded)));
  if (!mem_) throw std::bad_alloc();
  std::memset(mem_.get(), 0, rounded);
  size_ = size;
}

}  // namespace hav1
