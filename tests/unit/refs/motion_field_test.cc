// Placeholder: tests in progress.
#include <gtest/gtest.h>

TEST(Placeholder, motion_field) { SUCCEED(); }
