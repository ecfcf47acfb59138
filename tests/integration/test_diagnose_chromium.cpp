// SPDX-License-Identifier: Apache-2.0
// Captures from a real browser (issue 13): Debian's chromium signs in through the real idp_sim to
// the real reference SP, with a fault set on idp_sim's control API for the next Response; the
// DevTools Protocol's network events become HAR 1.2, as the developer tools would save it; and
// `diagnose` reads that HAR and finds the fault's reason, with a fix.
#include "devtools_har.hpp"
#include "federation_servers.hpp"
#include "samlt/core/fs.hpp"
#include "samlt/diagnose/diagnosis.hpp"
#include "samlt/idp/mutator.hpp"
#include "support/process.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace samlt;

namespace {

constexpr const char* k_app_id = "00001111-aaaa-2222-bbbb-3333cccc4444";
constexpr const char* k_app_metadata =
    "/aaaabbbb-0000-cccc-1111-dddd2222eeee/federationmetadata/2007-06/federationmetadata.xml"
    "?appid=00001111-aaaa-2222-bbbb-3333cccc4444";

}  // namespace

TEST_CASE("diagnose: HAR from a real Chromium over the DevTools Protocol gives each fault's reason",
          "[integration][diagnose][chromium]") {
  test::FederationServers servers;
  test::DevToolsBrowser browser(servers.dir().path());
  diagnose::SpSettings sp;
  REQUIRE(diagnose::apply_sp_metadata(servers.sp_base() + "/saml/metadata", sp));
  diagnose::IdpSettings idp;
  REQUIRE(diagnose::apply_idp_metadata(servers.idp_base() + k_app_metadata, idp));
  // IdP-initiated from idp_sim's launcher, signed in by login_hint (knob auto_login).
  std::string launch = servers.idp_base() + "/api/signin/" + k_app_id +
                       "?tenantId=aaaabbbb-0000-cccc-1111-dddd2222eeee&force_idp_initiated=true&login_hint=alex.wilber%40contoso.example";

  // SP-initiated from the SP's login URL, signed in on idp_sim's sign-in page as a person would.
  std::string login = servers.sp_base() + "/saml/login?idp=entra";
  auto sign_in_page = [&](const std::string& page) -> std::string {
    if (page.rfind(servers.idp_base() + "/", 0) != 0 || page.find("/saml2") == std::string::npos) {
      return "";
    }
    return "document.getElementById('i0116').value='alex.wilber@contoso.example';"
           "document.getElementById('signInForm').submit();";
  };
  struct Case {
    const char* fault;
    bool sp_initiated;
  };
  for (auto [fault, sp_initiated] : {Case{"", false}, Case{"audience.wrong", false}, Case{"destination.wrong", false},
                                     Case{"signing.certificate_expired", false}, Case{"time.shifted", false},
                                     Case{"", true}, Case{"recipient.wrong", true}}) {
    INFO("fault: " << (*fault ? fault : "(none)") << (sp_initiated ? ", SP-initiated" : ", IdP-initiated"));
    if (*fault) {
      auto set = test::run_command({"curl", "-s", "-X", "POST", "--data",
                                    std::string("{\"scope\":\"next\",\"mutators\":[\"") + fault + "\"]}",
                                    servers.idp_base() + "/_control/faults"});
      REQUIRE(set.exit_code == 0);
    }
    // Done at the SP's answer to the posted Response (its ACS page or where it redirects).
    auto har = sp_initiated ? browser.capture(login, {servers.sp_base() + "/saml/acs", servers.sp_base() + "/me"},
                                              sign_in_page)
                            : browser.capture(launch, {servers.sp_base()});
    auto file = servers.dir().path() / (std::string(*fault ? fault : "none") + (sp_initiated ? "-sp" : "-idp") + ".har");
    REQUIRE(core::write_file_atomic(file, har.dump(2)));
    INFO("the HAR: " << file.string());

    // The browser's own record: the posted form, and the SP's answer with its body.
    const nlohmann::json* acs = nullptr;
    for (const auto& entry : har["log"]["entries"]) {
      if (entry["request"]["method"] == "POST" && entry["request"]["url"] == servers.sp_base() + "/saml/acs") {
        acs = &entry;
      }
    }
    REQUIRE(acs != nullptr);
    CHECK((*acs)["request"]["postData"]["text"].get<std::string>().rfind("SAMLResponse=", 0) == 0);
    CHECK((*acs)["response"]["status"].get<int>() == (*fault ? 403 : 302));

    auto capture = diagnose::read_capture_file(file.string());
    REQUIRE(capture);
    CHECK(capture->kind == diagnose::CaptureKind::har);
    auto diagnoses = diagnose::diagnose_capture({*capture}, sp, idp, {});
    const diagnose::MessageDiagnosis* response = nullptr;
    for (const auto& diagnosis : diagnoses) {
      if (diagnosis.kind == diagnose::MessageKind::response && response == nullptr) {
        response = &diagnosis;
      }
    }
    REQUIRE(response != nullptr);
    // SP-initiated: the SP's AuthnRequest is in the capture, and the Response answers it.
    bool has_request = std::any_of(diagnoses.begin(), diagnoses.end(), [](const auto& diagnosis) {
      return diagnosis.kind == diagnose::MessageKind::authn_request;
    });
    CHECK(has_request == sp_initiated);
    CHECK(response->answers_captured_request == sp_initiated);
    CHECK(response->judged_at_from == "the HAR entry's time");
    const diagnose::FindingReport* first = nullptr;
    for (const auto& report : response->findings) {
      if (report.finding.outcome == sp::FindingOutcome::failed) {
        first = &report;
        break;
      }
    }
    if (*fault) {
      REQUIRE(first != nullptr);
      CHECK(first->finding.reason == idp::find_mutator(fault)->expected);
      CHECK_FALSE((first->entra.empty() && first->sp.empty()));
    } else {
      CHECK(first == nullptr);
    }
  }
}
