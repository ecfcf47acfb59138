// SPDX-License-Identifier: Apache-2.0
#include "samlt/core/codec.hpp"

#include <openssl/evp.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstdint>

namespace samlt::core {
namespace {

// RFC 4648 §4: each byte's sextet, or what else it is. Built once, so that decoding a response
// asks nothing per byte (std::isalnum would ask the locale).
constexpr int k_base64_invalid = -1;
constexpr int k_base64_space = -2;
constexpr int k_base64_pad = -3;
constexpr std::array<signed char, 256> k_base64_values = [] {
  std::array<signed char, 256> values{};
  values.fill(k_base64_invalid);
  constexpr std::string_view alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (std::size_t i = 0; i < alphabet.size(); ++i) {
    values[static_cast<unsigned char>(alphabet[i])] = static_cast<signed char>(i);
  }
  for (unsigned char space : {' ', '\t', '\r', '\n'}) {
    values[space] = k_base64_space;
  }
  values['='] = k_base64_pad;
  return values;
}();

int hex_value(unsigned char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  return -1;
}

// RFC 3986 §2.3: the characters a URL carries as they are; every other byte is percent-encoded.
bool is_unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
         c == '.' || c == '~';
}

// `text` percent-encoded onto the end of `out`, sized exactly before it is written, so that a
// multi-megabyte form stays cheap (BIND-OVERSIZE).
void append_url_encoded(std::string& out, std::string_view text, HexCase hex_case) {
  std::size_t size = text.size();
  for (char c : text) {
    size += is_unreserved(static_cast<unsigned char>(c)) ? 0 : 2;
  }
  const char* digits = hex_case == HexCase::lower ? "0123456789abcdef" : "0123456789ABCDEF";
  std::size_t at = out.size();
  out.resize(at + size);
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (is_unreserved(byte)) {
      out[at++] = c;
    } else {
      out[at++] = '%';
      out[at++] = digits[byte >> 4];
      out[at++] = digits[byte & 0x0F];
    }
  }
}

}  // namespace

std::string base64_encode(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(bytes.data()),
                          static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

Result<std::string> base64_decode(std::string_view text) {
  // One pass: whitespace skipped, every other byte checked and decoded through a table, straight
  // into the output. Offsets count the text without its whitespace.
  std::string out(text.size() / 4 * 3 + 3, '\0');
  std::size_t written = 0;
  std::size_t offset = 0;
  std::size_t padding = 0;
  std::uint32_t quantum = 0;
  int held = 0;  // sextets in `quantum`
  for (unsigned char c : text) {
    int value = k_base64_values[c];
    if (value == k_base64_space) {
      continue;
    }
    if (value == k_base64_pad) {
      // Padding only in the last two positions of the last quantum.
      if (++padding > 2 || held < 2) {
        return fail(Reason::codec_base64_invalid, "padding in the middle at offset " + std::to_string(offset));
      }
    } else if (padding > 0) {
      return fail(Reason::codec_base64_invalid, "padding in the middle at offset " + std::to_string(offset - padding));
    } else if (value < 0) {
      return fail(Reason::codec_base64_invalid, "character outside the base64 alphabet at offset " + std::to_string(offset));
    } else {
      quantum = quantum << 6 | static_cast<std::uint32_t>(value);
      if (++held == 4) {
        out[written++] = static_cast<char>(quantum >> 16);
        out[written++] = static_cast<char>(quantum >> 8);
        out[written++] = static_cast<char>(quantum);
        quantum = 0;
        held = 0;
      }
    }
    ++offset;
  }
  if (offset % 4 != 0) {
    return fail(Reason::codec_base64_invalid, "length is not a multiple of 4 after removing whitespace");
  }
  // RFC 4648 §3.5: the bits a final partial quantum leaves unused must be zero; otherwise two texts
  // decode to the same bytes (a malleability canonical decoders refuse).
  if (held == 2) {
    if ((quantum & 0x0f) != 0) {
      return fail(Reason::codec_base64_invalid, "non-zero padding bits in the last quantum");
    }
    out[written++] = static_cast<char>(quantum >> 4);
  } else if (held == 3) {
    if ((quantum & 0x03) != 0) {
      return fail(Reason::codec_base64_invalid, "non-zero padding bits in the last quantum");
    }
    out[written++] = static_cast<char>(quantum >> 10);
    out[written++] = static_cast<char>(quantum >> 2);
  }
  out.resize(written);
  return out;
}

std::string deflate_raw(std::string_view bytes) {
  z_stream stream{};
  // windowBits -15: raw DEFLATE without zlib header or checksum (saml-bindings §3.4.4.1).
  deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&stream, static_cast<uLong>(bytes.size())), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

Result<std::string> inflate_raw(std::string_view bytes, std::size_t max_output) {
  z_stream stream{};
  if (inflateInit2(&stream, -15) != Z_OK) {
    return fail(Reason::internal_error, "inflateInit2 failed");
  }
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  std::string out;
  char chunk[16384];
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    stream.next_out = reinterpret_cast<Bytef*>(chunk);
    stream.avail_out = sizeof chunk;
    rc = inflate(&stream, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) {
      std::string why = stream.msg ? stream.msg : "truncated or corrupt stream";
      inflateEnd(&stream);
      return fail(Reason::codec_inflate_failed, why);
    }
    out.append(chunk, sizeof chunk - stream.avail_out);
    if (out.size() > max_output) {
      inflateEnd(&stream);
      return fail(Reason::codec_inflate_too_large,
                  "inflated data exceeds " + std::to_string(max_output) + " bytes");
    }
    if (rc == Z_OK && stream.avail_in == 0 && stream.avail_out != 0) {
      inflateEnd(&stream);
      return fail(Reason::codec_inflate_failed, "stream ends before its final block");
    }
  }
  bool trailing = stream.avail_in != 0;
  inflateEnd(&stream);
  if (trailing) {
    return fail(Reason::codec_inflate_failed, "bytes after the end of the DEFLATE stream");
  }
  return out;
}

