// SPDX-License-Identifier: Apache-2.0
#include "samlt/core/codec.hpp"

#include <Poco/Exception.h>
#include <Poco/URI.h>
#include <openssl/evp.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>

namespace samlt::core {
namespace {

bool is_base64_char(unsigned char c) { return std::isalnum(c) || c == '+' || c == '/'; }
bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

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
  std::string clean;
  clean.reserve(text.size());
  for (unsigned char c : text) {
    if (!is_space(c)) {
      clean.push_back(static_cast<char>(c));
    }
  }
  if (clean.size() % 4 != 0) {
    return fail(Reason::codec_base64_invalid, "length is not a multiple of 4 after removing whitespace");
  }
  std::size_t padding = 0;
  for (std::size_t i = 0; i < clean.size(); ++i) {
    auto c = static_cast<unsigned char>(clean[i]);
    if (c == '=') {
      // Padding only in the last two positions, and nothing but padding after it.
      if (i + 2 < clean.size() || (i + 1 < clean.size() && clean[i + 1] != '=')) {
        return fail(Reason::codec_base64_invalid, "padding in the middle at offset " + std::to_string(i));
      }
      ++padding;
    } else if (!is_base64_char(c)) {
      return fail(Reason::codec_base64_invalid, "character outside the base64 alphabet at offset " + std::to_string(i));
    }
  }
  // RFC 4648 §3.5: the bits a final partial quantum leaves unused must be zero; otherwise two texts
  // decode to the same bytes (a malleability canonical decoders refuse).
  if (padding > 0) {
    static constexpr std::string_view k_alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    auto last = k_alphabet.find(clean[clean.size() - padding - 1]);
    unsigned unused_mask = padding == 1 ? 0x03 : 0x0f;
    if ((last & unused_mask) != 0) {
      return fail(Reason::codec_base64_invalid, "non-zero padding bits in the last quantum");
    }
  }
  std::string out(clean.size() / 4 * 3, '\0');
  int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(clean.data()),
                          static_cast<int>(clean.size()));
  if (n < 0) {
    return fail(Reason::codec_base64_invalid, "OpenSSL refused the input");
  }
  out.resize(static_cast<std::size_t>(n) - padding);
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
  try {
    // Form encoding writes a space as '+' (HTML 4.01 §17.13.4.1); Poco's plusAsSpace only applies
    // after a '?', so translate first (a literal '+' always arrives as %2B).
    std::string plus_as_space(text);
    std::replace(plus_as_space.begin(), plus_as_space.end(), '+', ' ');
    std::string out;
    Poco::URI::decode(plus_as_space, out);
    return out;
  } catch (const Poco::Exception& e) {
    return fail(Reason::codec_url_invalid, e.displayText());
  }
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
