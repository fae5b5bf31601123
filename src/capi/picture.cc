// hav1_picture_ref, hav1_picture_unref.
#include <cstring>

#include "hav1/hav1.h"
#include "src/capi/guard.h"
#include "src/frame/ref.h"

using hav1::capi::InvalidArg;

extern "C" {

HAV1_API int hav1_picture_ref(Hav1Picture* dst, const Hav1Picture* src) {
  const char* fn = "hav1_picture_ref";
  if (dst == nullptr) return InvalidArg(fn, "dst is NULL");
  if (src == nullptr) return InvalidArg(fn, "src is NULL");
  if (src->ref == nullptr) return InvalidArg(fn, "src is not a picture from hav1_get_picture");
  if (dst == src) return InvalidArg(fn, "dst and src are the same picture");
  hav1::RefAcquire(src->ref);
  std::memcpy(dst, src, sizeof(*dst));
  return HAV1_OK;
}

HAV1_API void hav1_picture_unref(Hav1Picture* p) {
  if (p == nullptr) return;
  hav1::RefRelease(&p->ref);
  std::memset(p, 0, sizeof(*p));
}

}  // extern "C"
