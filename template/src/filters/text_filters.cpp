// Django's string and HTML filters.
#include "filters/builtin_filters.hpp"

namespace djust::tmpl::detail {

void register_text_filters(library& lib) {}

}  // namespace djust::tmpl::detail
