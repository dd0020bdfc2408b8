// msgpack and JSON encodings of template values: view snapshots and event payloads.
//
// msgpack keeps every value kind: dates, times, datetimes, decimals and safe strings
// travel as msgpack ext types (see `ext_type`), so a snapshot restores exactly.
// JSON is for debugging and third-party clients: dates and decimals become strings
// and a safe string becomes a plain string.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "djust/template/value.hpp"

namespace djust::live {

// Limits applied while decoding untrusted bytes.
struct decode_limits {
  std::size_t max_depth = 32;         // nesting of lists/maps
  std::size_t max_items = 100000;     // elements of one list or map
  std::size_t max_string = 1 << 20;   // bytes of one string
};

// A decode failure; what() is a clear, user-presentable sentence.
class codec_error : public std::runtime_error {
 public:
  enum class kind : std::uint8_t { malformed, truncated, too_large, unsupported };
  codec_error(kind k, const std::string& message) : std::runtime_error(message), kind_(k) {}
  kind code() const noexcept { return kind_; }

 private:
  kind kind_;
};

// msgpack ext type codes used for value kinds that msgpack has no native type for.
enum class ext_type : std::int8_t { date = 1, time = 2, datetime = 3, decimal = 4, safe_string = 5 };

// Appends the encoding of `v` (lazy values are resolved first).
void append_msgpack(std::string& out, const tmpl::value& v);
void append_json(std::string& out, const tmpl::value& v);
std::string to_msgpack(const tmpl::value& v);
std::string to_json(const tmpl::value& v);

// Decodes exactly one value spanning all of `bytes`; throws codec_error.
tmpl::value from_msgpack(std::string_view bytes, const decode_limits& limits = {});
tmpl::value from_json(std::string_view text, const decode_limits& limits = {});

// ISO 8601 text of date/time values ("2024-05-01", "13:45:00.250000", "2024-05-01T13:45:00").
std::string iso_text(const tmpl::value& v);

}  // namespace djust::live
