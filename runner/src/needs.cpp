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
    {need::encryption_rollover, NeedSource::discovered,
     "the SP publishes a second encryption certificate and decrypts with either (a key rollover)",
     "the SP metadata lists one encryption certificate: publish the next one as a second "
     "KeyDescriptor use=\"encryption\" to test that assertions encrypted to it are taken"},
    {need::single_logout, NeedSource::discovered,
     "the SP takes an IdP's LogoutRequest at an HTTP-Redirect SingleLogoutService, and a session "
     "probe tells whether the session ended",
     "the target has no SLO URL or no session probe: give slo_url (or SP metadata with a Redirect "
     "SingleLogoutService) and signals.session_probe, and have the SP trust the IdP's logout "
     "signatures, to test the signed Redirect messages it receives"},
    {need::second_idp_trust, NeedSource::declared,
     "the SP also trusts a second IdP: idp_sim's other tenant, entity ID "
     "https://sts.windows.net/0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e/ with the signing certificate "
     "idp2-signing (the catalogue's IdP-B)",
     "the SP trusts one IdP: also trust the entity ID "
     "https://sts.windows.net/0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e/ with certs/generated/idp2-signing.crt "
     "(no account linked to it) and list \"second_idp_trust\" in the target's capabilities, to test "
     "that one trusted IdP cannot sign in another's users"},
    {need::metadata_refresh, NeedSource::discovered,
     "the runner can hand the SP new metadata for the IdP it trusts (an admin's import or refresh), "
     "and have it back",
     "the target has no metadata_refresh: describe the SP's metadata import (the form URL, its "
     "fields, and the admin login and CSRF token it needs) to test what the SP does with bad IdP "
     "metadata"},
    {need::sp_restart, NeedSource::discovered,
     "the runner can restart the SP (the target's restart command) and wait until it answers again",
     "the target has no restart: give \"restart\": {\"command\": [...]} (argv of a command that "
     "restarts the SP and exits 0) to test that its replay cache survives a restart"},
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
