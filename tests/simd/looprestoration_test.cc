// Placeholder: SIMD looprestoration tests in progress.
#include <gtest/gtest.h>

TEST(Placeholder, SimdLoopRestoration) { SUCCEED(); }
