// CONTRACT (lead): the blending steps of inter prediction (spec 7.11.3.10
// overlap blending, 7.11.3.11 wedge mask, 7.11.3.12 difference weight mask,
// 7.11.3.13 intra mode variant mask, 7.11.3.14 mask blend, 7.11.3.15
// distance weights).  Pure functions on caller-owned arrays; the inter
// predictor (src/recon/inter_pred.*) calls them.
//
// preds: the spec's preds[ refList ][ i ][ j ] of 7.11.3.4 / 7.11.3.5
// (before InterPostRound), int32, row stride pred_stride.  Mask: uint8
// weights 0..64, row stride mask_stride.
#ifndef HAV1_SRC_RECON_INTER_MASKS_H_
#define HAV1_SRC_RECON_INTER_MASKS_H_

#include <cstddef>
#include <cstdint>

#include "src/bitstream/frame_header.h"
#include "src/bitstream/sequence_header.h"

namespace hav1::recon {

// 7.11.3.11 wedge mask process: Mask[ i ][ j ] = WedgeMasks[ mi_size ]
// [ wedge_sign ][ wedge_index ][ i ][ j ] for i < h, j < w (w, h: the luma
// block size).  WedgeMasks is built once per process on first use
// (initialise_wedge_mask_table) and is immutable afterwards.  Returns false
// when mi_size has no wedge codebook (the caller treats it as bad data).
bool WedgeMask(int mi_size, int wedge_sign, int wedge_index, int w, int h, uint8_t* mask,
               ptrdiff_t mask_stride);

// 7.11.3.12 difference weight mask process (luma, w x h).
void DifferenceWeightMask(const int32_t* pred0, const int32_t* pred1, ptrdiff_t pred_stride,
                          int w, int h, int mask_type, int bitdepth, int inter_post_round,
                          uint8_t* mask, ptrdiff_t mask_stride);

// 7.11.3.13 intra mode variant mask process (w x h of the current plane).
void IntraModeVariantMask(int interintra_mode, int w, int h, uint8_t* mask,
                          ptrdiff_t mask_stride);

// 7.11.3.14 mask blend process for one plane: dst is CurrFrame[ plane ] at
// ( dstX, dstY ).  sub_x / sub_y: the plane's subsampling (0 for luma).
// interintra / wedge_interintra: the block's values.  For inter-intra, dst
// holds the intra prediction on entry and pred1 is unused.
template <typename Pixel>
void MaskBlend(const int32_t* pred0, const int32_t* pred1, ptrdiff_t pred_stride,
               const uint8_t* mask, ptrdiff_t mask_stride, int sub_x, int sub_y, bool interintra,
               bool wedge_interintra, int w, int h, int bitdepth, int inter_post_round,
               Pixel* dst, ptrdiff_t dst_stride);

// 7.11.3.10 overlap blending process: pass 0 blends from above (mask by
// row), pass 1 from the left (mask by column).  mask: the Obmc_Mask_* table
// for the blend length (see ObmcMask).
template <typename Pixel>
void OverlapBlend(const Pixel* obmc_pred, ptrdiff_t obmc_stride, int pred_w, int pred_h,
                  int pass, const uint8_t* mask, Pixel* dst, ptrdiff_t dst_stride);

// The mask of 7.11.3.9 for a blend length of len samples (1, 2, 4, 8, 16
// or 32: Obmc_Mask_1 .. Obmc_Mask_32); NULL for other lengths.
const uint8_t* ObmcMask(int len);

// 7.11.3.15 distance weights process for a block with RefFrame[ 0..1 ] =
// ref_frame: FwdWeight, BckWeight.
void DistanceWeights(const SequenceHeader& seq, const FrameHeader& hdr, const int ref_frame[2],
                     int* fwd_weight, int* bck_weight);

}  // namespace hav1::recon

#endif  // HAV1_SRC_RECON_INTER_MASKS_H_
