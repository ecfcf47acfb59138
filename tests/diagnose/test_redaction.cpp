// SPDX-License-Identifier: Apache-2.0
// --redact: every output of a redacted diagnosis searched for the capture's personal values, with
// base64 and DEFLATE decoded first, finds none; placeholders are stable and keep each value's shape.
#include "samlt/core/codec.hpp"
#include "samlt/diagnose/diagnosis.hpp"
#include "samlt/diagnose/redaction.hpp"
#include "samlt/diagnose/report.hpp"
#include "support.hpp"
#include "support/test_certs.hpp"

#include <catch2/catch.hpp>

using namespace samlt;

namespace {

constexpr const char* k_email = "taro.yamada@contoso.co.jp";
constexpr const char* k_object_id = "5f3c1a2b-7d4e-4f60-9a8b-0c1d2e3f4a5b";
constexpr const char* k_display_name = "山田 太郎";
constexpr const char* k_surname = "Yamada";
constexpr const char* k_given_name = "Taro";
constexpr const char* k_department = "Sales Kyushu";
constexpr const char* k_server_ip = "203.0.113.77";
constexpr const char* k_client_ip = "198.51.100.23";
constexpr const char* k_cookie = "ests-secret-cookie-4711";
constexpr const char* k_persistent_cookie = "persist-cookie-0815";
constexpr const char* k_jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ0YXJvIn0.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg";

const std::vector<std::string>& personal_values() {
  static const std::vector<std::string> values{k_email,  k_object_id, k_display_name, k_surname, k_given_name,
                                               k_department, k_server_ip, k_client_ip, k_cookie,
                                               k_persistent_cookie, k_jwt};
  return values;
}

// The AuthnRequest names the user (a Subject, which Entra refuses) and the URL carries a
// login_hint; the Response carries the user's claims; the HAR carries cookies, a bearer token and
// IP addresses.
std::string personal_har(core::TimePoint t0) {
  std::string request = test::authn_request_xml("_req-1", t0);
  request.replace(request.find("</samlp:AuthnRequest>"), 0,
                  std::string("<saml:Subject xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\"><saml:NameID>") +
                      k_email + "</saml:NameID></saml:Subject>");
  auto spec = test::entra_spec(t0);
  spec.in_response_to = "_req-1";
  spec.name_id = k_email;
  spec.default_attributes = false;
  spec.attributes = {{"http://schemas.microsoft.com/identity/claims/objectidentifier", {k_object_id}},
                     {"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", {k_email}},
                     {"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname", {k_given_name}},
                     {"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname", {k_surname}},
                     {"http://schemas.microsoft.com/identity/claims/displayname", {k_display_name}},
                     {"department", {k_department}}};
  spec.recipient = "https://sp.example.com/wrong-acs";  // a failure that quotes a value
  std::string base64 = core::base64_encode(test::entra_response_xml(spec));
  auto idp = test::har_entry(t0, "GET",
                             std::string(test::k_idp_sso_url) + "?" + test::redirect_query(request) +
                                 "&login_hint=" + core::url_encode(k_email));
  idp["serverIPAddress"] = k_server_ip;
  idp["request"]["cookies"] = {{{"name", "ESTSAUTH"}, {"value", k_cookie}}};
  idp["request"]["headers"] = {{{"name", "Cookie"}, {"value", std::string("ESTSAUTH=") + k_cookie}},
                               {{"name", "Authorization"}, {"value", std::string("Bearer ") + k_jwt}},
                               {{"name", "X-Forwarded-For"}, {"value", k_client_ip}}};
  idp["response"]["headers"] = {
      {{"name", "Set-Cookie"}, {"value", std::string("ESTSAUTHPERSISTENT=") + k_persistent_cookie + "; path=/"}}};
  auto acs = test::har_entry(t0 + std::chrono::seconds(4), "POST", test::k_acs_url);
  acs["request"]["postData"] = {{"mimeType", "application/x-www-form-urlencoded"},
                                {"text", "SAMLResponse=" + core::url_encode(base64)}};
  return test::har_of({idp, acs}).dump();
}

// `text` with every %XX decoded wherever it stands, and '+' as a space.
std::string percent_decoded(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
      out += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += text[i] == '+' ? ' ' : text[i];
    }
  }
  return out;
}

