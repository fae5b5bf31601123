// Placeholder: SIMD loopfilter tests in progress.
#include <gtest/gtest.h>

TEST(Placeholder, SimdLoopFilter) { SUCCEED(); }
