// Tests of the {% templatetag %} tag (expectations checked against Django 3.2).
#include <gtest/gtest.h>

#include "../template_support.hpp"

using namespace djust::tmpl;
using namespace djust::tmpl::testing;

TEST(templatetag_tag, all_names) {
  EXPECT_EQ(render(R"TPL({% templatetag openblock %}{% templatetag closeblock %}{% templatetag openvariable %}{% templatetag closevariable %}{% templatetag openbrace %}{% templatetag closebrace %}{% templatetag opencomment %}{% templatetag closecomment %})TPL", value_map{}, {}, {}), R"TPL({%%}{{}}{}{##})TPL");
}

TEST(templatetag_tag, unknown) {
  auto e = render_error(R"TPL({% templatetag foo %})TPL", value_map{}, {});
  EXPECT_EQ(e.kind(), error_kind::syntax);
  EXPECT_EQ(e.message(), R"TPL(Invalid templatetag argument: 'foo'. Must be one of: openblock, closeblock, openvariable, closevariable, openbrace, closebrace, opencomment, closecomment)TPL");
}
