// {% if %} / {% elif %} / {% else %}: Django's smartif operator-precedence parser.
#include <optional>

#include "parser.hpp"
#include "render.hpp"

namespace djust::tmpl::detail {

namespace {

bool numeric(const value& v, double& out) {
  switch (v.kind()) {
    case value_kind::boolean: out = v.as_bool(); return true;
    case value_kind::integer: out = static_cast<double>(v.as_int()); return true;
    case value_kind::floating: out = v.as_double(); return true;
    case value_kind::decimal: out = std::strtod(v.as_decimal().text.c_str(), nullptr); return true;
    default: return false;
  }
}

struct type_error {};

// Python's ordering a < b etc.: -1, 0, 1; throws type_error where Python raises TypeError.
int compare(const value& ra, const value& rb) {
  const value& a = ra.resolved();
  const value& b = rb.resolved();
  if (a.kind() == value_kind::integer && b.kind() == value_kind::integer)
    return a.as_int() < b.as_int() ? -1 : a.as_int() > b.as_int();
  double x, y;
  if (numeric(a, x) && numeric(b, y)) return x < y ? -1 : x > y;
  if (a.kind() != b.kind()) throw type_error{};
  switch (a.kind()) {
    case value_kind::string: {
      int c = a.as_string().compare(b.as_string());
      return c < 0 ? -1 : c > 0;
    }
    case value_kind::list: {
      const auto& l = a.as_list();
      const auto& r = b.as_list();
      for (std::size_t i = 0; i < l.size() && i < r.size(); ++i) {
        if (l[i] == r[i]) continue;
        return compare(l[i], r[i]);
      }
      return l.size() < r.size() ? -1 : l.size() > r.size();
    }
    case value_kind::date: return a.as_date() < b.as_date() ? -1 : a.as_date() > b.as_date();
    case value_kind::time: return a.as_time() < b.as_time() ? -1 : a.as_time() > b.as_time();
    case value_kind::datetime:
      return a.as_datetime() < b.as_datetime() ? -1 : a.as_datetime() > b.as_datetime();
    default: throw type_error{};
  }
}

bool contains(const value& rx, const value& ry) {
  const value& x = rx.resolved();
  const value& y = ry.resolved();
  switch (y.kind()) {
    case value_kind::string:
      if (!x.is_string()) throw type_error{};
      return y.as_string().find(x.as_string()) != std::string::npos;
    case value_kind::list:
      for (const auto& item : y.as_list())
        if (item == x) return true;
      return false;
    case value_kind::map:
      if (x.kind() == value_kind::list || x.kind() == value_kind::map) throw type_error{};
      return x.is_string() && y.as_map().contains(x.as_string());
    default: throw type_error{};
  }
}

bool identical(const value& ra, const value& rb) {
  const value& a = ra.resolved();
  const value& b = rb.resolved();
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case value_kind::null: return true;
    case value_kind::boolean: return a.as_bool() == b.as_bool();
    case value_kind::integer: return a.as_int() == b.as_int() && a.as_int() >= -5 && a.as_int() <= 256;
    case value_kind::string: return &a.as_string() == &b.as_string();
    case value_kind::list: return &a.as_list() == &b.as_list();
    case value_kind::map: return &a.as_map() == &b.as_map();
    default: return &a == &b;
  }
}

enum class op { literal, or_, and_, not_, in, not_in, is, is_not, eq, ne, gt, ge, lt, le, end };

struct op_info {
  std::string_view id;
  op kind;
  int lbp;
};
constexpr op_info operators[] = {
    {"or", op::or_, 6},   {"and", op::and_, 7}, {"not", op::not_, 8},  {"in", op::in, 9},
    {"not in", op::not_in, 9}, {"is", op::is, 10},  {"is not", op::is_not, 10}, {"==", op::eq, 10},
    {"!=", op::ne, 10},   {">", op::gt, 10},    {">=", op::ge, 10},    {"<", op::lt, 10},
    {"<=", op::le, 10},
};

struct if_expr {
  op kind = op::literal;
  filter_expression literal;
  std::unique_ptr<if_expr> first, second;

  // Whether the condition holds (Django: bool(condition.eval(context))), without copying
  // values out of the context (a copy of a shared string, list or map costs an atomic
  // reference count).
  bool test(render_ctx& ctx) const {
    value tmp;
    if (kind == op::literal) return resolve(ctx, literal, tmp, true)->truthy();
    try {
      switch (kind) {
        case op::or_: return first->test(ctx) || second->test(ctx);
        case op::and_: return first->test(ctx) && second->test(ctx);
        case op::not_: return !first->test(ctx);
        default: return compare_operands(ctx);
      }
    } catch (...) {
      return false;
    }
  }

 private:
  // An operand's value: where the context holds it, or in `tmp`. Only literals, `not` and
  // comparisons stand as operands (`and`/`or` bind more loosely than any comparison), and
  // the last two are booleans.
  const value& operand(render_ctx& ctx, value& tmp) const {
    if (kind == op::literal) return *resolve(ctx, literal, tmp, true);
    tmp = test(ctx);
    return tmp;
  }

