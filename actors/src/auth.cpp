// The permission rule (Django's has_perm over user maps) and route access checks.
#include "djust/actors/auth.hpp"

namespace djust::live {
namespace {

bool flag(const tmpl::value_map& user, std::string_view key, bool fallback) {
  const tmpl::value* v = user.find(key);
  return v && v->kind() == tmpl::value_kind::boolean ? v->as_bool() : fallback;
}

}  // namespace

bool has_permission(const tmpl::value& user, std::string_view permission) {
  if (user.kind() != tmpl::value_kind::map) return false;
  const tmpl::value_map& u = user.as_map();
  if (!flag(u, "is_active", true)) return false;
  if (flag(u, "is_superuser", false)) return true;
  const tmpl::value* perms = u.find("permissions");
  if (!perms || perms->kind() != tmpl::value_kind::list) return false;
  for (const auto& p : perms->as_list())
    if (p.is_string() && p.as_string() == permission) return true;
  return false;
}

std::string access_denied(const tmpl::value& user, const live_access& access) {
  bool anonymous = user.is_null();
  if (anonymous && (access.login_required || !access.permissions.empty())) return "login required";
  for (const auto& p : access.permissions)
    if (!has_permission(user, p)) return "permission '" + p + "' required";
  return "";
}

}  // namespace djust::live
