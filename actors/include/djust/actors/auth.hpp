// Who may see a view or call a handler: users as values, Django's permission rule.
//
// The app's user resolver turns a request (its cookies) into a user value: null for an
// anonymous visitor, otherwise a map the views see as request.user. The permission rule
// reads these keys of that map, as Django's User.has_perm does:
//   {"username": "ada", "is_active": true, "is_superuser": false,
//    "permissions": ["todo.delete", ...]}
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "djust/template/value.hpp"

namespace djust::live {

// Who may mount a live route (HTTP GET and socket join alike).
struct live_access {
  bool login_required = false;
  std::vector<std::string> permissions;  // all of them needed; implies login_required
};

// Django's has_perm: an inactive or anonymous user has none; an active superuser has all;
// otherwise `permission` must be in the user's "permissions" list.
bool has_permission(const tmpl::value& user, std::string_view permission);

// Why `user` may not use something guarded by `access`, or "" when they may.
std::string access_denied(const tmpl::value& user, const live_access& access);

}  // namespace djust::live
