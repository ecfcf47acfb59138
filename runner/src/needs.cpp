// SPDX-License-Identifier: Apache-2.0
// THE table of needs (scenarios/README.md, "Needs and capabilities").
#include "samlt/runner/needs.hpp"

namespace samlt::runner {
namespace {

constexpr Need k_needs[] = {
    {need::sp_initiated_login, NeedSource::discovered,
     "the SP starts sign-in itself: its login URL answers with an AuthnRequest",
     "the target has no login_url: give one that answers with the SP's AuthnRequest (an "
     "HTTP-Redirect or an auto-POST form) to run scenarios that need an AuthnRequest"},
    {need::encryption_certificate, NeedSource::discovered,
     "the SP publishes an encryption certificate, so the IdP can encrypt the assertion to it",
     "the SP offers no encryption certificate: give SP metadata (metadata_url or metadata_file) "
     "with a KeyDescriptor use=\"encryption\", or encryption_certificate (a PEM file), to test "
     "token encryption"},
    {need::idp_metadata_trust, NeedSource::declared,
     "the SP trusts every signing certificate in the IdP metadata (it imported the metadata "
     "rather than pinning one certificate)",
     "the SP pins one certificate: import the IdP metadata (`idp_sim run --target FILE "
     "--write-idp-metadata OUT`) into the SP and list \"idp_metadata_trust\" in the target's "
     "capabilities to test expiry and rollover"},
    {need::session_attributes, NeedSource::discovered,
     "a page shows the signed-in session (NameID, attributes) as JSON",
     "the target cannot read the session's attributes: add signals.session_probe with \"json\": "
     "true (a page that answers the session as JSON) to check what reached the session"},
    {need::canary_reachable, NeedSource::discovered,
     "the SP can reach the runner's loopback canary, so a fetch of a URL planted in the message "
     "is seen (NO-FETCH cases)",
     "the SP is not on this machine's loopback, so it could not reach the runner's canary and a "
     "fetch would go unseen: run the SP on 127.0.0.1 to test that it fetches nothing a message names"},
};

}  // namespace

std::span<const Need> all_needs() { return k_needs; }

const Need* find_need(std::string_view id) {
  for (const auto& need : k_needs) {
    if (need.id == id) {
      return &need;
    }
  }
  return nullptr;
}

std::string need_ids_joined() {
  std::string out;
  for (const auto& need : k_needs) {
    out += (out.empty() ? "" : ", ") + std::string(need.id);
  }
  return out;
}

}  // namespace samlt::runner
