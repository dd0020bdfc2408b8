// Registration of Django's 58 built-in filters, grouped by concern (one file each).
#pragma once

#include "djust/template/library.hpp"

namespace djust::tmpl::detail {

// Strings and HTML: addslashes, capfirst, center, cut, escape, escapejs, escapeseq,
// force_escape, iriencode, json_script, linebreaks, linebreaksbr, linenumbers, ljust,
// lower, make_list, phone2numeric, rjust, safe, safeseq, slugify, striptags, title,
// truncatechars, truncatechars_html, truncatewords, truncatewords_html, upper,
// urlencode, urlize, urlizetrunc, wordcount, wordwrap.
void register_text_filters(library& lib);

// Numbers, lists, logic and dates: add, date, default, default_if_none, dictsort,
// dictsortreversed, divisibleby, filesizeformat, first, floatformat, get_digit, join,
// last, length, length_is, pluralize, pprint, random, slice, stringformat, time,
// timesince, timeuntil, unordered_list, yesno.
void register_data_filters(library& lib);

// Registers all of the above.
inline void register_builtin_filters(library& lib) {
  register_text_filters(lib);
  register_data_filters(lib);
}

}  // namespace djust::tmpl::detail
