// 5.8 metadata_obu() parsing into ParsedMetadata.
#ifndef HAV1_SRC_BITSTREAM_METADATA_PARSER_H_
#define HAV1_SRC_BITSTREAM_METADATA_PARSER_H_

#include <cstdint>
#include <span>

#include "src/bitstream/bit_reader.h"
#include "src/bitstream/obu_parser.h"
#include "src/common/status.h"

namespace hav1 {

// Parses a metadata OBU payload (obu_size bytes, trailing bits included).
// Unknown metadata types are ignored (6.7.1).
Status ParseMetadataObu(std::span<const uint8_t> payload, const Hav1SyntaxTracer* tracer,
                        ParsedMetadata* out);

}  // namespace hav1

#endif  // HAV1_SRC_BITSTREAM_METADATA_PARSER_H_
