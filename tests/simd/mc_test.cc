// Placeholder: SIMD mc tests in progress.
#include <gtest/gtest.h>

TEST(Placeholder, SimdMc) { SUCCEED(); }
