// A literal transcription of the spec's intra prediction process 7.11.2 for
// the edge preparation and directional modes (7.11.2.4, 7.11.2.7, 7.11.2.9 ..
// 7.11.2.12), working on frame coordinates like the spec (CurrFrame, x, y,
// maxX, maxY) with plain int arrays.  Written independently of src/dsp for use
// as the test oracle; readability over speed.
#ifndef HAV1_TESTS_UNIT_IPRED_IPRED_SPEC_ORACLE_H_
#define HAV1_TESTS_UNIT_IPRED_IPRED_SPEC_ORACLE_H_

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace hav1::ipred_test {

struct SpecPlane {
  int width = 0, height = 0;  // allocated size (may exceed maxX + 1 / maxY + 1)
  std::vector<int> px;
  int& at(int row, int col) { return px.at(static_cast<size_t>(row) * width + col); }
};

class SpecIntra {
 public:
  // Inputs of 7.11.2.
  int x = 0, y = 0, w = 4, h = 4, maxX = 0, maxY = 0, bitDepth = 8;
  bool haveLeft = false, haveAbove = false, haveAboveRight = false, haveBelowLeft = false;
  int enable_intra_edge_filter = 0, filterType = 0;

  // AboveRow[ i ] / LeftCol[ i ] for i = -16 .. 239.
  int& AboveRow(int i) { return above_.at(i + 16); }
  int& LeftCol(int i) { return left_.at(i + 16); }

  // 7.11.2, the AboveRow / LeftCol derivation.
  void BuildEdges(SpecPlane& f) {
    for (int i = 0; i < w + h; i++) {
      if (haveAbove == 0 && haveLeft == 1) {
        AboveRow(i) = f.at(y, x - 1);
      } else if (haveAbove == 0 && haveLeft == 0) {
        AboveRow(i) = (1 << (bitDepth - 1)) - 1;
      } else {
        const int aboveLimit = std::min(maxX, x + (haveAboveRight ? 2 * w : w) - 1);
        AboveRow(i) = f.at(y - 1, std::min(aboveLimit, x + i));
      }
    }
    for (int i = 0; i < w + h; i++) {
      if (haveLeft == 0 && haveAbove == 1) {
        LeftCol(i) = f.at(y - 1, x);
      } else if (haveLeft == 0 && haveAbove == 0) {
        LeftCol(i) = (1 << (bitDepth - 1)) + 1;
      } else {
        const int leftLimit = std::min(maxY, y + (haveBelowLeft ? 2 * h : h) - 1);
        LeftCol(i) = f.at(std::min(leftLimit, y + i), x - 1);
      }
    }
    if (haveAbove == 1 && haveLeft == 1) {
      AboveRow(-1) = f.at(y - 1, x - 1);
    } else if (haveAbove == 1) {
      AboveRow(-1) = f.at(y - 1, x);
    } else if (haveLeft == 1) {
      AboveRow(-1) = f.at(y, x - 1);
    } else {
      AboveRow(-1) = 1 << (bitDepth - 1);
    }
    LeftCol(-1) = AboveRow(-1);
  }

  // 7.11.2.4 directional intra prediction process (pred[ i ][ j ] = out[ i * w + j ]).
  std::vector<int> Directional(int pAngle) {
    int upsampleAbove = 0, upsampleLeft = 0;
    if (enable_intra_edge_filter == 1) {
      if (pAngle != 90 && pAngle != 180) {
        if (pAngle > 90 && pAngle < 180 && (w + h) >= 24) {
          const int c = FilterCorner();
          LeftCol(-1) = c;
          AboveRow(-1) = c;
        }
        if (haveAbove == 1) {
          const int strength = FilterStrength(w, h, filterType, pAngle - 90);
          const int numPx = std::min(w, maxX - x + 1) + (pAngle < 90 ? h : 0) + 1;
          EdgeFilter(numPx, strength, 0);
        }
        if (haveLeft == 1) {
          const int strength = FilterStrength(w, h, filterType, pAngle - 180);
          const int numPx = std::min(h, maxY - y + 1) + (pAngle > 180 ? w : 0) + 1;
          EdgeFilter(numPx, strength, 1);
        }
      }
      upsampleAbove = UseUpsample(w, h, filterType, pAngle - 90);
      int numPx = w + (pAngle < 90 ? h : 0);
      if (upsampleAbove) Upsample(numPx, 0);
      upsampleLeft = UseUpsample(w, h, filterType, pAngle - 180);
      numPx = h + (pAngle > 180 ? w : 0);
      if (upsampleLeft) Upsample(numPx, 1);
    }
    static const int Dr_Intra_Derivative[90] = {
        0,   0, 0, 1023, 0, 0, 547, 0, 0, 372, 0, 0, 0, 0,  273, 0, 0, 215, 0, 0, 178, 0, 0,
        151, 0, 0, 132,  0, 0, 116, 0, 0, 102, 0, 0, 0, 90, 0,   0, 80, 0, 0,  71, 0,   0,
        64,  0, 0, 57,   0, 0, 51,  0, 0, 45,  0, 0, 0, 40, 0,   0, 35, 0, 0,  31, 0,   0,
        27,  0, 0, 23,   0, 0, 19,  0, 0, 15,  0, 0, 0, 0,  11,  0, 0,  7, 0,  0,  3,   0, 0};
    int dx = 0, dy = 0;
    if (pAngle < 90) dx = Dr_Intra_Derivative[pAngle];
    else if (pAngle > 90 && pAngle < 180) dx = Dr_Intra_Derivative[180 - pAngle];
    if (pAngle > 90 && pAngle < 180) dy = Dr_Intra_Derivative[pAngle - 90];
    else if (pAngle > 180) dy = Dr_Intra_Derivative[270 - pAngle];
    std::vector<int> pred(w * h);
    for (int i = 0; i < h; i++) {
      for (int j = 0; j < w; j++) {
        int& p = pred[i * w + j];
        if (pAngle < 90) {
          const int idx = (i + 1) * dx;
          const int base = (idx >> (6 - upsampleAbove)) + (j << upsampleAbove);
          const int shift = ((idx << upsampleAbove) >> 1) & 0x1F;
          const int maxBaseX = (w + h - 1) << upsampleAbove;
          if (base < maxBaseX) {
            p = Round2(AboveRow(base) * (32 - shift) + AboveRow(base + 1) * shift, 5);
          } else {
            p = AboveRow(maxBaseX);
          }
        } else if (pAngle > 90 && pAngle < 180) {
          int idx = (j << 6) - (i + 1) * dx;
          int base = idx >> (6 - upsampleAbove);
          if (base >= -(1 << upsampleAbove)) {
            const int shift = ((idx * (1 << upsampleAbove)) >> 1) & 0x1F;
            p = Round2(AboveRow(base) * (32 - shift) + AboveRow(base + 1) * shift, 5);
          } else {
            idx = (i << 6) - (j + 1) * dy;
            base = idx >> (6 - upsampleLeft);
            const int shift = ((idx * (1 << upsampleLeft)) >> 1) & 0x1F;
            p = Round2(LeftCol(base) * (32 - shift) + LeftCol(base + 1) * shift, 5);
          }
        } else if (pAngle > 180) {
          const int idx = (j + 1) * dy;
          const int base = (idx >> (6 - upsampleLeft)) + (i << upsampleLeft);
          const int shift = ((idx << upsampleLeft) >> 1) & 0x1F;
          p = Round2(LeftCol(base) * (32 - shift) + LeftCol(base + 1) * shift, 5);
        } else if (pAngle == 90) {
          p = AboveRow(j);
        } else {
          p = LeftCol(i);
        }
      }
    }
    return pred;
  }

  static int Round2(int x, int n) { return (x + (1 << (n - 1))) >> n; }

  // 7.11.2.7.
  int FilterCorner() {
    const int s = LeftCol(0) * 5 + AboveRow(-1) * 6 + AboveRow(0) * 5;
    return Round2(s, 4);
  }

  // 7.11.2.9.
  static int FilterStrength(int w, int h, int filterType, int delta) {
    const int d = std::abs(delta);
    const int blkWh = w + h;
    int strength = 0;
    if (filterType == 0) {
      if (blkWh <= 8) {
        if (d >= 56) strength = 1;
      } else if (blkWh <= 12) {
        if (d >= 40) strength = 1;
      } else if (blkWh <= 16) {
        if (d >= 40) strength = 1;
      } else if (blkWh <= 24) {
        if (d >= 8) strength = 1;
        if (d >= 16) strength = 2;
        if (d >= 32) strength = 3;
      } else if (blkWh <= 32) {
        strength = 1;
        if (d >= 4) strength = 2;
        if (d >= 32) strength = 3;
      } else {
        strength = 3;
      }
    } else {
      if (blkWh <= 8) {
        if (d >= 40) strength = 1;
        if (d >= 64) strength = 2;
      } else if (blkWh <= 16) {
        if (d >= 20) strength = 1;
        if (d >= 48) strength = 2;
      } else if (blkWh <= 24) {
        if (d >= 4) strength = 3;
      } else {
        strength = 3;
      }
    }
    return strength;
  }

  // 7.11.2.10.
  static int UseUpsample(int w, int h, int filterType, int delta) {
    const int d = std::abs(delta);
    const int blkWh = w + h;
    if (d <= 0 || d >= 40) return 0;
    if (filterType == 0) return blkWh <= 16;
    return blkWh <= 8;
  }

  // 7.11.2.11.
  void Upsample(int numPx, int dir) {
    auto buf = [&](int i) -> int& { return dir == 0 ? AboveRow(i) : LeftCol(i); };
    std::vector<int> dup(numPx + 3);
    dup[0] = buf(-1);
    for (int i = -1; i < numPx; i++) dup[i + 2] = buf(i);
    dup[numPx + 2] = buf(numPx - 1);
    buf(-2) = dup[0];
    for (int i = 0; i < numPx; i++) {
      int s = -dup[i] + (9 * dup[i + 1]) + (9 * dup[i + 2]) - dup[i + 3];
      s = std::clamp(Round2(s, 4), 0, (1 << bitDepth) - 1);
      buf(2 * i - 1) = s;
      buf(2 * i) = dup[i + 2];
    }
  }

  // 7.11.2.12.
  void EdgeFilter(int sz, int strength, int left) {
    if (strength == 0) return;
    static const int Intra_Edge_Kernel[3][5] = {{0, 4, 8, 4, 0}, {0, 5, 6, 5, 0}, {2, 4, 4, 4, 2}};
    std::vector<int> edge(sz);
    for (int i = 0; i < sz; i++) edge[i] = left ? LeftCol(i - 1) : AboveRow(i - 1);
    for (int i = 1; i < sz; i++) {
      int s = 0;
      for (int j = 0; j < 5; j++) {
        const int k = std::clamp(i - 2 + j, 0, sz - 1);
        s += Intra_Edge_Kernel[strength - 1][j] * edge[k];
      }
      if (left == 1) LeftCol(i - 1) = (s + 8) >> 4;
      if (left == 0) AboveRow(i - 1) = (s + 8) >> 4;
    }
  }

 private:
  std::vector<int> above_ = std::vector<int>(256, -1000000);
  std::vector<int> left_ = std::vector<int>(256, -1000000);
};

}  // namespace hav1::ipred_test

#endif  // HAV1_TESTS_UNIT_IPRED_IPRED_SPEC_ORACLE_H_
