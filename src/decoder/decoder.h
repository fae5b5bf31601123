// The decoder instance behind Hav1Context: settings, the send/get state
// machine with its flow control, reference slots, the output queue in
// display order, spatial layer selection, flush/drain, events and errors.
// All state lives here; two instances share nothing mutable.
#ifndef HAV1_SRC_DECODER_DECODER_H_
#define HAV1_SRC_DECODER_DECODER_H_

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "hav1/hav1.h"
#include "src/bitstream/obu_parser.h"
#include "src/common/status.h"
#include "src/decoder/frame_decoder.h"
#include "src/decoder/logger.h"
#include "src/decoder/output_queue.h"
#include "src/dsp/dsp.h"
#include "src/frame/picture.h"
#include "src/frame/picture_buffer.h"
#include "src/frame/props.h"
#include "src/frame/ref.h"
#include "src/threading/thread_pool.h"

namespace hav1 {

class Decoder {
 public:
  // settings must have passed ReadSettings.  Throws std::bad_alloc or
  // std::system_error (threads); returns an error for a bad cpu_target.
  static Status Create(const Hav1Settings& settings, std::unique_ptr<Decoder>* out);
  explicit Decoder(const Hav1Settings& settings);  // use Create
  ~Decoder();
  Decoder(const Decoder&) = delete;
  Decoder& operator=(const Decoder&) = delete;

  // hav1_send_data / hav1_get_picture / hav1_drain / hav1_flush: see hav1.h.
  // Arguments are checked by the caller (src/capi).
  int SendData(Hav1Data* in);
  int GetPicture(Hav1Picture* out);
  int Drain();
  void Flush();

  Hav1EventFlags TakeEventFlags();
  void GetErrorProps(Hav1DataProps* out) const;
  const char* simd_target() const { return simd_target_; }
  const Logger& logger() const { return logger_; }

  // For tests of the decoder around pixel decoding (ordering, layers, flow
  // control): replaces the frame decoding step.
  void SetFrameDecoderForTesting(std::unique_ptr<FrameDecoder> fd) {
    frame_decoder_ = std::move(fd);
  }
  const Hav1Settings& settings() const { return settings_; }
  const DspTables& tables() const { return tables_; }
  ThreadPool& pool() { return *pool_; }
  PictureAllocator& allocator() { return *allocator_; }

 private:
  // Feeds one OBU (obu bytes lie in the packet held by packet).
  Status DecodeObu(int obu_type, std::span<const uint8_t> obu, const RefHolder& packet,
                   const Hav1DataProps& props);
  // Everything that happens to a frame the parser completed.
  Status HandleFrame(const ParsedFrame& frame);
  Status ShowExistingFrame(const ParsedFrame& frame);
  bool SkippedByDecodeFrameType(const ParsedFrame& frame) const;
  void ClearRefreshedSlots(const ParsedFrame& frame);
  int Fail(const Status& status, const Hav1DataProps& props, Hav1Data* in);

  Hav1Settings settings_;
  Logger logger_;
  int frame_delay_ = 1;
  const char* simd_target_ = "";
  DspTables tables_{};
  std::unique_ptr<ThreadPool> pool_;
  std::unique_ptr<PictureAllocator> allocator_;
  std::unique_ptr<ObuParser> parser_;
  std::unique_ptr<FrameDecoder> frame_decoder_;

  // Reference slots (spec 7.20) with the header each picture was decoded
  // from (to find the slot a show_existing_frame shows).
  RefFrames slots_{};
  std::array<const void*, 8> slot_headers_{};

  // Input of a frame in progress: its props, and the packets its tile group
  // bytes may still point into.
  bool frame_in_progress_ = false;
  PropsHolder frame_props_;
  std::vector<RefHolder> held_packets_;

  OutputQueue output_;
  bool draining_ = false;

  unsigned events_ = 0;
  PropsHolder error_props_;
  std::vector<ParsedFrame> parsed_;  // scratch, reused
};

}  // namespace hav1

#endif  // HAV1_SRC_DECODER_DECODER_H_
