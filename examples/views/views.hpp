// The example views served by djust-demo; each registers itself on an app.
#pragma once

#include "djust/transport/app.hpp"

namespace djust::examples {

void add_counter(transport::app& app);    // /counter/
void add_search(transport::app& app);     // /search/
void add_todo(transport::app& app);       // /todo/
void add_dashboard(transport::app& app);  // /dashboard/
void add_form(transport::app& app);       // /form/
void add_chat(transport::app& app);       // /chat/
void add_cursors(transport::app& app);    // /cursors/

}  // namespace djust::examples
