// Python's urllib.parse and idna codec pieces that Django's smart_urlquote uses
// (urlsplit/urlunsplit, quote/unquote, parse_qsl/urlencode, IDNA with punycode), for
// urlize's hrefs and e-mail domains.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace djust::tmpl::detail {

// domain.encode('idna').decode('ascii'): an ASCII domain is only checked and returned
// as it is; another is encoded into `buf`. nullopt where Python raises UnicodeError.
std::optional<std::string_view> idna_encode(std::string_view domain, std::string& buf);

// Appends escape(smart_urlquote(url)): each part is quoted straight into the href, and
// urlunsplit's joining is done on the way.
void append_smart_urlquoted(std::string& out, std::string_view url);

}  // namespace djust::tmpl::detail
