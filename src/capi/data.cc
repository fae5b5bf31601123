// Data packets and props: hav1_data_*, hav1_data_props_*.
#include <cstring>

#include "hav1/hav1.h"
#include "src/capi/guard.h"
#include "src/frame/props.h"
#include "src/frame/ref.h"

namespace {

// Packets larger than this are surely a caller bug (as in dav1d).
constexpr size_t kMaxPacketSize = SIZE_MAX / 2;

void EmptyData(Hav1Data* data) {
  std::memset(data, 0, sizeof(*data));
  hav1::PropsInit(&data->m);
}

}  // namespace

using hav1::capi::Guarded;
using hav1::capi::InvalidArg;

extern "C" {

HAV1_API void hav1_data_props_init(Hav1DataProps* props) {
  if (props == nullptr) {
    InvalidArg("hav1_data_props_init", "props is NULL");
    return;
  }
  hav1::PropsInit(props);
}

HAV1_API void hav1_data_props_unref(Hav1DataProps* props) {
  if (props == nullptr) return;
  hav1::PropsRelease(props);
}

HAV1_API uint8_t* hav1_data_create(Hav1Data* data, size_t sz) {
  if (data == nullptr) {
    InvalidArg("hav1_data_create", "data is NULL");
    return nullptr;
  }
  EmptyData(data);
  if (sz == 0 || sz > kMaxPacketSize) {
    InvalidArg("hav1_data_create", "sz must be between 1 and SIZE_MAX / 2");
    return nullptr;
  }
  uint8_t* bytes = nullptr;
  Guarded(hav1::Logger::Default(), "hav1_data_create", [&]() -> int {
    hav1::BufferRef* ref = hav1::NewRef<hav1::BufferRef>(sz);
    bytes = ref->data();
    data->ref = ref;
    data->data = bytes;
    data->sz = sz;
    data->m.size = sz;
    return HAV1_OK;
  });
  return bytes;
}

HAV1_API int hav1_data_wrap(Hav1Data* data, const uint8_t* buf, size_t sz,
                            Hav1FreeCallback free_callback, void* cookie) {
  const char* fn = "hav1_data_wrap";
  if (data == nullptr) return InvalidArg(fn, "data is NULL");
  if (buf == nullptr) return InvalidArg(fn, "buf is NULL");
  if (free_callback == nullptr) return InvalidArg(fn, "free_callback is NULL");
  if (sz == 0 || sz > kMaxPacketSize) return InvalidArg(fn, "sz must be between 1 and SIZE_MAX / 2");
  return Guarded(hav1::Logger::Default(), fn, [&]() -> int {
    Hav1Ref* ref = hav1::NewRef<hav1::CallbackRef>(buf, free_callback, cookie);
    EmptyData(data);
    data->ref = ref;
    data->data = buf;
    data->sz = sz;
    data->m.size = sz;
    return HAV1_OK;
  });
}

HAV1_API int hav1_data_wrap_user_data(Hav1Data* data, const uint8_t* user_data,
                                      Hav1FreeCallback free_callback, void* cookie) {
  const char* fn = "hav1_data_wrap_user_data";
  if (data == nullptr) return InvalidArg(fn, "data is NULL");
  if (user_data == nullptr) return InvalidArg(fn, "user_data is NULL");
  if (free_callback == nullptr) return InvalidArg(fn, "free_callback is NULL");
  return Guarded(hav1::Logger::Default(), fn, [&]() -> int {
    Hav1Ref* ref = hav1::NewRef<hav1::CallbackRef>(user_data, free_callback, cookie);
    hav1::RefRelease(&data->m.user_data.ref);  // replaces earlier user data
    data->m.user_data.data = user_data;
    data->m.user_data.ref = ref;
    return HAV1_OK;
  });
}

HAV1_API void hav1_data_unref(Hav1Data* data) {
  if (data == nullptr) return;
  hav1::RefRelease(&data->ref);
  hav1::PropsRelease(&data->m);
  EmptyData(data);
}

}  // extern "C"
