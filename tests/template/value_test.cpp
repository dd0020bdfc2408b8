// Python semantics of the value model: truthiness, str(), repr(), ==.
#include "djust/template/value.hpp"

#include <gtest/gtest.h>

namespace djust::tmpl {
namespace {

TEST(value, truthiness_follows_python) {
  EXPECT_FALSE(value().truthy());
  EXPECT_FALSE(value(0).truthy());
  EXPECT_FALSE(value(0.0).truthy());
  EXPECT_FALSE(value("").truthy());
  EXPECT_FALSE(value(value_list{}).truthy());
  EXPECT_FALSE(value(decimal_value{"0.00"}).truthy());
  EXPECT_TRUE(value(decimal_value{"0.01"}).truthy());
  EXPECT_TRUE(value(time_value{}).truthy());
  EXPECT_TRUE(value("0").truthy());
}

TEST(value, display_string_matches_python_str) {
  EXPECT_EQ(value().to_display_string(), "None");
  EXPECT_EQ(value(true).to_display_string(), "True");
  EXPECT_EQ(value(1.0).to_display_string(), "1.0");
  EXPECT_EQ(value(1e21).to_display_string(), "1e+21");
  EXPECT_EQ(value(0.0001).to_display_string(), "0.0001");
  EXPECT_EQ(value(0.00001).to_display_string(), "1e-05");
  EXPECT_EQ(value(123456.789).to_display_string(), "123456.789");
  EXPECT_EQ(value(-2.5).to_display_string(), "-2.5");
  EXPECT_EQ(value(value_list{"a", 1, nullptr}).to_display_string(), "['a', 1, None]");
  EXPECT_EQ(value(value_map{{"k", "it's"}}).to_display_string(), "{'k': \"it's\"}");
  EXPECT_EQ(value(date_value{2008, 1, 2}).to_display_string(), "2008-01-02");
  EXPECT_EQ(value(datetime_value{{2008, 1, 2}, {10, 30, 0, 0}}).to_display_string(),
            "2008-01-02 10:30:00");
}

TEST(value, repr_matches_python) {
  EXPECT_EQ(value(date_value{2008, 1, 2}).repr(), "datetime.date(2008, 1, 2)");
  EXPECT_EQ(value(datetime_value{{2008, 1, 2}, {10, 30, 0, 0}}).repr(),
            "datetime.datetime(2008, 1, 2, 10, 30)");
  EXPECT_EQ(value(time_value{10, 30, 0, 5}).repr(), "datetime.time(10, 30, 0, 5)");
  EXPECT_EQ(value(decimal_value{"1.5"}).repr(), "Decimal('1.5')");
  EXPECT_EQ(value("a\nb").repr(), "'a\\nb'");
}

TEST(value, equality_crosses_numeric_types) {
  EXPECT_EQ(value(1), value(1.0));
  EXPECT_EQ(value(true), value(1));
  EXPECT_NE(value("1"), value(1));
  EXPECT_EQ(value(value_list{1, "a"}), value(value_list{1.0, "a"}));
}

TEST(value, lazy_is_computed_once_on_first_use) {
  int calls = 0;
  value v = value::lazy([&calls] {
    ++calls;
    return value("computed");
  });
  EXPECT_EQ(calls, 0);
  EXPECT_EQ(v.resolved().as_string(), "computed");
  EXPECT_EQ(v.to_display_string(), "computed");
  EXPECT_EQ(calls, 1);
}

TEST(value, safe_strings_are_marked) {
  EXPECT_TRUE(value::safe("<b>").is_safe());
  EXPECT_FALSE(value("<b>").is_safe());
}

}  // namespace
}  // namespace djust::tmpl
