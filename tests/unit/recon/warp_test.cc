// Placeholder: tests in progress.
#include <gtest/gtest.h>

TEST(Placeholder, warp) { SUCCEED(); }
