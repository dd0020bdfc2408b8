// Case adjustments browsers apply to SVG/MathML tag and attribute names.
#pragma once

#include <string_view>

namespace djust::vdom::detail {

// The camel-cased SVG tag name for a lowercase one ("lineargradient" -> "linearGradient"),
// or an empty view when the name needs no adjustment.
std::string_view adjust_svg_tag(std::string_view lowercase);
// Same for SVG attribute names ("viewbox" -> "viewBox").
std::string_view adjust_svg_attr(std::string_view lowercase);
// Same for MathML attribute names ("definitionurl" -> "definitionURL").
std::string_view adjust_mathml_attr(std::string_view lowercase);

}  // namespace djust::vdom::detail