  // in, not in, is, is not, ==, !=, >, >=, <, <= (callers catch what they throw).
  bool compare_operands(render_ctx& ctx) const {
    value tx, ty;
    const value& x = first->operand(ctx, tx);
    const value& y = second->operand(ctx, ty);
    switch (kind) {
      case op::in: return contains(x, y);
      case op::not_in: return !contains(x, y);
      case op::is: return identical(x, y);
      case op::is_not: return !identical(x, y);
      case op::eq: return x == y;
      case op::ne: return !(x == y);
      case op::gt: return compare(x, y) > 0;
      case op::ge: return compare(x, y) >= 0;
      case op::lt: return compare(x, y) < 0;
      case op::le: return compare(x, y) <= 0;
      default: return false;
    }
  }
};

struct if_token {
  op kind = op::end;
  int lbp = 0;
  std::string_view text;
  filter_expression literal;
};

class if_parser {
 public:
  if_parser(const parser& p, const std::vector<std::string_view>& bits) {
    for (std::size_t i = 0; i < bits.size(); ++i) {
      std::string_view t = bits[i];
      std::string joined;
      if (t == "is" && i + 1 < bits.size() && bits[i + 1] == "not") joined = "is not", ++i;
      else if (t == "not" && i + 1 < bits.size() && bits[i + 1] == "in") joined = "not in", ++i;
      std::string_view id = joined.empty() ? t : std::string_view(joined);
      if_token tok;
      tok.text = t;
      bool is_op = false;
      for (const auto& o : operators)
        if (o.id == id) {
          tok.kind = o.kind;
          tok.lbp = o.lbp;
          tok.text = o.id;
          is_op = true;
        }
      if (!is_op) {
        tok.kind = op::literal;
        tok.literal = p.compile_filter(t);
      }
      tokens_.push_back(std::move(tok));
    }
    current_ = next();
  }

  std::unique_ptr<if_expr> parse() {
    auto e = expression(0);
    if (current_.kind != op::end)
      throw syntax_error("Unused '" + display(current_) + "' at end of if expression.");
    return e;
  }

 private:
  static std::string display(const if_token& t) {
    if (t.kind == op::end) return "end";
    return std::string(t.text);
  }
  if_token next() { return pos_ < tokens_.size() ? std::move(tokens_[pos_++]) : if_token{}; }

  std::unique_ptr<if_expr> expression(int rbp) {
    if_token t = std::move(current_);
    current_ = next();
    auto left = nud(std::move(t));
    while (rbp < current_.lbp) {
      t = std::move(current_);
      current_ = next();
      left = led(std::move(t), std::move(left));
    }
    return left;
  }

  std::unique_ptr<if_expr> nud(if_token t) {
    auto e = std::make_unique<if_expr>();
    if (t.kind == op::literal) {
      e->literal = std::move(t.literal);
      return e;
    }
    if (t.kind == op::end) throw syntax_error("Unexpected end of expression in if tag.");
    if (t.kind != op::not_)
      throw syntax_error("Not expecting '" + display(t) + "' in this position in if tag.");
    e->kind = op::not_;
    e->first = expression(t.lbp);
    return e;
  }

  std::unique_ptr<if_expr> led(if_token t, std::unique_ptr<if_expr> left) {
    if (t.kind == op::literal || t.kind == op::not_ || t.kind == op::end)
      throw syntax_error("Not expecting '" + display(t) + "' in this position in if tag.");
    auto e = std::make_unique<if_expr>();
    e->kind = t.kind;
    e->first = std::move(left);
    e->second = expression(t.lbp);
    return e;
  }

  std::vector<if_token> tokens_;
  std::size_t pos_ = 0;
  if_token current_;
};

class if_node final : public node {
 public:
  std::vector<std::pair<std::unique_ptr<if_expr>, node_list>> branches;  // null condition: else

  void render(render_ctx& ctx, std::string& out) const override {
    for (const auto& [cond, body] : branches) {
      bool match = true;
      if (cond) {
        try {
          match = cond->test(ctx);
        } catch (const variable_does_not_exist&) {
          match = false;
        }
      }
      if (match) {
        render_list(body, ctx, out);
        return;
      }
    }
  }
  void for_each_child(const std::function<void(const node_list&)>& fn) const override {
    for (const auto& b : branches) fn(b.second);
  }
  std::string repr() const override { return "<IfNode>"; }
};

std::unique_ptr<node> compile_if(parser& p, const token& t) {
  auto n = std::make_unique<if_node>();
  auto bits = parser::split_contents(t.contents);
  bits.erase(bits.begin());
  auto cond = if_parser(p, bits).parse();
  auto body = p.parse({"elif", "else", "endif"});
  n->branches.emplace_back(std::move(cond), std::move(body));
  token next = p.next_token();
  while (next.contents.substr(0, 4) == "elif") {
    auto ebits = parser::split_contents(next.contents);
    ebits.erase(ebits.begin());
    try {
      cond = if_parser(p, ebits).parse();
    } catch (const syntax_error& e) {
      throw p.error(next, e.what());
    }
    body = p.parse({"elif", "else", "endif"});
    n->branches.emplace_back(std::move(cond), std::move(body));
    next = p.next_token();
  }
  if (next.contents == "else") {
    body = p.parse({"endif"});
    n->branches.emplace_back(nullptr, std::move(body));
    next = p.next_token();
  }
  if (next.contents != "endif")
    throw syntax_error("Malformed template tag at line " +
                       std::to_string(p.where.line_at(next.offset)) + ": \"" +
                       std::string(next.contents) + "\"");
  return n;
}

}  // namespace

void register_if_tag(tag_registry& tags) { tags["if"] = compile_if; }

}  // namespace djust::tmpl::detail
