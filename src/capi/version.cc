// hav1_version, hav1_version_api, hav1_strerror.
#include "hav1/hav1.h"

#define HAV1_STR2(x) #x
#define HAV1_STR(x) HAV1_STR2(x)

extern "C" {

HAV1_API const char* hav1_version(void) {
  return HAV1_STR(HAV1_API_VERSION_MAJOR) "." HAV1_STR(HAV1_API_VERSION_MINOR) "." HAV1_STR(
      HAV1_API_VERSION_PATCH);
}

HAV1_API unsigned hav1_version_api(void) { return HAV1_API_VERSION; }

HAV1_API const char* hav1_strerror(int error) {
  switch (error) {
    case HAV1_OK:
      return "success";
    case HAV1_ERR_AGAIN:
      return "try again: service the other side first";
    case HAV1_ERR_INVALID_ARGUMENT:
      return "invalid argument";
    case HAV1_ERR_NO_MEMORY:
      return "out of memory";
    case HAV1_ERR_INVALID_DATA:
      return "invalid data: the bitstream breaks the AV1 specification";
    case HAV1_ERR_UNSUPPORTED:
      return "unsupported AV1 feature";
    case HAV1_ERR_NOT_IMPLEMENTED:
      return "not implemented yet";
    case HAV1_ERR_LIMIT:
      return "a configured limit was exceeded";
    case HAV1_ERR_EOF:
      return "end of stream";
    case HAV1_ERR_CALLBACK:
      return "a user callback failed";
    default:
      return "unknown error";
  }
}

}  // extern "C"
