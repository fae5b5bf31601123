// Reference counting for the public API (Hav1Ref): data packets, user data
// and pictures are owned by a Hav1Ref with an atomic count; the owner's
// destructor runs (on whichever thread drops the last reference) when the
// count reaches zero.
#ifndef HAV1_SRC_FRAME_REF_H_
#define HAV1_SRC_FRAME_REF_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>

#include "hav1/hav1.h"

// The opaque public type.  Concrete owners derive from it.
struct Hav1Ref {
  Hav1Ref() = default;
  virtual ~Hav1Ref() = default;
  Hav1Ref(const Hav1Ref&) = delete;
  Hav1Ref& operator=(const Hav1Ref&) = delete;

  std::atomic<int> refcount{1};
};

namespace hav1 {

// Creates an owner holding one reference.  Throws std::bad_alloc.
template <typename T, typename... Args>
T* NewRef(Args&&... args) {
  return std::make_unique<T>(std::forward<Args>(args)...).release();
}

// Takes one more reference.  NULL-safe.
void RefAcquire(Hav1Ref* ref);
// Drops one reference (destroying the owner at zero) and sets *ref to NULL.
// NULL-safe for ref and *ref.
void RefRelease(Hav1Ref** ref);

// Caller-owned bytes: free_callback(buf, cookie) runs exactly once, when the
// last reference is dropped.
class CallbackRef final : public Hav1Ref {
 public:
  CallbackRef(const uint8_t* buf, Hav1FreeCallback free_callback, void* cookie)
      : buf_(buf), free_callback_(free_callback), cookie_(cookie) {}
  ~CallbackRef() override { free_callback_(buf_, cookie_); }

 private:
  const uint8_t* buf_;
  Hav1FreeCallback free_callback_;
  void* cookie_;
};

// Library-owned bytes (hav1_data_create).
class BufferRef final : public Hav1Ref {
 public:
  explicit BufferRef(size_t size)
      : bytes_(std::make_unique_for_overwrite<uint8_t[]>(size)) {}
  uint8_t* data() { return bytes_.get(); }

 private:
  std::unique_ptr<uint8_t[]> bytes_;
};

// Holds one reference to a Hav1Ref (RAII).
class RefHolder {
 public:
  RefHolder() = default;
  // Takes a new reference to ref.
  explicit RefHolder(Hav1Ref* ref) : ref_(ref) { RefAcquire(ref_); }
  RefHolder(const RefHolder& o) : ref_(o.ref_) { RefAcquire(ref_); }
  RefHolder(RefHolder&& o) noexcept : ref_(std::exchange(o.ref_, nullptr)) {}
  RefHolder& operator=(RefHolder o) noexcept {
    std::swap(ref_, o.ref_);
    return *this;
  }
  ~RefHolder() { RefRelease(&ref_); }
  Hav1Ref* get() const { return ref_; }

 private:
  Hav1Ref* ref_ = nullptr;
};

}  // namespace hav1

#endif  // HAV1_SRC_FRAME_REF_H_
