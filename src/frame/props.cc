#include "src/frame/props.h"

#include <cstdint>

#include "src/frame/ref.h"

namespace hav1 {

void PropsInit(Hav1DataProps* props) {
  props->timestamp = INT64_MIN;
  props->duration = 0;
  props->offset = -1;
  props->size = 0;
  props->user_data.data = nullptr;
  props->user_data.ref = nullptr;
}

void PropsCopy(Hav1DataProps* dst, const Hav1DataProps& src) {
  *dst = src;
  RefAcquire(dst->user_data.ref);
}

void PropsRelease(Hav1DataProps* props) {
  RefRelease(&props->user_data.ref);
  PropsInit(props);
}

}  // namespace hav1
