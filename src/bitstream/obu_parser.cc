// ObuParser skeleton (filled in step by step).
#include "src/bitstream/obu_parser.h"

#include "src/bitstream/bit_reader.h"
#include "src/bitstream/frame_header.h"
#include "src/bitstream/sequence_header.h"
#include "src/refs/ref_state.h"

namespace hav1 {

struct ObuParser::Impl {
  explicit Impl(const Config& c) : config(c) {}
  Config config;
  RefState refs;
  bool new_sequence = false;
};

ObuParser::ObuParser(const Config& config) : impl_(std::make_unique<Impl>(config)) {}
ObuParser::~ObuParser() = default;

Status ObuParser::Parse(std::span<const uint8_t> data, std::vector<ParsedFrame>* frames) {
  (void)data;
  (void)frames;
  return NotImplemented("ObuParser::Parse");
}

bool ObuParser::TakeNewSequenceEvent() {
  bool r = impl_->new_sequence;
  impl_->new_sequence = false;
  return r;
}

void ObuParser::Flush() { impl_->refs.Reset(); }

Status ParseSequenceInfo(std::span<const uint8_t> data, Hav1SequenceInfo* out) {
  (void)data;
  (void)out;
  return NotImplemented("ParseSequenceInfo");
}

}  // namespace hav1
