// Django's number, list, logic and date filters.
#include "filters/builtin_filters.hpp"

namespace djust::tmpl::detail {

void register_data_filters(library& lib) {}

}  // namespace djust::tmpl::detail
