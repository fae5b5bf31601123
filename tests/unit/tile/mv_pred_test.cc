// Placeholder: tests in progress.
#include <gtest/gtest.h>

TEST(Placeholder, mv_pred) { SUCCEED(); }
