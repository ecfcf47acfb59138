// SPDX-License-Identifier: Apache-2.0
// binding.body_oversized — a multi-megabyte POST (BIND-OVERSIZE; ruby-saml CVE-2025-54572: no
// size limit before base64 decoding and parsing). The Response gets a samlp:Extensions after its
// Issuer (saml-core §3.2.2 allows any foreign elements there) padded until the form body is about
// size_mb MiB; the signed Assertion is untouched, so its signature still verifies.
#include "mutators/binding/binding.hpp"
#include "mutators/mutators.hpp"

#include <algorithm>

namespace samlt::idp::mutators {
namespace {

// One padding element holds at most this much text, so that parsers with a per-text-node limit
// (libxml2 without XML_PARSE_HUGE: 10 MB) still read the document.
constexpr std::size_t k_chunk_bytes = 1024 * 1024;

// Where the Response's first child after its Issuer goes: after </Issuer> when the Response
// starts with one, else right after the Response start tag.
std::size_t after_response_issuer(const std::string& xml) {
  std::size_t start_tag_end = xml.find('>');
  if (start_tag_end == std::string::npos) {
    return std::string::npos;
  }
  std::size_t at = start_tag_end + 1;
  if (xml.compare(at, 7, "<Issuer") == 0) {
    std::size_t end = xml.find("</Issuer>", at);
    return end == std::string::npos ? std::string::npos : end + 9;
  }
  return at;
}

}  // namespace

core::Result<void> binding_body_oversized(Target& target) {
  auto size_mb = int_param(target, "size_mb", 5, 1);
  if (!size_mb) {
    return core::fail(size_mb.error());
  }
  if (*size_mb > 512) {
    return core::fail(core::Reason::mutator_params_invalid, "/size_mb: at most 512");
  }
  std::string& xml = *target.xml;
  std::size_t at = after_response_issuer(xml);
  if (at == std::string::npos) {
    return core::fail(core::Reason::mutator_not_applicable, "the message has no Response start tag");
  }
  // base64 makes 4 characters of 3 bytes: the XML is 3/4 of the body.
  const std::size_t body_bytes = static_cast<std::size_t>(*size_mb) * 1024 * 1024;
  std::size_t pad = body_bytes / 4 * 3 > xml.size() ? body_bytes / 4 * 3 - xml.size() : 0;
  std::string padded;
  padded.reserve(xml.size() + pad + pad / k_chunk_bytes * 64 + 128);
  padded.append(xml, 0, at);
  padded += "<samlp:Extensions>";
  while (pad > 0) {
    std::size_t chunk = std::min(pad, k_chunk_bytes);
    padded += "<x:pad xmlns:x=\"urn:samlt:pad\">";
    padded.append(chunk, 'A');
    padded += "</x:pad>";
    pad -= chunk;
  }
  padded += "</samlp:Extensions>";
  padded.append(xml, at);
  xml = std::move(padded);
  return {};
}

}  // namespace samlt::idp::mutators
