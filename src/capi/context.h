// Hav1Context: the C handle of a decoder instance.
#ifndef HAV1_SRC_CAPI_CONTEXT_H_
#define HAV1_SRC_CAPI_CONTEXT_H_

#include <memory>

#include "src/decoder/decoder.h"

struct Hav1Context {
  std::unique_ptr<hav1::Decoder> decoder;
};

#endif  // HAV1_SRC_CAPI_CONTEXT_H_
