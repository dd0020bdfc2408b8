// Tables of SVG/MathML names whose case the HTML parser restores (HTML spec, tree building).
#include "foreign_names.hpp"

#include <cctype>

namespace djust::vdom::detail {
namespace {

constexpr std::string_view svg_tags[] = {
    "altGlyph", "altGlyphDef", "altGlyphItem", "animateColor", "animateMotion",
    "animateTransform", "clipPath", "feBlend", "feColorMatrix", "feComponentTransfer",
    "feComposite", "feConvolveMatrix", "feDiffuseLighting", "feDisplacementMap",
    "feDistantLight", "feDropShadow", "feFlood", "feFuncA", "feFuncB", "feFuncG", "feFuncR",
    "feGaussianBlur", "feImage", "feMerge", "feMergeNode", "feMorphology", "feOffset",
    "fePointLight", "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence",
    "foreignObject", "glyphRef", "linearGradient", "radialGradient", "textPath"};

constexpr std::string_view svg_attrs[] = {
    "attributeName", "attributeType", "baseFrequency", "baseProfile", "calcMode",
    "clipPathUnits", "diffuseConstant", "edgeMode", "filterUnits", "glyphRef",
    "gradientTransform", "gradientUnits", "kernelMatrix", "kernelUnitLength", "keyPoints",
    "keySplines", "keyTimes", "lengthAdjust", "limitingConeAngle", "markerHeight",
    "markerUnits", "markerWidth", "maskContentUnits", "maskUnits", "numOctaves", "pathLength",
    "patternContentUnits", "patternTransform", "patternUnits", "pointsAtX", "pointsAtY",
    "pointsAtZ", "preserveAlpha", "preserveAspectRatio", "primitiveUnits", "refX", "refY",
    "repeatCount", "repeatDur", "requiredExtensions", "requiredFeatures", "specularConstant",
    "specularExponent", "spreadMethod", "startOffset", "stdDeviation", "stitchTiles",
    "surfaceScale", "systemLanguage", "tableValues", "targetX", "targetY", "textLength",
    "viewBox", "viewTarget", "xChannelSelector", "yChannelSelector", "zoomAndPan"};

bool lower_equals(std::string_view proper, std::string_view lowercase) {
  if (proper.size() != lowercase.size()) return false;
  for (std::size_t i = 0; i < proper.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(proper[i])) != lowercase[i]) return false;
  return true;
}

template <std::size_t N>
std::string_view find(const std::string_view (&table)[N], std::string_view lowercase) {
  for (std::string_view s : table)
    if (lower_equals(s, lowercase)) return s;
  return {};
}

}  // namespace

std::string_view adjust_svg_tag(std::string_view lowercase) { return find(svg_tags, lowercase); }
std::string_view adjust_svg_attr(std::string_view lowercase) { return find(svg_attrs, lowercase); }
std::string_view adjust_mathml_attr(std::string_view lowercase) {
  return lowercase == "definitionurl" ? std::string_view("definitionURL") : std::string_view{};
}

}  // namespace djust::vdom::detail
