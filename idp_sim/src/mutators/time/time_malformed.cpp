// SPDX-License-Identifier: Apache-2.0
// time.malformed — a dateTime that is not a valid xs:dateTime in UTC (a calendar date that does
// not exist, a word, nothing, no time zone, a space for the `T`), then signed. saml-core §1.3.3:
// SAML times are xs:dateTime in UTC; a parse failure must never be read as "no constraint".
// Case TIME-MALFORMED; the default puts 2024-02-30T00:00:00Z into Conditions/@NotOnOrAfter.
#include "mutators/locate.hpp"
#include "mutators/time/time.hpp"

namespace samlt::idp::mutators {

core::Result<void> time_malformed(Target& target) {
  auto field = time::field_param(target, "conditions.not_on_or_after");
  if (!field) {
    return core::fail(field.error());
  }
  auto value = text_param(target, "value", "2024-02-30T00:00:00Z");
  if (!value) {
    return core::fail(value.error());
  }
  core::set_attribute(field->element, field->attribute, *value);
  return {};
}

}  // namespace samlt::idp::mutators
