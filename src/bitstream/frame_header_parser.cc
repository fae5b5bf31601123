#include "src/bitstream/frame_header_parser.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "src/common/intops.h"

namespace hav1 {

int GetRelativeDist(const SequenceHeader& seq, int a, int b) {
  // OrderHintBits is 1..8 whenever enable_order_hint is 1 (5.5.1); a
  // sequence header built otherwise counts as having no order hints.
  if (!seq.enable_order_hint || seq.OrderHintBits < 1 || seq.OrderHintBits > 8) return 0;
  int diff = a - b;
  int m = 1 << (seq.OrderHintBits - 1);
  diff = (diff & (m - 1)) - (diff & m);
  return diff;
}

namespace {

constexpr int kSegmentationFeatureBits[SEG_LVL_MAX] = {8, 6, 6, 6, 6, 3, 0, 0};
constexpr int kSegmentationFeatureSigned[SEG_LVL_MAX] = {1, 1, 1, 1, 1, 0, 0, 0};
constexpr int kSegmentationFeatureMax[SEG_LVL_MAX] = {
    255, MAX_LOOP_FILTER, MAX_LOOP_FILTER, MAX_LOOP_FILTER, MAX_LOOP_FILTER, 7, 0, 0};
constexpr int kRemapLrType[4] = {RESTORE_NONE, RESTORE_SWITCHABLE, RESTORE_WIENER,
                                 RESTORE_SGRPROJ};

int TileLog2(int blkSize, int target) {
  int k = 0;
  for (; (blkSize << k) < target; k++) {
  }
  return k;
}

Status Invalid(const char* field, const std::string& detail = "") {
  std::string msg = std::string("frame_header_obu: ") + field;
  if (!detail.empty()) msg += " " + detail;
  return InvalidData(msg);
}

class Parser {
 public:
  Parser(BitReader& r, const FrameHeaderContext& ctx, FrameHeader* h)
      : r_(r), ctx_(ctx), seq_(*ctx.seq), cc_(ctx.seq->color_config), refs_(*ctx.refs), h_(*h) {}

  Status Run();

 private:
  Status ShowExistingFrame(int idLen);
  void MarkRefFrames(int idLen);
  Status SetFrameRefs();
  Status FrameSize();
  void SuperresParams();
  void ComputeImageSize();
  void RenderSize();
  Status FrameSizeWithRefs();
  Status CheckFrameSize();
  Status CheckRefSizes();
  void ReadInterpolationFilter();
  void SetupPastIndependence();
  void LoadPrevious();
  Status TileInfoSyntax();
  void QuantizationParamsSyntax();
  int ReadDeltaQ();
  void SegmentationParamsSyntax();
  void DeltaQParams();
  void DeltaLfParams();
  int GetQIndexIgnoreDeltaQ(int segmentId) const;
  void LoopFilterParamsSyntax();
  void CdefParamsSyntax();
  void LrParamsSyntax();
  void ReadTxMode();
  void FrameReferenceMode();
  void SkipModeParams();
  void GlobalMotionParams();
  void ReadGlobalParam(int type, int ref, int idx);
  int DecodeSignedSubexpWithRef(int low, int high, int r, int ref, int idx);
  int DecodeUnsignedSubexpWithRef(int mx, int r, int ref, int idx);
  int DecodeSubexp(int numSyms, int ref, int idx);
  int DecodeSubexpBits(int numSyms, int ref, int idx);
  Status FilmGrainParamsSyntax();
  void LoadGrainParams(int idx);

  int RelDist(int a, int b) const { return GetRelativeDist(seq_, a, b); }
  const RefSlot& Slot(int i) const { return refs_.slot[i & 7]; }

