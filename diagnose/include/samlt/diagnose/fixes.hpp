// SPDX-License-Identifier: Apache-2.0
// What to change, in Entra or in the SP, for each reason the reference SP's ACS can give: the
// fix texts `idp_sim diagnose` prints beside every failure (issue 13).
#pragma once

#include "samlt/core/reason.hpp"

#include <map>
#include <span>
#include <string>
#include <string_view>

namespace samlt::diagnose {

// One row per reason. Texts may hold placeholders, filled by the diagnosis:
//   {value}         the value found at `element` in the examined message ("" when absent)
//   {sp_entity_id}  the SP's entity ID (its Audience)      {acs_url}  the SP's ACS URL
//   {idp_entity_id} the trusted IdP's entity ID            {at}       the moment judged (UTC)
//   {skew}          the SP's clock skew, in seconds
struct Fix {
  core::Reason reason;
  // Where the fault is, as a path of local names from the Response or from the examined
  // Assertion, the last one optionally an attribute: "Assertion/Conditions/@NotOnOrAfter",
  // "Response/@Destination", "Response/Signature". Empty when the fault is not one element
  // (the HTTP request, the whole document, the SP's own state).
  std::string_view element;
  std::string_view expected;  // what the SP expected there
  std::string_view entra;     // what to change in Entra; empty when Entra can't cause it
  std::string_view sp;        // what to change in the SP; empty when the SP is right to refuse
};

// Every row, in reasons.def order.
std::span<const Fix> fixes();

// The row for `reason`, or nullptr when the ACS never gives it.
const Fix* fix_for(core::Reason reason);

// `text` with each {name} replaced from `values`; names not in `values` stay as they are.
std::string fill_placeholders(std::string_view text, const std::map<std::string, std::string>& values);

}  // namespace samlt::diagnose
