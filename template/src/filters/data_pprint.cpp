// Django's pprint filter: Python's pprint.pformat (width 80, indent 1, sorted dict
// keys, long strings split into implicitly concatenated chunks).
#include <algorithm>
#include <string>
#include <vector>

#include "filters/data_filters.hpp"
#include "number_format.hpp"

namespace djust::tmpl::detail {

namespace {

constexpr std::int64_t width = 80;

std::int64_t cp_len(std::string_view s) {
  std::int64_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::vector<const value_map::entry*> sorted_entries(const value_map& m) {
  std::vector<const value_map::entry*> entries;
  for (const auto& e : m) entries.push_back(&e);
  std::stable_sort(entries.begin(), entries.end(),
                   [](auto* a, auto* b) { return a->first < b->first; });
  return entries;
}

// pprint's safe_repr: repr() with dict keys sorted at every level.
void sorted_repr(std::string& out, const value& item) {
  const value& v = item.resolved();
  if (v.kind() == value_kind::list) {
    out += '[';
    bool first = true;
    for (const auto& item : v.as_list()) {
      if (!first) out += ", ";
      first = false;
      sorted_repr(out, item);
    }
    out += ']';
  } else if (v.kind() == value_kind::map) {
    out += '{';
    bool first = true;
    for (const auto* e : sorted_entries(v.as_map())) {
      if (!first) out += ", ";
      first = false;
      out += value(e->first).repr();
      out += ": ";
      sorted_repr(out, e->second);
    }
    out += '}';
  } else {
    out += py_repr(v);
  }
}

bool is_line_break(char c) { return c == '\n' || c == '\r' || c == '\v' || c == '\f' || (c >= 0x1c && c <= 0x1e); }
bool is_space(char c) { return c == ' ' || c == '\t' || is_line_break(c) || c == 0x1f; }

// str.splitlines(keepends=True) for the ASCII line breaks.
std::vector<std::string_view> split_lines(std::string_view s) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!is_line_break(s[i])) continue;
    if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
    lines.push_back(s.substr(start, i + 1 - start));
    start = i + 1;
  }
  if (start < s.size()) lines.push_back(s.substr(start));
  return lines;
}

std::string str_repr(std::string_view s) { return value(s).repr(); }

void format_value(std::string& out, const value& v, std::int64_t indent, std::int64_t allowance, int level);

void format_str(std::string& out, const std::string& s, std::int64_t indent, std::int64_t allowance,
                int level) {
  if (s.empty()) {
    out += "''";
    return;
  }
  std::vector<std::string> chunks;
  auto lines = split_lines(s);
  if (level == 1) {
    indent += 1;
    allowance += 1;
  }
  std::int64_t max_width = width - indent, max_width1 = max_width;
  std::string rep;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    rep = str_repr(lines[i]);
    bool last_line = i + 1 == lines.size();
    if (last_line) max_width1 -= allowance;
    if (cp_len(rep) <= max_width1) {
      chunks.push_back(rep);
      continue;
    }
    // re.findall(r'\S*\s*', line) without the final empty match.
    std::vector<std::string_view> parts;
    std::string_view line = lines[i];
    for (std::size_t p = 0; p < line.size();) {
      std::size_t q = p;
      while (q < line.size() && !is_space(line[q])) ++q;
      while (q < line.size() && is_space(line[q])) ++q;
      parts.push_back(line.substr(p, q - p));
      p = q;
    }
    std::int64_t max_width2 = max_width;
    std::string current;
    for (std::size_t j = 0; j < parts.size(); ++j) {
      std::string candidate = current + std::string(parts[j]);
      if (j + 1 == parts.size() && last_line) max_width2 -= allowance;
      if (cp_len(str_repr(candidate)) > max_width2) {
        if (!current.empty()) chunks.push_back(str_repr(current));
        current = std::string(parts[j]);
      } else {
        current = std::move(candidate);
      }
    }
    if (!current.empty()) chunks.push_back(str_repr(current));
  }
  if (chunks.size() == 1) {
    out += rep;
    return;
  }
  if (level == 1) out += '(';
  for (std::size_t i = 0; i < chunks.size(); ++i) {
    if (i > 0) {
      out += '\n';
      out.append(static_cast<std::size_t>(indent), ' ');
    }
    out += chunks[i];
  }
  if (level == 1) out += ')';
}

void format_list(std::string& out, const value_list& items, std::int64_t indent, std::int64_t allowance,
                 int level) {
  out += '[';
  allowance += 1;
  indent += 1;
  std::string delim;
  for (std::size_t i = 0; i < items.size(); ++i) {
    bool last = i + 1 == items.size();
    out += delim;
    delim = ",\n" + std::string(static_cast<std::size_t>(indent), ' ');
    format_value(out, items[i], indent, last ? allowance : 1, level);
  }
  out += ']';
}

void format_dict(std::string& out, const value_map& map, std::int64_t indent, std::int64_t allowance,
                 int level) {
  out += '{';
  allowance += 1;
  indent += 1;
  auto entries = sorted_entries(map);
  std::string delim = ",\n" + std::string(static_cast<std::size_t>(indent), ' ');
  for (std::size_t i = 0; i < entries.size(); ++i) {
    bool last = i + 1 == entries.size();
    std::string key = value(entries[i]->first).repr();
    out += key;
    out += ": ";
    format_value(out, entries[i]->second, indent + cp_len(key) + 2, last ? allowance : 1, level);
    if (!last) out += delim;
  }
  out += '}';
}

void format_value(std::string& out, const value& item, std::int64_t indent, std::int64_t allowance,
                  int level) {
  const value& v = item.resolved();
  std::string rep;
  sorted_repr(rep, v);
  if (cp_len(rep) > width - indent - allowance) {
    switch (v.kind()) {
      case value_kind::list: format_list(out, v.as_list(), indent, allowance, level + 1); return;
      case value_kind::map: format_dict(out, v.as_map(), indent, allowance, level + 1); return;
      case value_kind::string: format_str(out, v.as_string(), indent, allowance, level + 1); return;
      default: break;
    }
  }
  out += rep;
}

value pprint(const value& input, const value*, const filter_env&) {
  std::string out;
  format_value(out, input, 0, 0, 0);
  return value(std::move(out));
}

}  // namespace

void register_pprint_filter(library& lib) {
  lib.add_filter("pprint", {pprint, filter_arg::none, /*is_safe=*/true});
}

}  // namespace djust::tmpl::detail