  BitReader& r_;
  const FrameHeaderContext& ctx_;
  const SequenceHeader& seq_;
  const ColorConfig& cc_;
  const RefState& refs_;
  FrameHeader& h_;
  // Local copies of the reference state the header may modify (RefValid is
  // cleared by mark_ref_frames / ref_order_hint / key frames).
  int RefValid_[NUM_REF_FRAMES] = {};
  int RefOrderHint_[NUM_REF_FRAMES] = {};
  int32_t PrevGmParams_[TOTAL_REFS_PER_FRAME][6] = {};
};

// 5.9.2 uncompressed_header()
Status Parser::Run() {
  for (int i = 0; i < NUM_REF_FRAMES; i++) {
    RefValid_[i] = refs_.slot[i].RefValid;
    RefOrderHint_[i] = refs_.slot[i].RefOrderHint;
  }
  int idLen = 0;
  if (seq_.frame_id_numbers_present_flag)
    idLen = seq_.additional_frame_id_length_minus_1 + seq_.delta_frame_id_length_minus_2 + 3;
  const int allFrames = (1 << NUM_REF_FRAMES) - 1;
  if (seq_.reduced_still_picture_header) {
    h_.show_existing_frame = 0;
    h_.frame_type = KEY_FRAME;
    h_.FrameIsIntra = 1;
    h_.show_frame = 1;
    h_.showable_frame = 0;
    h_.error_resilient_mode = 1;
  } else {
    h_.show_existing_frame = r_.f(1, "show_existing_frame");
    if (h_.show_existing_frame) return ShowExistingFrame(idLen);
    h_.frame_type = r_.f(2, "frame_type");
    h_.FrameIsIntra = h_.frame_type == INTRA_ONLY_FRAME || h_.frame_type == KEY_FRAME;
    h_.show_frame = r_.f(1, "show_frame");
    if (h_.show_frame && seq_.decoder_model_info_present_flag &&
        !seq_.timing_info.equal_picture_interval) {
      h_.frame_presentation_time =
          r_.f(seq_.decoder_model_info.frame_presentation_time_length_minus_1 + 1,
               "frame_presentation_time");
    }
    if (h_.show_frame)
      h_.showable_frame = h_.frame_type != KEY_FRAME;
    else
      h_.showable_frame = r_.f(1, "showable_frame");
    if (h_.frame_type == SWITCH_FRAME || (h_.frame_type == KEY_FRAME && h_.show_frame))
      h_.error_resilient_mode = 1;
    else
      h_.error_resilient_mode = r_.f(1, "error_resilient_mode");
  }
  if (h_.frame_type == KEY_FRAME && h_.show_frame) {
    for (int i = 0; i < NUM_REF_FRAMES; i++) {
      RefValid_[i] = 0;
      RefOrderHint_[i] = 0;
    }
    for (int i = 0; i < REFS_PER_FRAME; i++) h_.OrderHints[LAST_FRAME + i] = 0;
  }
  h_.disable_cdf_update = r_.f(1, "disable_cdf_update");
  if (seq_.seq_force_screen_content_tools == SELECT_SCREEN_CONTENT_TOOLS)
    h_.allow_screen_content_tools = r_.f(1, "allow_screen_content_tools");
  else
    h_.allow_screen_content_tools = seq_.seq_force_screen_content_tools;
  if (h_.allow_screen_content_tools) {
    if (seq_.seq_force_integer_mv == SELECT_INTEGER_MV)
      h_.force_integer_mv = r_.f(1, "force_integer_mv");
    else
      h_.force_integer_mv = seq_.seq_force_integer_mv;
  } else {
    h_.force_integer_mv = 0;
  }
  if (h_.FrameIsIntra) h_.force_integer_mv = 1;
  if (seq_.frame_id_numbers_present_flag) {
    h_.current_frame_id = r_.f(idLen, "current_frame_id");
    MarkRefFrames(idLen);
    if ((h_.frame_type != KEY_FRAME || !h_.show_frame) && ctx_.prev_frame_id >= 0) {
      int PrevFrameID = ctx_.prev_frame_id;
      int DiffFrameID = h_.current_frame_id > PrevFrameID
                            ? h_.current_frame_id - PrevFrameID
                            : (1 << idLen) + h_.current_frame_id - PrevFrameID;
      if (h_.current_frame_id == PrevFrameID || DiffFrameID >= (1 << (idLen - 1)))
        return Invalid("current_frame_id", "does not follow the previous frame id");
    }
  } else {
    h_.current_frame_id = 0;
  }
  if (h_.frame_type == SWITCH_FRAME)
    h_.frame_size_override_flag = 1;
  else if (seq_.reduced_still_picture_header)
    h_.frame_size_override_flag = 0;
  else
    h_.frame_size_override_flag = r_.f(1, "frame_size_override_flag");
  h_.order_hint = r_.f(seq_.OrderHintBits, "order_hint");
  h_.OrderHint = h_.order_hint;
  if (h_.FrameIsIntra || h_.error_resilient_mode)
    h_.primary_ref_frame = PRIMARY_REF_NONE;
  else
    h_.primary_ref_frame = r_.f(3, "primary_ref_frame");
  if (seq_.decoder_model_info_present_flag) {
    h_.buffer_removal_time_present_flag = r_.f(1, "buffer_removal_time_present_flag");
    if (h_.buffer_removal_time_present_flag) {
      for (int opNum = 0; opNum <= seq_.operating_points_cnt_minus_1; opNum++) {
        const OperatingPoint& op = seq_.operating_points[opNum];
        if (op.decoder_model_present_for_this_op) {
          int opPtIdc = op.operating_point_idc;
          int inTemporalLayer = (opPtIdc >> ctx_.temporal_id) & 1;
          int inSpatialLayer = (opPtIdc >> (ctx_.spatial_id + 8)) & 1;
          if (opPtIdc == 0 || (inTemporalLayer && inSpatialLayer)) {
            int n = seq_.decoder_model_info.buffer_removal_time_length_minus_1 + 1;
            h_.buffer_removal_time[opNum] = r_.f(n, SyntaxName("buffer_removal_time", opNum));
          }
        }
      }
    }
  }
  h_.allow_high_precision_mv = 0;
  h_.use_ref_frame_mvs = 0;
  h_.allow_intrabc = 0;
  if (h_.frame_type == SWITCH_FRAME || (h_.frame_type == KEY_FRAME && h_.show_frame))
    h_.refresh_frame_flags = allFrames;
  else
    h_.refresh_frame_flags = r_.f(8, "refresh_frame_flags");
  if (h_.frame_type == INTRA_ONLY_FRAME && h_.refresh_frame_flags == 0xFF)
    return Invalid("refresh_frame_flags", "0xff on an intra-only frame");
  if (!h_.FrameIsIntra || h_.refresh_frame_flags != allFrames) {
    if (h_.error_resilient_mode && seq_.enable_order_hint) {
      for (int i = 0; i < NUM_REF_FRAMES; i++) {
        h_.ref_order_hint[i] = r_.f(seq_.OrderHintBits, SyntaxName("ref_order_hint", i));
        if (h_.ref_order_hint[i] != RefOrderHint_[i]) RefValid_[i] = 0;
      }
    }
  }
  if (h_.FrameIsIntra) {
    HAV1_RETURN_IF_ERROR(FrameSize());
    RenderSize();
    if (h_.allow_screen_content_tools && h_.UpscaledWidth == h_.FrameWidth)
      h_.allow_intrabc = r_.f(1, "allow_intrabc");
  } else {
    if (!seq_.enable_order_hint) {
      h_.frame_refs_short_signaling = 0;
    } else {
      h_.frame_refs_short_signaling = r_.f(1, "frame_refs_short_signaling");
      if (h_.frame_refs_short_signaling) {
        h_.last_frame_idx = r_.f(3, "last_frame_idx");
        h_.gold_frame_idx = r_.f(3, "gold_frame_idx");
        HAV1_RETURN_IF_ERROR(SetFrameRefs());
      }
    }
    for (int i = 0; i < REFS_PER_FRAME; i++) {
      if (!h_.frame_refs_short_signaling)
        h_.ref_frame_idx[i] = r_.f(3, SyntaxName("ref_frame_idx", i));
      if (seq_.frame_id_numbers_present_flag) {
        int n = seq_.delta_frame_id_length_minus_2 + 2;
        h_.delta_frame_id_minus_1[i] = r_.f(n, SyntaxName("delta_frame_id_minus_1", i));
        int DeltaFrameId = h_.delta_frame_id_minus_1[i] + 1;
        h_.expectedFrameId[i] =
            (h_.current_frame_id + (1 << idLen) - DeltaFrameId) % (1 << idLen);
        if (RefValid_[h_.ref_frame_idx[i]] &&
            Slot(h_.ref_frame_idx[i]).RefFrameId != h_.expectedFrameId[i])
          return Invalid("delta_frame_id_minus_1", "does not match RefFrameId");
      }
    }
    for (int i = 0; i < REFS_PER_FRAME; i++) {
      if (!RefValid_[h_.ref_frame_idx[i]])
        return Invalid("ref_frame_idx", "[" + std::to_string(i) + "] refers to an empty slot");
    }
    if (h_.frame_size_override_flag && !h_.error_resilient_mode) {
      HAV1_RETURN_IF_ERROR(FrameSizeWithRefs());
    } else {
      HAV1_RETURN_IF_ERROR(FrameSize());
      RenderSize();
    }
    HAV1_RETURN_IF_ERROR(CheckRefSizes());
    if (h_.force_integer_mv)
      h_.allow_high_precision_mv = 0;
    else
      h_.allow_high_precision_mv = r_.f(1, "allow_high_precision_mv");
    ReadInterpolationFilter();
    h_.is_motion_mode_switchable = r_.f(1, "is_motion_mode_switchable");
    if (h_.error_resilient_mode || !seq_.enable_ref_frame_mvs)
      h_.use_ref_frame_mvs = 0;
    else
      h_.use_ref_frame_mvs = r_.f(1, "use_ref_frame_mvs");
    for (int i = 0; i < REFS_PER_FRAME; i++) {
      int refFrame = LAST_FRAME + i;
      int hint = RefOrderHint_[h_.ref_frame_idx[i]];
      h_.OrderHints[refFrame] = hint;
      if (!seq_.enable_order_hint)
        h_.RefFrameSignBias[refFrame] = 0;
      else
        h_.RefFrameSignBias[refFrame] = RelDist(hint, h_.OrderHint) > 0;
    }
  }
  if (seq_.reduced_still_picture_header || h_.disable_cdf_update)
    h_.disable_frame_end_update_cdf = 1;
  else
    h_.disable_frame_end_update_cdf = r_.f(1, "disable_frame_end_update_cdf");
  if (h_.primary_ref_frame == PRIMARY_REF_NONE) {
    SetupPastIndependence();
  } else {
    if (!RefValid_[h_.ref_frame_idx[h_.primary_ref_frame]])
      return Invalid("primary_ref_frame", "refers to an empty slot");
    LoadPrevious();
  }
  HAV1_RETURN_IF_ERROR(TileInfoSyntax());
  QuantizationParamsSyntax();
  SegmentationParamsSyntax();
  DeltaQParams();
  DeltaLfParams();
  h_.CodedLossless = 1;
  const QuantizationParams& q = h_.quantization_params;
  for (int segmentId = 0; segmentId < MAX_SEGMENTS; segmentId++) {
    int qindex = GetQIndexIgnoreDeltaQ(segmentId);
    h_.LosslessArray[segmentId] = qindex == 0 && q.DeltaQYDc == 0 && q.DeltaQUAc == 0 &&
                                  q.DeltaQUDc == 0 && q.DeltaQVAc == 0 && q.DeltaQVDc == 0;
    if (!h_.LosslessArray[segmentId]) h_.CodedLossless = 0;
    if (q.using_qmatrix) {
      if (h_.LosslessArray[segmentId]) {
        h_.SegQMLevel[0][segmentId] = 15;
        h_.SegQMLevel[1][segmentId] = 15;
        h_.SegQMLevel[2][segmentId] = 15;
      } else {
        h_.SegQMLevel[0][segmentId] = q.qm_y;
        h_.SegQMLevel[1][segmentId] = q.qm_u;
        h_.SegQMLevel[2][segmentId] = q.qm_v;
      }
    }
  }
  if (h_.CodedLossless && h_.delta_params.delta_q_present)
    return Invalid("delta_q_present", "set on a coded lossless frame");
  h_.AllLossless = h_.CodedLossless && (h_.FrameWidth == h_.UpscaledWidth);
  LoopFilterParamsSyntax();
  CdefParamsSyntax();
  LrParamsSyntax();
  ReadTxMode();
  FrameReferenceMode();
  SkipModeParams();
  if (h_.FrameIsIntra || h_.error_resilient_mode || !seq_.enable_warped_motion)
    h_.allow_warped_motion = 0;
  else
    h_.allow_warped_motion = r_.f(1, "allow_warped_motion");
  h_.reduced_tx_set = r_.f(1, "reduced_tx_set");
  GlobalMotionParams();
  HAV1_RETURN_IF_ERROR(FilmGrainParamsSyntax());
  if (r_.error()) return Invalid("uncompressed_header", "truncated");
  std::memcpy(h_.RefValid, RefValid_, sizeof(RefValid_));
  return Status::Ok();
}

// show_existing_frame == 1 branch of 5.9.2, with 7.21 for the header state.
Status Parser::ShowExistingFrame(int idLen) {
  h_.frame_to_show_map_idx = r_.f(3, "frame_to_show_map_idx");
  if (seq_.decoder_model_info_present_flag && !seq_.timing_info.equal_picture_interval) {
    h_.frame_presentation_time =
        r_.f(seq_.decoder_model_info.frame_presentation_time_length_minus_1 + 1,
             "frame_presentation_time");
  }
  h_.refresh_frame_flags = 0;
  if (seq_.frame_id_numbers_present_flag)
    h_.display_frame_id = r_.f(idLen, "display_frame_id");
  if (r_.error()) return Invalid("show_existing_frame", "truncated");
  const RefSlot& s = Slot(h_.frame_to_show_map_idx);
  if (!s.RefValid || !s.header)
    return Invalid("frame_to_show_map_idx", "refers to an empty slot");
  if (seq_.frame_id_numbers_present_flag && h_.display_frame_id != s.RefFrameId)
    return Invalid("display_frame_id", "does not match RefFrameId");
  // The shown frame's header, with the fields this header sets.
  const int idx = h_.frame_to_show_map_idx;
  const uint32_t fpt = h_.frame_presentation_time;
  const int dfid = h_.display_frame_id;
  const int tid = h_.temporal_id, sid = h_.spatial_id;
  h_ = *s.header;
  h_.temporal_id = tid;
  h_.spatial_id = sid;
  h_.show_existing_frame = 1;
  h_.frame_to_show_map_idx = idx;
  h_.frame_presentation_time = fpt;
  h_.display_frame_id = dfid;
  h_.frame_type = s.RefFrameType;
  h_.refresh_frame_flags = h_.frame_type == KEY_FRAME ? 0xFF : 0;
  if (seq_.film_grain_params_present) LoadGrainParams(idx);
  return Status::Ok();
}

// 5.9.4 mark_ref_frames()
void Parser::MarkRefFrames(int idLen) {
  int diffLen = seq_.delta_frame_id_length_minus_2 + 2;
  for (int i = 0; i < NUM_REF_FRAMES; i++) {
    int RefFrameId = refs_.slot[i].RefFrameId;
    if (h_.current_frame_id > (1 << diffLen)) {
      if (RefFrameId > h_.current_frame_id ||
          RefFrameId < (h_.current_frame_id - (1 << diffLen)))
        RefValid_[i] = 0;
    } else {
      if (RefFrameId > h_.current_frame_id &&
          RefFrameId < ((1 << idLen) + h_.current_frame_id - (1 << diffLen)))
        RefValid_[i] = 0;
    }
  }
}

// 7.8 Set frame refs process
Status Parser::SetFrameRefs() {
  int* ref_frame_idx = h_.ref_frame_idx;
  for (int i = 0; i < REFS_PER_FRAME; i++) ref_frame_idx[i] = -1;
  ref_frame_idx[LAST_FRAME - LAST_FRAME] = h_.last_frame_idx;
  ref_frame_idx[GOLDEN_FRAME - LAST_FRAME] = h_.gold_frame_idx;
  int usedFrame[NUM_REF_FRAMES] = {};
  usedFrame[h_.last_frame_idx] = 1;
  usedFrame[h_.gold_frame_idx] = 1;
  int curFrameHint = 1 << (seq_.OrderHintBits - 1);
  int shiftedOrderHints[NUM_REF_FRAMES];
  for (int i = 0; i < NUM_REF_FRAMES; i++)
    shiftedOrderHints[i] = curFrameHint + RelDist(RefOrderHint_[i], h_.OrderHint);
  int lastOrderHint = shiftedOrderHints[h_.last_frame_idx];
  if (lastOrderHint >= curFrameHint)
    return Invalid("last_frame_idx", "is not a forward reference");
  int goldOrderHint = shiftedOrderHints[h_.gold_frame_idx];
  if (goldOrderHint >= curFrameHint)
    return Invalid("gold_frame_idx", "is not a forward reference");

  auto find_latest_backward = [&]() {
    int ref = -1, latestOrderHint = 0;
    for (int i = 0; i < NUM_REF_FRAMES; i++) {
      int hint = shiftedOrderHints[i];
      if (!usedFrame[i] && hint >= curFrameHint && (ref < 0 || hint >= latestOrderHint)) {
        ref = i;
        latestOrderHint = hint;
      }
    }
    return ref;
  };
  auto find_earliest_backward = [&]() {
    int ref = -1, earliestOrderHint = 0;
    for (int i = 0; i < NUM_REF_FRAMES; i++) {
      int hint = shiftedOrderHints[i];
      if (!usedFrame[i] && hint >= curFrameHint && (ref < 0 || hint < earliestOrderHint)) {
        ref = i;
        earliestOrderHint = hint;
      }
    }
    return ref;
  };
  auto find_latest_forward = [&]() {
    int ref = -1, latestOrderHint = 0;
    for (int i = 0; i < NUM_REF_FRAMES; i++) {
      int hint = shiftedOrderHints[i];
      if (!usedFrame[i] && hint < curFrameHint && (ref < 0 || hint >= latestOrderHint)) {
        ref = i;
        latestOrderHint = hint;
      }
    }
    return ref;
  };
  int ref = find_latest_backward();
  if (ref >= 0) {
    ref_frame_idx[ALTREF_FRAME - LAST_FRAME] = ref;
    usedFrame[ref] = 1;
  }
  ref = find_earliest_backward();
  if (ref >= 0) {
    ref_frame_idx[BWDREF_FRAME - LAST_FRAME] = ref;
    usedFrame[ref] = 1;
  }
  ref = find_earliest_backward();
  if (ref >= 0) {
    ref_frame_idx[ALTREF2_FRAME - LAST_FRAME] = ref;
    usedFrame[ref] = 1;
  }
  static constexpr int kRefFrameList[REFS_PER_FRAME - 2] = {
      LAST2_FRAME, LAST3_FRAME, BWDREF_FRAME, ALTREF2_FRAME, ALTREF_FRAME};
  for (int i = 0; i < REFS_PER_FRAME - 2; i++) {
    int refFrame = kRefFrameList[i];
    if (ref_frame_idx[refFrame - LAST_FRAME] < 0) {
      ref = find_latest_forward();
      if (ref >= 0) {
        ref_frame_idx[refFrame - LAST_FRAME] = ref;
        usedFrame[ref] = 1;
      }
    }
  }
  ref = -1;
  int earliestOrderHint = 0;
  for (int i = 0; i < NUM_REF_FRAMES; i++) {
    int hint = shiftedOrderHints[i];
    if (ref < 0 || hint < earliestOrderHint) {
      ref = i;
      earliestOrderHint = hint;
    }
  }
  for (int i = 0; i < REFS_PER_FRAME; i++)
    if (ref_frame_idx[i] < 0) ref_frame_idx[i] = ref;
  return Status::Ok();
}

// 5.9.5 frame_size()
Status Parser::FrameSize() {
  if (h_.frame_size_override_flag) {
    h_.frame_width_minus_1 = r_.f(seq_.frame_width_bits_minus_1 + 1, "frame_width_minus_1");
    h_.frame_height_minus_1 =
        r_.f(seq_.frame_height_bits_minus_1 + 1, "frame_height_minus_1");
    if (h_.frame_width_minus_1 > seq_.max_frame_width_minus_1)
      return Invalid("frame_width_minus_1", "exceeds max_frame_width_minus_1");
    if (h_.frame_height_minus_1 > seq_.max_frame_height_minus_1)
      return Invalid("frame_height_minus_1", "exceeds max_frame_height_minus_1");
    h_.FrameWidth = h_.frame_width_minus_1 + 1;
    h_.FrameHeight = h_.frame_height_minus_1 + 1;
  } else {
    h_.FrameWidth = seq_.max_frame_width_minus_1 + 1;
    h_.FrameHeight = seq_.max_frame_height_minus_1 + 1;
  }
  SuperresParams();
  ComputeImageSize();
  return CheckFrameSize();
}

Status Parser::CheckFrameSize() {
  uint64_t limit = ctx_.frame_size_limit ? ctx_.frame_size_limit : uint64_t{8192} * 8192;
  uint64_t pixels = uint64_t(h_.UpscaledWidth) * uint64_t(h_.FrameHeight);
  if (pixels > limit)
    return Status(HAV1_ERR_LIMIT, "frame_header_obu: frame size " +
                                      std::to_string(h_.UpscaledWidth) + "x" +
                                      std::to_string(h_.FrameHeight) +
                                      " exceeds the frame size limit");
  return Status::Ok();
}

// 5.9.8 superres_params()
void Parser::SuperresParams() {
  if (seq_.enable_superres)
    h_.use_superres = r_.f(1, "use_superres");
  else
    h_.use_superres = 0;
  if (h_.use_superres) {
    h_.coded_denom = r_.f(SUPERRES_DENOM_BITS, "coded_denom");
    h_.SuperresDenom = h_.coded_denom + SUPERRES_DENOM_MIN;
  } else {
    h_.SuperresDenom = SUPERRES_NUM;
  }
  h_.UpscaledWidth = h_.FrameWidth;
  h_.FrameWidth = (h_.UpscaledWidth * SUPERRES_NUM + (h_.SuperresDenom / 2)) / h_.SuperresDenom;
  // Annex A requires FrameWidth >= 16: downscaling never goes below
  // Min(16, UpscaledWidth) columns (both reference decoders, and the
  // manifest, decode dav1d-test-data 8-bit/issues/322_tennis this way).
  h_.FrameWidth = std::max(h_.FrameWidth, std::min(16, h_.UpscaledWidth));
}

// 5.9.9 compute_image_size()
void Parser::ComputeImageSize() {
  h_.MiCols = 2 * ((h_.FrameWidth + 7) >> 3);
  h_.MiRows = 2 * ((h_.FrameHeight + 7) >> 3);
}

// 5.9.6 render_size()
void Parser::RenderSize() {
  h_.render_and_frame_size_different = r_.f(1, "render_and_frame_size_different");
  if (h_.render_and_frame_size_different) {
    h_.RenderWidth = r_.f(16, "render_width_minus_1") + 1;
    h_.RenderHeight = r_.f(16, "render_height_minus_1") + 1;
  } else {
    h_.RenderWidth = h_.UpscaledWidth;
    h_.RenderHeight = h_.FrameHeight;
  }
}

// 5.9.7 frame_size_with_refs()
Status Parser::FrameSizeWithRefs() {
  int found_ref = 0;
  for (int i = 0; i < REFS_PER_FRAME; i++) {
    found_ref = r_.f(1, SyntaxName("found_ref", i));
    if (found_ref == 1) {
      const RefSlot& s = Slot(h_.ref_frame_idx[i]);
      h_.UpscaledWidth = s.RefUpscaledWidth;
      h_.FrameWidth = h_.UpscaledWidth;
      h_.FrameHeight = s.RefFrameHeight;
      h_.RenderWidth = s.RefRenderWidth;
      h_.RenderHeight = s.RefRenderHeight;
      break;
    }
  }
  h_.found_ref = found_ref;
  if (found_ref == 0) {
    HAV1_RETURN_IF_ERROR(FrameSize());
    RenderSize();
  } else {
    if (h_.FrameWidth > seq_.max_frame_width_minus_1 + 1 ||
        h_.FrameHeight > seq_.max_frame_height_minus_1 + 1)
      return Invalid("found_ref", "reference larger than the sequence maximum");
    SuperresParams();
    ComputeImageSize();
    HAV1_RETURN_IF_ERROR(CheckFrameSize());
  }
  return Status::Ok();
}

// 6.8.6: the reference frames' sizes must be usable for scaling.
Status Parser::CheckRefSizes() {
  for (int i = 0; i < REFS_PER_FRAME; i++) {
    const RefSlot& s = Slot(h_.ref_frame_idx[i]);
    if (2 * h_.FrameWidth < s.RefUpscaledWidth || 2 * h_.FrameHeight < s.RefFrameHeight ||
        h_.FrameWidth > 16 * s.RefUpscaledWidth || h_.FrameHeight > 16 * s.RefFrameHeight)
      return Invalid("ref_frame_idx", "[" + std::to_string(i) +
                                          "] has a size that cannot be scaled to this frame");
    if (s.RefBitDepth != cc_.BitDepth || s.RefSubsamplingX != cc_.subsampling_x ||
        s.RefSubsamplingY != cc_.subsampling_y)
      return Invalid("ref_frame_idx", "[" + std::to_string(i) +
                                          "] differs in bit depth or subsampling");
  }
  return Status::Ok();
}

// 5.9.10 read_interpolation_filter()
void Parser::ReadInterpolationFilter() {
  h_.is_filter_switchable = r_.f(1, "is_filter_switchable");
  if (h_.is_filter_switchable)
    h_.interpolation_filter = SWITCHABLE;
  else
    h_.interpolation_filter = r_.f(2, "interpolation_filter");
}

// 6.8.2 setup_past_independence() (header-level parts)
void Parser::SetupPastIndependence() {
  SegmentationParams& sp = h_.segmentation_params;
  std::memset(sp.FeatureData, 0, sizeof(sp.FeatureData));
  std::memset(sp.FeatureEnabled, 0, sizeof(sp.FeatureEnabled));
  for (int ref = LAST_FRAME; ref <= ALTREF_FRAME; ref++)
    for (int i = 0; i < 6; i++)
      PrevGmParams_[ref][i] = (i % 3 == 2) ? 1 << WARPEDMODEL_PREC_BITS : 0;
  LoopFilterParams& lf = h_.loop_filter_params;
  lf.loop_filter_delta_enabled = 1;
  static constexpr int kDefaultRefDeltas[TOTAL_REFS_PER_FRAME] = {1, 0, 0, 0, -1, 0, -1, -1};
  std::memcpy(lf.loop_filter_ref_deltas, kDefaultRefDeltas, sizeof(kDefaultRefDeltas));
  lf.loop_filter_mode_deltas[0] = 0;
  lf.loop_filter_mode_deltas[1] = 0;
}

// 6.8.2 load_previous()
void Parser::LoadPrevious() {
  const RefSlot& s = Slot(h_.ref_frame_idx[h_.primary_ref_frame]);
  std::memcpy(PrevGmParams_, s.SavedGmParams, sizeof(PrevGmParams_));
  LoopFilterParams& lf = h_.loop_filter_params;
  std::memcpy(lf.loop_filter_ref_deltas, s.loop_filter_ref_deltas,
              sizeof(lf.loop_filter_ref_deltas));
  std::memcpy(lf.loop_filter_mode_deltas, s.loop_filter_mode_deltas,
              sizeof(lf.loop_filter_mode_deltas));
  SegmentationParams& sp = h_.segmentation_params;
  std::memcpy(sp.FeatureEnabled, s.FeatureEnabled, sizeof(sp.FeatureEnabled));
  std::memcpy(sp.FeatureData, s.FeatureData, sizeof(sp.FeatureData));
}

// 5.9.15 tile_info()
Status Parser::TileInfoSyntax() {
  TileInfo& t = h_.tile_info;
  const int MiCols = h_.MiCols, MiRows = h_.MiRows;
  const int sb128 = seq_.use_128x128_superblock;
  int sbCols = sb128 ? ((MiCols + 31) >> 5) : ((MiCols + 15) >> 4);
  int sbRows = sb128 ? ((MiRows + 31) >> 5) : ((MiRows + 15) >> 4);
  int sbShift = sb128 ? 5 : 4;
  int sbSize = sbShift + 2;
  int maxTileWidthSb = MAX_TILE_WIDTH >> sbSize;
  int maxTileAreaSb = MAX_TILE_AREA >> (2 * sbSize);
  int minLog2TileCols = TileLog2(maxTileWidthSb, sbCols);
  int maxLog2TileCols = TileLog2(1, std::min(sbCols, MAX_TILE_COLS));
  int maxLog2TileRows = TileLog2(1, std::min(sbRows, MAX_TILE_ROWS));
  int minLog2Tiles = std::max(minLog2TileCols, TileLog2(maxTileAreaSb, sbRows * sbCols));

  t.uniform_tile_spacing_flag = r_.f(1, "uniform_tile_spacing_flag");
  if (t.uniform_tile_spacing_flag) {
    t.TileColsLog2 = minLog2TileCols;
    while (t.TileColsLog2 < maxLog2TileCols) {
      if (r_.f(1, "increment_tile_cols_log2") == 1)
        t.TileColsLog2++;
      else
        break;
    }
    r_.Trace("TileColsLog2", t.TileColsLog2);
    int tileWidthSb = (sbCols + (1 << t.TileColsLog2) - 1) >> t.TileColsLog2;
    int i = 0;
    for (int startSb = 0; startSb < sbCols; startSb += tileWidthSb) {
      if (i >= MAX_TILE_COLS) return Invalid("tile_info", "too many tile columns");
      t.MiColStarts[i] = startSb << sbShift;
      i += 1;
    }
    t.MiColStarts[i] = MiCols;
    t.TileCols = i;

    int minLog2TileRows = std::max(minLog2Tiles - t.TileColsLog2, 0);
    t.TileRowsLog2 = minLog2TileRows;
    while (t.TileRowsLog2 < maxLog2TileRows) {
      if (r_.f(1, "increment_tile_rows_log2") == 1)
        t.TileRowsLog2++;
      else
        break;
    }
    r_.Trace("TileRowsLog2", t.TileRowsLog2);
    int tileHeightSb = (sbRows + (1 << t.TileRowsLog2) - 1) >> t.TileRowsLog2;
    i = 0;
    for (int startSb = 0; startSb < sbRows; startSb += tileHeightSb) {
      if (i >= MAX_TILE_ROWS) return Invalid("tile_info", "too many tile rows");
      t.MiRowStarts[i] = startSb << sbShift;
      i += 1;
    }
    t.MiRowStarts[i] = MiRows;
    t.TileRows = i;
    if (tileWidthSb > maxTileWidthSb)
      return Invalid("tile_info", "tile wider than MAX_TILE_WIDTH");
    if (tileWidthSb * tileHeightSb > maxTileAreaSb)
      return Invalid("tile_info", "tile area exceeds MAX_TILE_AREA");
  } else {
    int widestTileSb = 0;
    int startSb = 0;
    int i;
    for (i = 0; startSb < sbCols; i++) {
      if (i >= MAX_TILE_COLS) return Invalid("width_in_sbs_minus_1", "too many tile columns");
      t.MiColStarts[i] = startSb << sbShift;
      int maxWidth = std::min(sbCols - startSb, maxTileWidthSb);
      int width_in_sbs_minus_1 = r_.ns(maxWidth, SyntaxName("width_in_sbs_minus_1", i));
      int sizeSb = width_in_sbs_minus_1 + 1;
      widestTileSb = std::max(sizeSb, widestTileSb);
      startSb += sizeSb;
    }
    t.MiColStarts[i] = MiCols;
    t.TileCols = i;
    t.TileColsLog2 = TileLog2(1, t.TileCols);

    if (minLog2Tiles > 0)
      maxTileAreaSb = (sbRows * sbCols) >> (minLog2Tiles + 1);
    else
      maxTileAreaSb = sbRows * sbCols;
    int maxTileHeightSb = std::max(maxTileAreaSb / widestTileSb, 1);

    startSb = 0;
    for (i = 0; startSb < sbRows; i++) {
      if (i >= MAX_TILE_ROWS) return Invalid("height_in_sbs_minus_1", "too many tile rows");
      t.MiRowStarts[i] = startSb << sbShift;
      int maxHeight = std::min(sbRows - startSb, maxTileHeightSb);
      int height_in_sbs_minus_1 = r_.ns(maxHeight, SyntaxName("height_in_sbs_minus_1", i));
      int sizeSb = height_in_sbs_minus_1 + 1;
      startSb += sizeSb;
    }
    t.MiRowStarts[i] = MiRows;
    t.TileRows = i;
    t.TileRowsLog2 = TileLog2(1, t.TileRows);
  }
  if (t.TileColsLog2 > 0 || t.TileRowsLog2 > 0) {
    t.context_update_tile_id = r_.f(t.TileRowsLog2 + t.TileColsLog2, "context_update_tile_id");
    t.tile_size_bytes_minus_1 = r_.f(2, "tile_size_bytes_minus_1");
    t.TileSizeBytes = t.tile_size_bytes_minus_1 + 1;
    if (t.context_update_tile_id >= t.TileCols * t.TileRows)
      return Invalid("context_update_tile_id", "not less than the number of tiles");
  } else {
    t.context_update_tile_id = 0;
  }
  return Status::Ok();
}

// 5.9.13 read_delta_q()
int Parser::ReadDeltaQ() {
  int delta_q = 0;
  if (r_.f(1, "delta_coded")) delta_q = r_.su(1 + 6, "delta_q");
  return delta_q;
}

// 5.9.12 quantization_params()
void Parser::QuantizationParamsSyntax() {
  QuantizationParams& q = h_.quantization_params;
  q.base_q_idx = r_.f(8, "base_q_idx");
  q.DeltaQYDc = ReadDeltaQ();
  if (cc_.NumPlanes > 1) {
    if (cc_.separate_uv_delta_q)
      q.diff_uv_delta = r_.f(1, "diff_uv_delta");
    else
      q.diff_uv_delta = 0;
    q.DeltaQUDc = ReadDeltaQ();
    q.DeltaQUAc = ReadDeltaQ();
    if (q.diff_uv_delta) {
      q.DeltaQVDc = ReadDeltaQ();
      q.DeltaQVAc = ReadDeltaQ();
    } else {
      q.DeltaQVDc = q.DeltaQUDc;
      q.DeltaQVAc = q.DeltaQUAc;
    }
  } else {
    q.DeltaQUDc = q.DeltaQUAc = q.DeltaQVDc = q.DeltaQVAc = 0;
  }
  q.using_qmatrix = r_.f(1, "using_qmatrix");
  if (q.using_qmatrix) {
    q.qm_y = r_.f(4, "qm_y");
    q.qm_u = r_.f(4, "qm_u");
    if (!cc_.separate_uv_delta_q)
      q.qm_v = q.qm_u;
    else
      q.qm_v = r_.f(4, "qm_v");
  }
}

// 5.9.14 segmentation_params()
void Parser::SegmentationParamsSyntax() {
  SegmentationParams& sp = h_.segmentation_params;
  sp.segmentation_enabled = r_.f(1, "segmentation_enabled");
  if (sp.segmentation_enabled) {
    if (h_.primary_ref_frame == PRIMARY_REF_NONE) {
      sp.segmentation_update_map = 1;
      sp.segmentation_temporal_update = 0;
      sp.segmentation_update_data = 1;
    } else {
      sp.segmentation_update_map = r_.f(1, "segmentation_update_map");
      if (sp.segmentation_update_map == 1)
        sp.segmentation_temporal_update = r_.f(1, "segmentation_temporal_update");
      sp.segmentation_update_data = r_.f(1, "segmentation_update_data");
    }
    if (sp.segmentation_update_data == 1) {
      for (int i = 0; i < MAX_SEGMENTS; i++) {
        for (int j = 0; j < SEG_LVL_MAX; j++) {
          int feature_enabled = r_.f(1, SyntaxName("feature_enabled", i, j));
          sp.FeatureEnabled[i][j] = feature_enabled;
          int clippedValue = 0;
          if (feature_enabled) {
            int bitsToRead = kSegmentationFeatureBits[j];
            int limit = kSegmentationFeatureMax[j];
            if (kSegmentationFeatureSigned[j]) {
              int feature_value = r_.su(1 + bitsToRead, SyntaxName("feature_value", i, j));
              clippedValue = Clip3(-limit, limit, feature_value);
            } else {
              int feature_value = r_.f(bitsToRead, SyntaxName("feature_value", i, j));
              clippedValue = Clip3(0, limit, feature_value);
            }
          }
          sp.FeatureData[i][j] = clippedValue;
        }
      }
    }
  } else {
    std::memset(sp.FeatureEnabled, 0, sizeof(sp.FeatureEnabled));
    std::memset(sp.FeatureData, 0, sizeof(sp.FeatureData));
  }
  sp.SegIdPreSkip = 0;
  sp.LastActiveSegId = 0;
  for (int i = 0; i < MAX_SEGMENTS; i++) {
    for (int j = 0; j < SEG_LVL_MAX; j++) {
      if (sp.FeatureEnabled[i][j]) {
        sp.LastActiveSegId = i;
        if (j >= SEG_LVL_REF_FRAME) sp.SegIdPreSkip = 1;
      }
    }
  }
}

// 5.9.17 delta_q_params()
void Parser::DeltaQParams() {
  DeltaParams& d = h_.delta_params;
  d.delta_q_res = 0;
  d.delta_q_present = 0;
  if (h_.quantization_params.base_q_idx > 0) d.delta_q_present = r_.f(1, "delta_q_present");
  if (d.delta_q_present) d.delta_q_res = r_.f(2, "delta_q_res");
}

// 5.9.18 delta_lf_params()
void Parser::DeltaLfParams() {
  DeltaParams& d = h_.delta_params;
  d.delta_lf_present = 0;
  d.delta_lf_res = 0;
  d.delta_lf_multi = 0;
  if (d.delta_q_present) {
    if (!h_.allow_intrabc) d.delta_lf_present = r_.f(1, "delta_lf_present");
    if (d.delta_lf_present) {
      d.delta_lf_res = r_.f(2, "delta_lf_res");
      d.delta_lf_multi = r_.f(1, "delta_lf_multi");
    }
  }
}

// 7.12.2 get_qindex( 1, segmentId )
int Parser::GetQIndexIgnoreDeltaQ(int segmentId) const {
  const SegmentationParams& sp = h_.segmentation_params;
  int base = h_.quantization_params.base_q_idx;
  if (sp.segmentation_enabled && sp.FeatureEnabled[segmentId][SEG_LVL_ALT_Q]) {
    int data = sp.FeatureData[segmentId][SEG_LVL_ALT_Q];
    return Clip3(0, 255, base + data);
  }
  return base;
}

// 5.9.11 loop_filter_params()
void Parser::LoopFilterParamsSyntax() {
  LoopFilterParams& lf = h_.loop_filter_params;
  if (h_.CodedLossless || h_.allow_intrabc) {
    lf.loop_filter_level[0] = 0;
    lf.loop_filter_level[1] = 0;
    static constexpr int kDefaultRefDeltas[TOTAL_REFS_PER_FRAME] = {1, 0, 0, 0, -1, 0, -1, -1};
    std::memcpy(lf.loop_filter_ref_deltas, kDefaultRefDeltas, sizeof(kDefaultRefDeltas));
    lf.loop_filter_mode_deltas[0] = lf.loop_filter_mode_deltas[1] = 0;
    return;
  }
  lf.loop_filter_level[0] = r_.f(6, SyntaxName("loop_filter_level", 0));
  lf.loop_filter_level[1] = r_.f(6, SyntaxName("loop_filter_level", 1));
  if (cc_.NumPlanes > 1) {
    if (lf.loop_filter_level[0] || lf.loop_filter_level[1]) {
      lf.loop_filter_level[2] = r_.f(6, SyntaxName("loop_filter_level", 2));
      lf.loop_filter_level[3] = r_.f(6, SyntaxName("loop_filter_level", 3));
    }
  }
  lf.loop_filter_sharpness = r_.f(3, "loop_filter_sharpness");
  lf.loop_filter_delta_enabled = r_.f(1, "loop_filter_delta_enabled");
  if (lf.loop_filter_delta_enabled) {
    lf.loop_filter_delta_update = r_.f(1, "loop_filter_delta_update");
    if (lf.loop_filter_delta_update) {
      for (int i = 0; i < TOTAL_REFS_PER_FRAME; i++) {
        if (r_.f(1, SyntaxName("update_ref_delta", i)))
          lf.loop_filter_ref_deltas[i] = r_.su(1 + 6, SyntaxName("loop_filter_ref_deltas", i));
      }
      for (int i = 0; i < 2; i++) {
        if (r_.f(1, SyntaxName("update_mode_delta", i)))
          lf.loop_filter_mode_deltas[i] = r_.su(1 + 6, SyntaxName("loop_filter_mode_deltas", i));
      }
    }
  }
}

// 5.9.19 cdef_params()
void Parser::CdefParamsSyntax() {
  CdefParams& c = h_.cdef_params;
  if (h_.CodedLossless || h_.allow_intrabc || !seq_.enable_cdef) {
    c.cdef_bits = 0;
    c.cdef_y_pri_strength[0] = c.cdef_y_sec_strength[0] = 0;
    c.cdef_uv_pri_strength[0] = c.cdef_uv_sec_strength[0] = 0;
    c.CdefDamping = 3;
    return;
  }
  c.cdef_damping_minus_3 = r_.f(2, "cdef_damping_minus_3");
  c.CdefDamping = c.cdef_damping_minus_3 + 3;
  c.cdef_bits = r_.f(2, "cdef_bits");
  for (int i = 0; i < (1 << c.cdef_bits); i++) {
    c.cdef_y_pri_strength[i] = r_.f(4, SyntaxName("cdef_y_pri_strength", i));
    c.cdef_y_sec_strength[i] = r_.f(2, SyntaxName("cdef_y_sec_strength", i));
    if (c.cdef_y_sec_strength[i] == 3) c.cdef_y_sec_strength[i] += 1;
    if (cc_.NumPlanes > 1) {
      c.cdef_uv_pri_strength[i] = r_.f(4, SyntaxName("cdef_uv_pri_strength", i));
      c.cdef_uv_sec_strength[i] = r_.f(2, SyntaxName("cdef_uv_sec_strength", i));
      if (c.cdef_uv_sec_strength[i] == 3) c.cdef_uv_sec_strength[i] += 1;
    }
  }
}

// 5.9.20 lr_params()
void Parser::LrParamsSyntax() {
  LrParams& lr = h_.lr_params;
  if (h_.AllLossless || h_.allow_intrabc || !seq_.enable_restoration) {
    lr.FrameRestorationType[0] = lr.FrameRestorationType[1] = lr.FrameRestorationType[2] =
        RESTORE_NONE;
    lr.UsesLr = 0;
    return;
  }
  lr.UsesLr = 0;
  int usesChromaLr = 0;
  for (int i = 0; i < cc_.NumPlanes; i++) {
    lr.lr_type[i] = r_.f(2, SyntaxName("lr_type", i));
    lr.FrameRestorationType[i] = kRemapLrType[lr.lr_type[i]];
    if (lr.FrameRestorationType[i] != RESTORE_NONE) {
      lr.UsesLr = 1;
      if (i > 0) usesChromaLr = 1;
    }
  }
  if (lr.UsesLr) {
    if (seq_.use_128x128_superblock) {
      // Traced with its final value (lr_unit_shift++), as ffmpeg does.
      lr.lr_unit_shift = r_.Read(1) + 1;
      r_.Trace("lr_unit_shift", lr.lr_unit_shift);
    } else {
      // Traced as one value, lr_unit_shift + lr_unit_extra_shift (ffmpeg).
      lr.lr_unit_shift = r_.Read(1);
      if (lr.lr_unit_shift) {
        lr.lr_unit_extra_shift = r_.Read(1);
        lr.lr_unit_shift += lr.lr_unit_extra_shift;
      }
      r_.Trace("lr_unit_shift", lr.lr_unit_shift);
    }
    lr.LoopRestorationSize[0] = RESTORATION_TILESIZE_MAX >> (2 - lr.lr_unit_shift);
    if (cc_.subsampling_x && cc_.subsampling_y && usesChromaLr)
      lr.lr_uv_shift = r_.f(1, "lr_uv_shift");
    else
      lr.lr_uv_shift = 0;
    lr.LoopRestorationSize[1] = lr.LoopRestorationSize[0] >> lr.lr_uv_shift;
    lr.LoopRestorationSize[2] = lr.LoopRestorationSize[0] >> lr.lr_uv_shift;
  }
}

// 5.9.21 read_tx_mode()
void Parser::ReadTxMode() {
  if (h_.CodedLossless == 1) {
    h_.TxMode = ONLY_4X4;
  } else {
    h_.tx_mode_select = r_.f(1, "tx_mode_select");
    h_.TxMode = h_.tx_mode_select ? TX_MODE_SELECT : TX_MODE_LARGEST;
  }
}

// 5.9.23 frame_reference_mode()
void Parser::FrameReferenceMode() {
  if (h_.FrameIsIntra)
    h_.reference_select = 0;
  else
    h_.reference_select = r_.f(1, "reference_select");
}

// 5.9.22 skip_mode_params()
void Parser::SkipModeParams() {
  int skipModeAllowed = 0;
  if (h_.FrameIsIntra || !h_.reference_select || !seq_.enable_order_hint) {
    skipModeAllowed = 0;
  } else {
    int forwardIdx = -1, backwardIdx = -1;
    int forwardHint = 0, backwardHint = 0;
    for (int i = 0; i < REFS_PER_FRAME; i++) {
      int refHint = RefOrderHint_[h_.ref_frame_idx[i]];
      if (RelDist(refHint, h_.OrderHint) < 0) {
        if (forwardIdx < 0 || RelDist(refHint, forwardHint) > 0) {
          forwardIdx = i;
          forwardHint = refHint;
        }
      } else if (RelDist(refHint, h_.OrderHint) > 0) {
        if (backwardIdx < 0 || RelDist(refHint, backwardHint) < 0) {
          backwardIdx = i;
          backwardHint = refHint;
        }
      }
    }
    if (forwardIdx < 0) {
      skipModeAllowed = 0;
    } else if (backwardIdx >= 0) {
      skipModeAllowed = 1;
      h_.SkipModeFrame[0] = LAST_FRAME + std::min(forwardIdx, backwardIdx);
      h_.SkipModeFrame[1] = LAST_FRAME + std::max(forwardIdx, backwardIdx);
    } else {
      int secondForwardIdx = -1, secondForwardHint = 0;
      for (int i = 0; i < REFS_PER_FRAME; i++) {
        int refHint = RefOrderHint_[h_.ref_frame_idx[i]];
        if (RelDist(refHint, forwardHint) < 0) {
          if (secondForwardIdx < 0 || RelDist(refHint, secondForwardHint) > 0) {
            secondForwardIdx = i;
            secondForwardHint = refHint;
          }
        }
      }
      if (secondForwardIdx < 0) {
        skipModeAllowed = 0;
      } else {
        skipModeAllowed = 1;
        h_.SkipModeFrame[0] = LAST_FRAME + std::min(forwardIdx, secondForwardIdx);
        h_.SkipModeFrame[1] = LAST_FRAME + std::max(forwardIdx, secondForwardIdx);
      }
    }
  }
  h_.skipModeAllowed = skipModeAllowed;
  if (skipModeAllowed)
    h_.skip_mode_present = r_.f(1, "skip_mode_present");
  else
    h_.skip_mode_present = 0;
}

// 5.9.24 global_motion_params()
void Parser::GlobalMotionParams() {
  for (int ref = LAST_FRAME; ref <= ALTREF_FRAME; ref++) {
    h_.GmType[ref] = IDENTITY;
    for (int i = 0; i < 6; i++)
      h_.gm_params[ref][i] = (i % 3 == 2) ? 1 << WARPEDMODEL_PREC_BITS : 0;
  }
  if (h_.FrameIsIntra) return;
  for (int ref = LAST_FRAME; ref <= ALTREF_FRAME; ref++) {
    int type;
    if (r_.f(1, SyntaxName("is_global", ref))) {
      if (r_.f(1, SyntaxName("is_rot_zoom", ref))) {
        type = ROTZOOM;
      } else {
        type = r_.f(1, SyntaxName("is_translation", ref)) ? TRANSLATION : AFFINE;
      }
    } else {
      type = IDENTITY;
    }
    h_.GmType[ref] = type;
    if (type >= ROTZOOM) {
      ReadGlobalParam(type, ref, 2);
      ReadGlobalParam(type, ref, 3);
      if (type == AFFINE) {
        ReadGlobalParam(type, ref, 4);
        ReadGlobalParam(type, ref, 5);
      } else {
        h_.gm_params[ref][4] = -h_.gm_params[ref][3];
        h_.gm_params[ref][5] = h_.gm_params[ref][2];
      }
    }
    if (type >= TRANSLATION) {
      ReadGlobalParam(type, ref, 0);
      ReadGlobalParam(type, ref, 1);
    }
  }
}

// 5.9.25 read_global_param()
void Parser::ReadGlobalParam(int type, int ref, int idx) {
  int absBits = GM_ABS_ALPHA_BITS;
  int precBits = GM_ALPHA_PREC_BITS;
  if (idx < 2) {
    if (type == TRANSLATION) {
      absBits = GM_ABS_TRANS_ONLY_BITS - !h_.allow_high_precision_mv;
      precBits = GM_TRANS_ONLY_PREC_BITS - !h_.allow_high_precision_mv;
    } else {
      absBits = GM_ABS_TRANS_BITS;
      precBits = GM_TRANS_PREC_BITS;
    }
  }
  int precDiff = WARPEDMODEL_PREC_BITS - precBits;
  int round = (idx % 3) == 2 ? (1 << WARPEDMODEL_PREC_BITS) : 0;
  int sub = (idx % 3) == 2 ? (1 << precBits) : 0;
  int mx = 1 << absBits;
  int r = (PrevGmParams_[ref][idx] >> precDiff) - sub;
  int v = DecodeSignedSubexpWithRef(-mx, mx + 1, r, ref, idx);
  h_.gm_params[ref][idx] = static_cast<int32_t>(static_cast<uint32_t>(v) << precDiff) + round;
  r_.Trace(SyntaxName("gm_params", ref, idx), h_.gm_params[ref][idx]);
}

// 5.9.26 decode_signed_subexp_with_ref()
int Parser::DecodeSignedSubexpWithRef(int low, int high, int r, int ref, int idx) {
  int x = DecodeUnsignedSubexpWithRef(high - low, r - low, ref, idx);
  return x + low;
}

// 5.9.27 decode_unsigned_subexp_with_ref()
int Parser::DecodeUnsignedSubexpWithRef(int mx, int r, int ref, int idx) {
  int v = DecodeSubexp(mx, ref, idx);
  // r is outside 0..mx-1 only for broken reference parameters: clamp so
  // the result stays in range.
  r = Clip3(0, mx - 1, r);
  auto inverse_recenter = [](int rr, int vv) {
    if (vv > 2 * rr) return vv;
    if (vv & 1) return rr - ((vv + 1) >> 1);
    return rr + (vv >> 1);
  };
  if ((r << 1) <= mx) return inverse_recenter(r, v);
  return mx - 1 - inverse_recenter(mx - 1 - r, v);
}

// 5.9.28 decode_subexp()
int Parser::DecodeSubexp(int numSyms, int ref, int idx) {
  int v = DecodeSubexpBits(numSyms, ref, idx);
  // The function's result is traced too (ffmpeg reports it as gm_params).
  r_.Trace(SyntaxName("decode_subexp", ref, idx), v);
  return v;
}

int Parser::DecodeSubexpBits(int numSyms, int ref, int idx) {
  int i = 0, mk = 0, k = 3;
  while (true) {
    int b2 = i ? k + i - 1 : k;
    int a = 1 << b2;
    if (numSyms <= mk + 3 * a) {
      int subexp_final_bits =
          r_.ns(numSyms - mk, SyntaxName("subexp_final_bits", ref, idx));
      return subexp_final_bits + mk;
    }
    if (r_.f(1, SyntaxName("subexp_more_bits", ref, idx))) {
      i++;
      mk += a;
    } else {
      int subexp_bits = r_.f(b2, SyntaxName("subexp_bits", ref, idx));
      return subexp_bits + mk;
    }
  }
}

// 6.8.20 load_grain_params()
void Parser::LoadGrainParams(int idx) { h_.film_grain_params = Slot(idx).grain_params; }

// 5.9.30 film_grain_params()
Status Parser::FilmGrainParamsSyntax() {
  FilmGrainParams& g = h_.film_grain_params;
  if (!seq_.film_grain_params_present || (!h_.show_frame && !h_.showable_frame)) {
    g = FilmGrainParams();
    return Status::Ok();
  }
  g.apply_grain = r_.f(1, "apply_grain");
  if (!g.apply_grain) {
    g = FilmGrainParams();
    return Status::Ok();
  }
  g.grain_seed = r_.f(16, "grain_seed");
  if (h_.frame_type == INTER_FRAME)
    g.update_grain = r_.f(1, "update_grain");
  else
    g.update_grain = 1;
  if (!g.update_grain) {
    g.film_grain_params_ref_idx = r_.f(3, "film_grain_params_ref_idx");
    bool found = false;
    for (int j = 0; j < REFS_PER_FRAME; j++)
      if (h_.ref_frame_idx[j] == g.film_grain_params_ref_idx) found = true;
    if (!found) return Invalid("film_grain_params_ref_idx", "is not one of ref_frame_idx");
    int tempGrainSeed = g.grain_seed;
    int ref_idx = g.film_grain_params_ref_idx;
    LoadGrainParams(ref_idx);
    g.grain_seed = tempGrainSeed;
    // load_grain_params loads every syntax element of film_grain_params
    // (apply_grain included); keep the signalled update_grain and
    // film_grain_params_ref_idx for the trace and the public info.
    g.update_grain = 0;
    g.film_grain_params_ref_idx = ref_idx;
    return Status::Ok();
  }
  g.num_y_points = r_.f(4, "num_y_points");
  if (g.num_y_points > 14) return Invalid("num_y_points", "> 14");
  for (int i = 0; i < g.num_y_points; i++) {
    g.point_y_value[i] = r_.f(8, SyntaxName("point_y_value", i));
    g.point_y_scaling[i] = r_.f(8, SyntaxName("point_y_scaling", i));
    if (i > 0 && g.point_y_value[i] <= g.point_y_value[i - 1])
      return Invalid("point_y_value", "not increasing");
  }
  if (cc_.mono_chrome)
    g.chroma_scaling_from_luma = 0;
  else
    g.chroma_scaling_from_luma = r_.f(1, "chroma_scaling_from_luma");
  if (cc_.mono_chrome || g.chroma_scaling_from_luma ||
      (cc_.subsampling_x == 1 && cc_.subsampling_y == 1 && g.num_y_points == 0)) {
    g.num_cb_points = 0;
    g.num_cr_points = 0;
  } else {
    g.num_cb_points = r_.f(4, "num_cb_points");
    if (g.num_cb_points > 10) return Invalid("num_cb_points", "> 10");
    for (int i = 0; i < g.num_cb_points; i++) {
      g.point_cb_value[i] = r_.f(8, SyntaxName("point_cb_value", i));
      g.point_cb_scaling[i] = r_.f(8, SyntaxName("point_cb_scaling", i));
      if (i > 0 && g.point_cb_value[i] <= g.point_cb_value[i - 1])
        return Invalid("point_cb_value", "not increasing");
    }
    g.num_cr_points = r_.f(4, "num_cr_points");
    if (g.num_cr_points > 10) return Invalid("num_cr_points", "> 10");
    for (int i = 0; i < g.num_cr_points; i++) {
      g.point_cr_value[i] = r_.f(8, SyntaxName("point_cr_value", i));
      g.point_cr_scaling[i] = r_.f(8, SyntaxName("point_cr_scaling", i));
      if (i > 0 && g.point_cr_value[i] <= g.point_cr_value[i - 1])
        return Invalid("point_cr_value", "not increasing");
    }
    if (cc_.subsampling_x == 1 && cc_.subsampling_y == 1 &&
        ((g.num_cb_points == 0) != (g.num_cr_points == 0)))
      return Invalid("num_cr_points", "must be zero exactly when num_cb_points is (4:2:0)");
  }
  g.grain_scaling_minus_8 = r_.f(2, "grain_scaling_minus_8");
  g.ar_coeff_lag = r_.f(2, "ar_coeff_lag");
  int numPosLuma = 2 * g.ar_coeff_lag * (g.ar_coeff_lag + 1);
  int numPosChroma;
  if (g.num_y_points) {
    numPosChroma = numPosLuma + 1;
    for (int i = 0; i < numPosLuma; i++)
      g.ar_coeffs_y_plus_128[i] = r_.f(8, SyntaxName("ar_coeffs_y_plus_128", i));
  } else {
    numPosChroma = numPosLuma;
  }
  if (g.chroma_scaling_from_luma || g.num_cb_points)
    for (int i = 0; i < numPosChroma; i++)
      g.ar_coeffs_cb_plus_128[i] = r_.f(8, SyntaxName("ar_coeffs_cb_plus_128", i));
  if (g.chroma_scaling_from_luma || g.num_cr_points)
    for (int i = 0; i < numPosChroma; i++)
      g.ar_coeffs_cr_plus_128[i] = r_.f(8, SyntaxName("ar_coeffs_cr_plus_128", i));
  g.ar_coeff_shift_minus_6 = r_.f(2, "ar_coeff_shift_minus_6");
  g.grain_scale_shift = r_.f(2, "grain_scale_shift");
  if (g.num_cb_points) {
    g.cb_mult = r_.f(8, "cb_mult");
    g.cb_luma_mult = r_.f(8, "cb_luma_mult");
    g.cb_offset = r_.f(9, "cb_offset");
  }
  if (g.num_cr_points) {
    g.cr_mult = r_.f(8, "cr_mult");
    g.cr_luma_mult = r_.f(8, "cr_luma_mult");
    g.cr_offset = r_.f(9, "cr_offset");
  }
  g.overlap_flag = r_.f(1, "overlap_flag");
  g.clip_to_restricted_range = r_.f(1, "clip_to_restricted_range");
  return Status::Ok();
}

}  // namespace

Status ParseUncompressedHeader(BitReader& r, const FrameHeaderContext& ctx, FrameHeader* h) {
  const int tid = h->temporal_id, sid = h->spatial_id;
  *h = FrameHeader();
  h->temporal_id = tid;
  h->spatial_id = sid;
  Parser p(r, ctx, h);
  return p.Run();
}

}  // namespace hav1