// `text`, it percent-decoded, and each run in it that decodes (URL, then base64, then maybe raw
// DEFLATE) to something.
std::vector<std::string> decoded_views(const std::string& text) {
  std::vector<std::string> views{text, percent_decoded(text)};
  auto encoded = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '+' || c == '/' || c == '%' || c == '=';
  };
  for (std::size_t i = 0; i < text.size();) {
    std::size_t end = i;
    while (end < text.size() && encoded(text[end])) {
      ++end;
    }
    if (end - i >= 16) {
      std::string run = text.substr(i, end - i);
      for (std::size_t start = 0; start < run.size(); ++start) {  // "SAMLResponse=…": after each '='
        if (start != 0 && run[start - 1] != '=') {
          continue;
        }
        std::string part = run.substr(start);
        auto unescaped = core::url_decode(part);
        std::string candidate = unescaped ? *unescaped : part;
        views.push_back(candidate);
        if (auto decoded = core::base64_decode(candidate)) {
          views.push_back(*decoded);
          if (auto inflated = core::inflate_raw(*decoded, 1 << 22)) {
            views.push_back(*inflated);
          }
        }
      }
    }
    i = end == i ? i + 1 : end;
  }
  return views;
}

// The personal values found in `output` or in anything encoded in it.
std::vector<std::string> leaks(const std::string& output) {
  std::vector<std::string> found;
  for (const auto& view : decoded_views(output)) {
    for (const auto& value : personal_values()) {
      if (view.find(value) != std::string::npos &&
          std::find(found.begin(), found.end(), value) == found.end()) {
        found.push_back(value);
      }
    }
  }
  return found;
}

}  // namespace

TEST_CASE("diagnose --redact: no output holds a personal value, encoded or not", "[diagnose]") {
  core::TimePoint t0 = test::test_now();
  std::string har = personal_har(t0);
  auto capture = diagnose::read_capture("customer.har", har);
  REQUIRE(capture);
  std::vector<diagnose::Capture> captures{*capture};
  auto diagnoses = diagnose::diagnose_capture(captures, {}, {}, {});
  REQUIRE(diagnoses.size() == 2);

  // Without redaction the outputs do hold personal values (else this test could not fail): the
  // source URL's login_hint and, deflated inside it, the request's Subject.
  auto plain = leaks(diagnose::text_report(diagnoses, diagnose::Colour::off));
  CHECK(std::find(plain.begin(), plain.end(), k_email) != plain.end());
  // The capture itself holds every one of them.
  CHECK(leaks(har).size() == personal_values().size());

  diagnose::Redactor redactor(captures);
  redactor.diagnoses(diagnoses);
  std::string text = diagnose::text_report(diagnoses, diagnose::Colour::off);
  std::string json = diagnose::json_report(diagnoses);
  std::string html = diagnose::html_report(diagnoses);
  std::string redacted_har = redactor.text(har);
  CHECK(html.find("class=\"xml\"") != std::string::npos);  // the decoded messages are on the page
  for (const auto& [name, output] :
       {std::pair{"text", &text}, {"json", &json}, {"html", &html}, {"the HAR, redacted", &redacted_har}}) {
    INFO(name << ":\n" << *output);
    CHECK(leaks(*output).empty());
  }

  SECTION("placeholders are stable and keep the value's shape") {
    const auto& placeholders = redactor.placeholders();
    REQUIRE(placeholders.contains(k_email));
    CHECK(placeholders.at(k_email).ends_with("@redacted.invalid"));
    CHECK(placeholders.at(k_object_id).starts_with("00000000-0000-4000-8000-"));
    CHECK(placeholders.at(k_server_ip).starts_with("192.0.2."));
    CHECK(placeholders.at(k_display_name).starts_with("redacted-"));
    CHECK(placeholders.at(k_cookie).starts_with("redacted-token-"));
    // The same value, the same placeholder, in every output.
    CHECK(redactor.text(std::string("mail=") + k_email) == "mail=" + placeholders.at(k_email));
    CHECK(json.find(core::url_encode(placeholders.at(k_email))) != std::string::npos);  // the login_hint
  }
  SECTION("an encoded message stays a readable message, its values redacted") {
    auto form = diagnose::read_capture("redacted.har", redacted_har);
    REQUIRE(form);
    REQUIRE(form->messages.size() == 2);
    const auto& response = form->messages[1];
    REQUIRE(response.message);
    CHECK(response.message->xml().find(redactor.placeholders().at(k_email)) != std::string::npos);
    CHECK(response.message->xml().find("urn:oasis:names:tc:SAML:2.0:assertion") != std::string::npos);
  }
}

TEST_CASE("diagnose --redact: what is not personal stays", "[diagnose]") {
  diagnose::Redactor redactor({});
  // OIDs, versions, times and URIs are not addresses or people.
  for (const char* kept : {"1.2.840.113549.1.1.11", "2026-12-07T22:58:22.678Z", "Version 2.0",
                           "urn:oasis:names:tc:SAML:2.0:status:Success", "@NotOnOrAfter"}) {
    CHECK(redactor.text(kept) == kept);
  }
  CHECK(redactor.text("from 10.1.2.3 to x@y.example") == "from 192.0.2.1 to user-1@redacted.invalid");
}
