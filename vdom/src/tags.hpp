// Known HTML tag names and the parser categories they belong to (void, special, scope...).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace djust::vdom::detail {

// X(enumerator, "name", flags). Sorted by name: tag_of() binary-searches this list.
#define DJUST_VDOM_TAGS(X)                                                     \
  X(a, "a", fmt)                                                               \
  X(address, "address", special | closes_p)                                    \
  X(applet, "applet", special | scope)                                         \
  X(area, "area", special | void_)                                             \
  X(article, "article", special | closes_p)                                    \
  X(aside, "aside", special | closes_p)                                        \
  X(b, "b", fmt)                                                               \
  X(base, "base", special | void_)                                             \
  X(basefont, "basefont", special | void_)                                     \
  X(bgsound, "bgsound", special | void_)                                       \
  X(big, "big", fmt)                                                           \
  X(blockquote, "blockquote", special | closes_p)                              \
  X(body, "body", special)                                                     \
  X(br, "br", special | void_)                                                 \
  X(button, "button", special)                                                 \
  X(caption, "caption", special | scope)                                       \
  X(center, "center", special | closes_p)                                      \
  X(code, "code", fmt)                                                         \
  X(col, "col", special | void_)                                               \
  X(colgroup, "colgroup", special)                                             \
  X(dd, "dd", special | implied_end)                                           \
  X(details, "details", special | closes_p)                                    \
  X(dialog, "dialog", closes_p)                                                \
  X(dir, "dir", special | closes_p)                                            \
  X(div, "div", special | closes_p)                                            \
  X(dl, "dl", special | closes_p)                                              \
  X(dt, "dt", special | implied_end)                                           \
  X(em, "em", fmt)                                                             \
  X(embed, "embed", special | void_)                                           \
  X(fieldset, "fieldset", special | closes_p)                                  \
  X(figcaption, "figcaption", special | closes_p)                              \
  X(figure, "figure", special | closes_p)                                      \
  X(font, "font", fmt)                                                         \
  X(footer, "footer", special | closes_p)                                      \
  X(form, "form", special)                                                     \
  X(frame, "frame", special | void_)                                           \
  X(frameset, "frameset", special)                                             \
  X(h1, "h1", special | closes_p | heading)                                    \
  X(h2, "h2", special | closes_p | heading)                                    \
  X(h3, "h3", special | closes_p | heading)                                    \
  X(h4, "h4", special | closes_p | heading)                                    \
  X(h5, "h5", special | closes_p | heading)                                    \
  X(h6, "h6", special | closes_p | heading)                                    \
  X(head, "head", special)                                                     \
  X(header, "header", special | closes_p)                                      \
  X(hgroup, "hgroup", special | closes_p)                                      \
  X(hr, "hr", special | void_)                                                 \
  X(html, "html", special | scope)                                             \
  X(i, "i", fmt)                                                               \
  X(iframe, "iframe", special | rawtext)                                       \
  X(image, "image", 0)                                                         \
  X(img, "img", special | void_)                                               \
  X(input, "input", special | void_)                                           \
  X(keygen, "keygen", special | void_)                                         \
  X(li, "li", special | implied_end)                                           \
  X(link, "link", special | void_)                                             \
  X(listing, "listing", special | closes_p)                                    \
  X(main, "main", special | closes_p)                                          \
  X(marquee, "marquee", special | scope)                                       \
  X(math, "math", 0)                                                           \
  X(menu, "menu", special | closes_p)                                          \
  X(meta, "meta", special | void_)                                             \
  X(nav, "nav", special | closes_p)                                            \
  X(nobr, "nobr", fmt)                                                         \
  X(noembed, "noembed", special | rawtext)                                     \
  X(noframes, "noframes", special | rawtext)                                   \
  X(noscript, "noscript", special | rawtext)                                   \
  X(object, "object", special | scope)                                         \
  X(ol, "ol", special | closes_p)                                              \
  X(optgroup, "optgroup", implied_end)                                         \
  X(option, "option", implied_end)                                             \
  X(p, "p", special | closes_p | implied_end)                                  \
  X(param, "param", special | void_)                                           \
  X(plaintext, "plaintext", special | closes_p)                                \
  X(pre, "pre", special | closes_p)                                            \
  X(rb, "rb", implied_end)                                                     \
  X(rp, "rp", implied_end)                                                     \
  X(rt, "rt", implied_end)                                                     \
  X(rtc, "rtc", implied_end)                                                   \
  X(ruby, "ruby", 0)                                                           \
  X(s, "s", fmt)                                                               \
  X(script, "script", special | rawtext)                                       \
  X(search, "search", special | closes_p)                                      \
  X(section, "section", special | closes_p)                                    \
  X(select, "select", special)                                                 \
  X(small, "small", fmt)                                                       \
  X(source, "source", special | void_)                                         \
  X(strike, "strike", fmt)                                                     \
  X(strong, "strong", fmt)                                                     \
  X(style, "style", special | rawtext)                                         \
  X(summary, "summary", special | closes_p)                                    \
  X(svg, "svg", 0)                                                             \
  X(table, "table", special | scope | table_ctx)                               \
  X(tbody, "tbody", special | table_ctx | section)                             \
  X(td, "td", special | scope | cell)                                          \
  X(template_, "template", special | scope)                                    \
  X(textarea, "textarea", special | rcdata)                                    \
  X(tfoot, "tfoot", special | table_ctx | section)                             \
  X(th, "th", special | scope | cell)                                          \
  X(thead, "thead", special | table_ctx | section)                             \
  X(title, "title", special | rcdata)                                          \
  X(tr, "tr", special | table_ctx)                                             \
  X(track, "track", special | void_)                                           \
  X(tt, "tt", fmt)                                                             \
  X(u, "u", fmt)                                                               \
  X(ul, "ul", special | closes_p)                                              \
  X(wbr, "wbr", special | void_)                                               \
  X(xmp, "xmp", special | closes_p | rawtext)

