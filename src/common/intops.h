// Integer helpers named as in the AV1 specification, section 4.7
// (Mathematical functions).
#ifndef HAV1_SRC_COMMON_INTOPS_H_
#define HAV1_SRC_COMMON_INTOPS_H_

#include <cstdint>

namespace hav1 {

template <typename T>
constexpr T Clip3(T lo, T hi, T x) {
  return x < lo ? lo : (x > hi ? hi : x);
}
constexpr int Clip1(int x, int bitdepth) {
  return Clip3(0, (1 << bitdepth) - 1, x);
}
// Round2(x, n) for n >= 0; x may be negative (arithmetic shift, as the spec).
constexpr int32_t Round2(int32_t x, int n) {
  return n == 0 ? x : static_cast<int32_t>((int64_t{x} + (int64_t{1} << (n - 1))) >> n);
}
constexpr int64_t Round2(int64_t x, int n) {
  return n == 0 ? x : (x + (int64_t{1} << (n - 1))) >> n;
}
constexpr int32_t Round2Signed(int32_t x, int n) {
  return x >= 0 ? Round2(x, n) : -Round2(-x, n);
}
constexpr int64_t Round2Signed(int64_t x, int n) {
  return x >= 0 ? Round2(x, n) : -Round2(-x, n);
}
// FloorLog2(x) for x > 0.
constexpr int FloorLog2(uint32_t x) {
  int s = 0;
  while (x > 1) { x >>= 1; s++; }
  return s;
}
// CeilLog2(x): 0 for x < 2.
constexpr int CeilLog2(uint32_t x) {
  if (x < 2) return 0;
  int i = 1;
  uint32_t p = 2;
  while (p < x) { i++; p <<= 1; }
  return i;
}

}  // namespace hav1

#endif  // HAV1_SRC_COMMON_INTOPS_H_
