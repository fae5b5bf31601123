#include "src/frame/ref.h"

namespace hav1 {

void RefAcquire(Hav1Ref* ref) {
  if (ref != nullptr) ref->refcount.fetch_add(1, std::memory_order_relaxed);
}

void RefRelease(Hav1Ref** ref) {
  if (ref == nullptr || *ref == nullptr) return;
  Hav1Ref* r = *ref;
  *ref = nullptr;
  if (r->refcount.fetch_sub(1, std::memory_order_acq_rel) == 1) {
    std::unique_ptr<Hav1Ref> owner(r);  // runs the owner's destructor
  }
}

}  // namespace hav1