std::string url_encode(std::string_view text, HexCase hex_case) {
  std::string out;
  append_url_encoded(out, text, hex_case);
  return out;
}

Result<std::string> url_decode(std::string_view text) {
  std::string out(text.size(), '\0');
  std::size_t written = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%') {
      int high = i + 1 < text.size() ? hex_value(static_cast<unsigned char>(text[i + 1])) : -1;
      int low = i + 2 < text.size() ? hex_value(static_cast<unsigned char>(text[i + 2])) : -1;
      if (high < 0 || low < 0) {
        return fail(Reason::codec_url_invalid, "'%' at offset " + std::to_string(i) + " is not followed by two hex digits");
      }
      c = static_cast<char>(high * 16 + low);
      i += 2;
    } else if (c == '+') {
      c = ' ';  // form encoding writes a space as '+' (HTML 4.01 §17.13.4.1)
    }
    out[written++] = c;
  }
  out.resize(written);
  return out;
}

Result<FormFields> parse_form(std::string_view text) {
  if (!text.empty() && text.front() == '?') {
    text.remove_prefix(1);
  }
  FormFields fields;
  while (!text.empty()) {
    auto amp = text.find('&');
    auto pair = text.substr(0, amp);
    text = amp == std::string_view::npos ? std::string_view() : text.substr(amp + 1);
    if (pair.empty()) {
      continue;
    }
    auto eq = pair.find('=');
    auto name = url_decode(pair.substr(0, eq));
    auto value = url_decode(eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1));
    if (!name) {
      return fail(name.error());
    }
    if (!value) {
      return fail(value.error());
    }
    fields.emplace_back(std::move(*name), std::move(*value));
  }
  return fields;
}

std::string encode_form(const FormFields& fields, HexCase hex_case) {
  std::string out;
  for (const auto& [name, value] : fields) {
    if (!out.empty()) {
      out += '&';
    }
    append_url_encoded(out, name, hex_case);
    out += '=';
    append_url_encoded(out, value, hex_case);
  }
  return out;
}

std::vector<std::string> form_values(const FormFields& fields, std::string_view name) {
  std::vector<std::string> values;
  for (const auto& [field, value] : fields) {
    if (field == name) {
      values.push_back(value);
    }
  }
  return values;
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace samlt::core
