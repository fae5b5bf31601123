// Placeholder: SIMD cdef tests in progress.
#include <gtest/gtest.h>

TEST(Placeholder, SimdCdef) { SUCCEED(); }
