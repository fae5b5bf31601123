#include "src/decoder/output_queue.h"

#include <utility>

#include "src/common/intops.h"

namespace hav1 {

int OutputQueue::MaxSpatialId(const Hav1SequenceInfo& seq) const {
  if (seq.operating_points < 1) return 0;
  const int op = Clip3(0, Clip3(1, 32, seq.operating_points) - 1, operating_point_);
  const int spatial_layers = (seq.operating_point_idc[op] >> 8) & 0xff;
  return spatial_layers ? FloorLog2(static_cast<uint32_t>(spatial_layers)) : 0;
}

void OutputQueue::Show(std::shared_ptr<const DecodedPicture> pic, int spatial_id) {
  const int max_spatial_id = MaxSpatialId(pic->seq);
  if (all_layers_ || max_spatial_id == 0) {
    ready_.push_back(std::move(pic));
    return;
  }
  if (spatial_id >= candidate_spatial_id_) {
    candidate_ = std::move(pic);
    candidate_spatial_id_ = spatial_id;
  }
  // The top layer needs no waiting for the end of the temporal unit.
  if (candidate_spatial_id_ >= max_spatial_id) EndTemporalUnit();
}

void OutputQueue::EndTemporalUnit() {
  if (candidate_) ready_.push_back(std::move(candidate_));
  candidate_.reset();
  candidate_spatial_id_ = -1;
}

void OutputQueue::Clear() {
  ready_.clear();
  candidate_.reset();
  candidate_spatial_id_ = -1;
}

}  // namespace hav1
