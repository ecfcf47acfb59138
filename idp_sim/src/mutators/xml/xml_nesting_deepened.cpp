// SPDX-License-Identifier: Apache-2.0
// xml.nesting_deepened — a samlp:Extensions holding `depth` nested elements, after the Response
// Issuer (attack-catalogue XML-DEEP-NESTING: stack exhaustion in recursive parsers and tree
// walkers). An SP bounds the depth it parses (libxml2 does unless XML_PARSE_HUGE is set). Written
// as text: a DOM this deep would overflow the recursive serialiser.
#include "mutators/mutators.hpp"
#include "mutators/xml/xml.hpp"

namespace samlt::idp::mutators {

// Params: depth (default 100000, at least 1).
core::Result<void> xml_nesting_deepened(Target& target) {
  auto depth = int_param(target, "depth", 100000, 1);
  if (!depth) {
    return core::fail(depth.error());
  }
  auto end = target.xml->find("</Issuer>");
  if (end == std::string::npos) {
    return core::fail(core::Reason::mutator_not_applicable, "no Response Issuer");
  }
  auto levels = static_cast<std::size_t>(*depth);
  std::string nest = "<samlp:Extensions><x:d xmlns:x=\"urn:samlt:deep\">";
  nest.reserve(nest.size() + levels * 11 + 32);
  for (std::size_t i = 1; i < levels; ++i) {
    nest += "<x:d>";
  }
  for (std::size_t i = 0; i < levels; ++i) {
    nest += "</x:d>";
  }
  nest += "</samlp:Extensions>";
  target.xml->insert(end + 9, nest);
  return {};
}

}  // namespace samlt::idp::mutators
