// Django's dateformat: every specifier, escapes, setting names and the errors Django raises.
#include "date_format.hpp"

#include <gtest/gtest.h>

#include "djust/template/error.hpp"

namespace djust::tmpl::detail {
namespace {

const value when = value(datetime_value{{2008, 1, 2}, {10, 30, 5, 123}});

TEST(date_format, formats_every_specifier_of_a_datetime) {
  EXPECT_EQ(format_date(when, "a A b c d D e E f F g G h H i I j l L m M n N o O P r s S t T u U w W y Y z Z"),
            "a.m. AM jan 2008-01-02T10:30:05.000123 02 Wed  January 10:30 January 10 10 10 10 30 0 2 "
            "Wednesday True 01 Jan 1 Jan. 2008 +0000 10:30 a.m. Wed, 02 Jan 2008 10:30:05 +0000 05 nd 31 "
            "UTC 000123 1199269805 3 1 08 2008 2 0");
}

TEST(date_format, uses_the_default_and_named_formats) {
  EXPECT_EQ(format_date(when, ""), "Jan. 2, 2008");
  EXPECT_EQ(format_date(when, "DATETIME_FORMAT"), "Jan. 2, 2008, 10:30 a.m.");
  EXPECT_EQ(format_date(when, "SHORT_DATE_FORMAT"), "01/02/2008");
  EXPECT_EQ(resolve_format_setting("TIME_FORMAT"), "P");
  EXPECT_EQ(resolve_format_setting("H:i"), "H:i");
}

TEST(date_format, backslash_escapes_like_django) {
  EXPECT_EQ(format_date(when, "\\Y\\e\\s Y"), "Yes 2008");
  EXPECT_EQ(format_date(when, "\\\\Y"), "\\Y");
  EXPECT_EQ(format_date(when, "Y\\"), "2008\\");
}

TEST(date_format, midnight_noon_and_iso_weeks) {
  EXPECT_EQ(format_date(value(time_value{0, 0, 0, 0}), "P"), "midnight");
  EXPECT_EQ(format_date(value(time_value{12, 0, 0, 0}), "P"), "noon");
  EXPECT_EQ(format_date(value(time_value{13, 5, 0, 0}), "P f g"), "1:05 p.m. 1:05 1");
  EXPECT_EQ(format_date(value(date_value{2004, 12, 27}), "o W"), "2004 53");
  EXPECT_EQ(format_date(value(date_value{2021, 1, 3}), "o W w"), "2020 53 0");
  EXPECT_EQ(format_date(value(date_value{2008, 12, 29}), "o W z t"), "2009 1 364 31");
}

TEST(date_format, time_specifiers_on_a_date_raise) {
  EXPECT_THROW(format_date(value(date_value{2008, 1, 2}), "H"), filter_error);
  EXPECT_THROW(format_date(value(date_value{2008, 1, 2}), "r"), filter_error);
  EXPECT_EQ(format_date(value(date_value{2008, 1, 2}), "I"), "");
}

TEST(date_format, missing_fields_are_attribute_errors) {
  std::string out;
  EXPECT_EQ(format_date_into(out, value(time_value{1, 2, 3, 0}), "Y", false),
            date_format_status::attribute_error);
  out.clear();
  EXPECT_EQ(format_date_into(out, value(when), "Y", true), date_format_status::attribute_error);
  out.clear();
  EXPECT_EQ(format_date_into(out, value("2008"), "eTx", false), date_format_status::ok);
  EXPECT_EQ(out, "x");
  EXPECT_EQ(format_date(value("2008"), "Y"), "");
}

TEST(date_format, calendar_helpers) {
  EXPECT_TRUE(is_leap_year(2000));
  EXPECT_FALSE(is_leap_year(1900));
  EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
  EXPECT_EQ(days_from_civil(1969, 12, 31), -1);
  EXPECT_EQ(days_from_civil(2000, 3, 1), 11017);
}

}  // namespace
}  // namespace djust::tmpl::detail
