// msgpack-cxx level access to the value codec, for codecs that embed values in larger frames.
#pragma once

#include <string>
#include <string_view>

#include <msgpack.hpp>

#include "djust/actors/value_codec.hpp"

namespace djust::live {

// A msgpack-cxx output stream appending to a std::string.
struct string_stream {
  std::string* out;
  void write(const char* data, std::size_t size) { out->append(data, size); }
};
using string_packer = msgpack::packer<string_stream>;

void pack_value(string_packer& packer, const tmpl::value& v);

// Unpacks exactly one msgpack object spanning all of `bytes`, within `limits`;
// throws codec_error (truncated / malformed / too_large / trailing bytes).
msgpack::object_handle unpack_one(std::string_view bytes, const decode_limits& limits);

// Converts an unpacked object; throws codec_error for non-string map keys or unknown ext types.
tmpl::value value_from_object(const msgpack::object& obj);

}  // namespace djust::live
