// Constant tables of the intra prediction processes, transcribed from the AV1
// specification (section 10 "Additional tables" unless noted).  Shared by the
// reference kernels and the Highway kernels.
#ifndef HAV1_SRC_DSP_IPRED_TABLES_H_
#define HAV1_SRC_DSP_IPRED_TABLES_H_

#include <cstdint>

namespace hav1 {

// Section 3 symbols.
inline constexpr int kAngleStep = 3;               // ANGLE_STEP
inline constexpr int kIntraFilterScaleBits = 4;    // INTRA_FILTER_SCALE_BITS
inline constexpr int kIntraFilterModes = 5;        // INTRA_FILTER_MODES
inline constexpr int kIntraEdgeKernels = 3;        // INTRA_EDGE_KERNELS
inline constexpr int kIntraEdgeTaps = 5;           // INTRA_EDGE_TAPS

// Sm_Weights_Tx_4x4 .. Sm_Weights_Tx_64x64 (used by 7.11.2.6), stored one after
// another: the table for size n = 1 << log2 starts at index n - 4
// (see SmWeights()).
inline constexpr uint8_t kSmWeightsArrays[4 + 8 + 16 + 32 + 64] = {
    // Sm_Weights_Tx_4x4
    255, 149, 85, 64,
    // Sm_Weights_Tx_8x8
    255, 197, 146, 105, 73, 50, 37, 32,
    // Sm_Weights_Tx_16x16
    255, 225, 196, 170, 145, 123, 102, 84, 68, 54, 43, 33, 26, 20, 17, 16,
    // Sm_Weights_Tx_32x32
    255, 240, 225, 210, 196, 182, 169, 157, 145, 133, 122, 111, 101, 92, 83, 74,
    66, 59, 52, 45, 39, 34, 29, 25, 21, 17, 14, 12, 10, 9, 8, 8,
    // Sm_Weights_Tx_64x64
    255, 248, 240, 233, 225, 218, 210, 203, 196, 189, 182, 176, 169, 163, 156,
    150, 144, 138, 133, 127, 121, 116, 111, 106, 101, 96, 91, 86, 82, 77, 73, 69,
    65, 61, 57, 54, 50, 47, 44, 41, 38, 35, 32, 29, 27, 25, 22, 20, 18, 16, 15,
    13, 12, 10, 9, 8, 7, 6, 6, 5, 5, 4, 4, 4};

// The smWeights array of 7.11.2.6 for a dimension of n = 4..64 samples.
constexpr const uint8_t* SmWeights(int n) { return kSmWeightsArrays + (n - 4); }

// Mode_To_Angle[ INTRA_MODES ] (DC_PRED = 0 .. PAETH_PRED = 12).
inline constexpr int kModeToAngle[13] = {0, 90, 180, 45, 135, 113, 157, 203, 67, 0, 0, 0, 0};

// Dr_Intra_Derivative[ 90 ] (7.11.2.4 steps 5 and 6).
inline constexpr int kDrIntraDerivative[90] = {
    0,   0,  0,  1023, 0,  0,  547, 0,  0,  372, 0,  0,  0,  0,
    273, 0,  0,  215,  0,  0,  178, 0,  0,  151, 0,  0,  132, 0,  0,
    116, 0,  0,  102,  0,  0,  0,   90, 0,  0,   80, 0,  0,   71, 0,  0,
    64,  0,  0,  57,   0,  0,  51,  0,  0,  45,  0,  0,  0,   40, 0,  0,
    35,  0,  0,  31,   0,  0,  27,  0,  0,  23,  0,  0,  19,  0,  0,
    15,  0,  0,  0,    0,  11, 0,   0,  7,  0,   0,  3,  0,   0};

// Intra_Filter_Taps[ INTRA_FILTER_MODES ][ 8 ][ 7 ] (7.11.2.3).
inline constexpr int8_t kIntraFilterTaps[kIntraFilterModes][8][7] = {
    {
        {-6, 10, 0, 0, 0, 12, 0},
        {-5, 2, 10, 0, 0, 9, 0},
        {-3, 1, 1, 10, 0, 7, 0},
        {-3, 1, 1, 2, 10, 5, 0},
        {-4, 6, 0, 0, 0, 2, 12},
        {-3, 2, 6, 0, 0, 2, 9},
        {-3, 2, 2, 6, 0, 2, 7},
        {-3, 1, 2, 2, 6, 3, 5},
    },
    {
        {-10, 16, 0, 0, 0, 10, 0},
        {-6, 0, 16, 0, 0, 6, 0},
        {-4, 0, 0, 16, 0, 4, 0},
        {-2, 0, 0, 0, 16, 2, 0},
        {-10, 16, 0, 0, 0, 0, 10},
        {-6, 0, 16, 0, 0, 0, 6},
        {-4, 0, 0, 16, 0, 0, 4},
        {-2, 0, 0, 0, 16, 0, 2},
    },
    {
        {-8, 8, 0, 0, 0, 16, 0},
        {-8, 0, 8, 0, 0, 16, 0},
        {-8, 0, 0, 8, 0, 16, 0},
        {-8, 0, 0, 0, 8, 16, 0},
        {-4, 4, 0, 0, 0, 0, 16},
        {-4, 0, 4, 0, 0, 0, 16},
        {-4, 0, 0, 4, 0, 0, 16},
        {-4, 0, 0, 0, 4, 0, 16},
    },
    {
        {-2, 8, 0, 0, 0, 10, 0},
        {-1, 3, 8, 0, 0, 6, 0},
        {-1, 2, 3, 8, 0, 4, 0},
        {0, 1, 2, 3, 8, 2, 0},
        {-1, 4, 0, 0, 0, 3, 10},
        {-1, 3, 4, 0, 0, 4, 6},
        {-1, 2, 3, 4, 0, 4, 4},
        {-1, 2, 2, 3, 4, 3, 3},
    },
    {
        {-12, 14, 0, 0, 0, 14, 0},
        {-10, 0, 14, 0, 0, 12, 0},
        {-9, 0, 0, 14, 0, 11, 0},
        {-8, 0, 0, 0, 14, 10, 0},
        {-10, 12, 0, 0, 0, 0, 14},
        {-9, 1, 12, 0, 0, 0, 12},
        {-8, 0, 0, 12, 0, 1, 11},
        {-7, 0, 0, 1, 12, 1, 9},
    }};

// Intra_Edge_Kernel[ INTRA_EDGE_KERNELS ][ INTRA_EDGE_TAPS ] (7.11.2.12).
inline constexpr int kIntraEdgeKernel[kIntraEdgeKernels][kIntraEdgeTaps] = {
    {0, 4, 8, 4, 0}, {0, 5, 6, 5, 0}, {2, 4, 4, 4, 2}};

}  // namespace hav1

#endif  // HAV1_SRC_DSP_IPRED_TABLES_H_
