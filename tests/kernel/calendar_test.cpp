#include "sim/kernel/calendar.hpp"

#include <gtest/gtest.h>

using namespace cadresim::kernel;

TEST(Calendar, ThirtyFirstPlusOneMonthClampsToMonthEnd) {
  EXPECT_EQ(format_iso_date(add_months(make_day(2023, 1, 31), 1)), "2023-02-28");
  EXPECT_EQ(format_iso_date(add_months(make_day(2024, 1, 31), 1)), "2024-02-29");
}
