// The data filter group's private parts: one registration function per concern file
// and the Python helpers they share.
#pragma once

#include <string>
#include <string_view>

#include "djust/template/library.hpp"

namespace djust::tmpl::detail {

void register_data_list_filters(library& lib);    // data_lists.cpp
void register_data_number_filters(library& lib);  // data_numbers.cpp
void register_stringformat_filter(library& lib);  // data_stringformat.cpp
void register_pprint_filter(library& lib);        // data_pprint.cpp
void register_date_filters(library& lib);         // date_filters.cpp

// Django's conditional_escape(x) appended to out: a safe string as is, anything
// else as str(x) HTML-escaped.
void append_conditional_escape(std::string& out, const value& v);

}  // namespace djust::tmpl::detail
