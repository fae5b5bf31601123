// Placeholder: tests in progress.
#include <gtest/gtest.h>

TEST(Placeholder, inter_pred) { SUCCEED(); }
