// Pictures waiting for hav1_get_picture, in output (display) order, and the
// choice of spatial layer: unless all layers are wanted, only the highest
// spatial layer of each temporal unit is output (spec 7.18 operating point
// semantics; ARCHITECTURE "Headers and OBUs").
#ifndef HAV1_SRC_DECODER_OUTPUT_QUEUE_H_
#define HAV1_SRC_DECODER_OUTPUT_QUEUE_H_

#include <cstddef>
#include <deque>
#include <memory>

#include "src/frame/picture.h"

namespace hav1 {

class OutputQueue {
 public:
  OutputQueue(bool all_layers, int operating_point)
      : all_layers_(all_layers), operating_point_(operating_point) {}

  // A shown frame (show_frame or show_existing_frame) of spatial layer
  // spatial_id.  With several spatial layers it waits for the end of its
  // temporal unit unless it is the operating point's top layer.
  void Show(std::shared_ptr<const DecodedPicture> pic, int spatial_id);
  // A picture output as it is (a frame that is not shown, when the caller
  // asked for those).
  void PushDirect(std::shared_ptr<const DecodedPicture> pic) { ready_.push_back(std::move(pic)); }
  // The temporal unit ended (temporal delimiter, or drain): the best layer
  // seen becomes ready.
  void EndTemporalUnit();

  size_t ready() const { return ready_.size(); }
  // The next picture; NULL when none is ready.
  std::shared_ptr<const DecodedPicture> Front() const {
    return ready_.empty() ? nullptr : ready_.front();
  }
  void PopFront() { ready_.pop_front(); }
  void Clear();

  // Highest spatial layer of the chosen operating point of seq (bits 8..15 of
  // operating_point_idc), 0 when the stream does not describe layers.
  int MaxSpatialId(const Hav1SequenceInfo& seq) const;

 private:
  bool all_layers_;
  int operating_point_;
  std::deque<std::shared_ptr<const DecodedPicture>> ready_;
  std::shared_ptr<const DecodedPicture> candidate_;  // best layer of this unit
  int candidate_spatial_id_ = -1;
};

}  // namespace hav1

#endif  // HAV1_SRC_DECODER_OUTPUT_QUEUE_H_
