// SPDX-License-Identifier: Apache-2.0
// attribute.unique
#include "samlt/sp/validation/steps.hpp"

#include <set>

namespace samlt::sp::steps {

// saml-core §2.7.3.1: an Attribute element carries all the values of one attribute, so one Name
// twice (in one AttributeStatement or across several) means the IdP said two things, and any
// choice this SP made (first, last, merged) would be a guess the application never sees
// (ATTR-DUPLICATE: a second role "admin", a second emailaddress naming another account). Reads
// the attributes attribute.email collected from the verified Assertion.
core::Result<void> attribute_unique(const Context&, MessageEvidence& ev) {
  std::set<std::string> seen;
  for (const auto& attribute : ev.attributes) {
    if (!seen.insert(attribute.name).second) {
      return core::fail(core::Reason::attribute_duplicated,
                        "Attribute Name '" + attribute.name + "' appears more than once");
    }
  }
  return {};
}

}  // namespace samlt::sp::steps