enum tag_flag : std::uint32_t {
  void_ = 1u << 0,        // no end tag, no children
  special = 1u << 1,      // "special" category of the HTML parsing spec
  closes_p = 1u << 2,     // start tag closes an open <p> in button scope
  implied_end = 1u << 3,  // end tag implied by "generate implied end tags"
  scope = 1u << 4,        // boundary of "has an element in scope"
  fmt = 1u << 5,          // formatting element
  rawtext = 1u << 6,      // content is raw text up to the matching end tag
  rcdata = 1u << 7,       // content is text with character references, no tags
  heading = 1u << 8,      // h1..h6
  table_ctx = 1u << 9,    // table, tbody, thead, tfoot, tr: text and stray tags are foster-parented
  section = 1u << 10,     // tbody, thead, tfoot
  cell = 1u << 11,        // td, th
};

enum class tag : std::uint16_t {
  unknown = 0,
#define DJUST_VDOM_TAG_ENUM(e, n, f) e,
  DJUST_VDOM_TAGS(DJUST_VDOM_TAG_ENUM)
#undef DJUST_VDOM_TAG_ENUM
};

// The tag for a lowercase HTML tag name (tag::unknown for custom or foreign names).
tag tag_of(std::string_view lowercase_name);
// Flags of every tag, indexed by the tag's value (tag::unknown: 0).
inline constexpr std::uint32_t tag_flag_table[] = {
    0,
#define DJUST_VDOM_TAG_FLAGS(e, n, f) (f),
    DJUST_VDOM_TAGS(DJUST_VDOM_TAG_FLAGS)
#undef DJUST_VDOM_TAG_FLAGS
};
// Flags of an HTML tag (0 for tag::unknown).
inline std::uint32_t tag_flags(tag t) { return tag_flag_table[static_cast<std::size_t>(t)]; }
// The canonical lowercase name of a known tag.
std::string_view tag_name(tag t);

inline bool has(tag t, std::uint32_t f) { return (tag_flags(t) & f) != 0; }

}  // namespace djust::vdom::detail
