// SPDX-License-Identifier: Apache-2.0
// Captures recognised by content: the encoded forms, HAR, SAML-tracer, and bad inputs.
#include "samlt/core/codec.hpp"
#include "samlt/diagnose/capture.hpp"
#include "support.hpp"
#include "support/temp_dir.hpp"
#include "support/test_certs.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace samlt;
using diagnose::CaptureKind;
using diagnose::MessageKind;

namespace {

std::string wrapped(const std::string& base64) {
  std::string out;
  for (std::size_t i = 0; i < base64.size(); i += 76) {
    out += base64.substr(i, 76) + "\r\n";
  }
  return out;
}

std::string error_of(std::string_view bytes) {
  auto capture = diagnose::read_capture("input.txt", bytes);
  REQUIRE_FALSE(capture);
  CHECK(capture.error().reason == core::Reason::io_read_failed);
  return capture.error().detail;
}

}  // namespace

TEST_CASE("capture: one Response in each encoding is recognised by its content", "[diagnose][capture]") {
  // Fixed IDs: GENERATE runs the case again for each form, and each run must build the same XML.
  auto spec = test::entra_spec(test::test_now());
  spec.response_id = "_response-1";
  spec.assertion_id = "_assertion-1";
  std::string xml = test::entra_response_xml(spec);
  std::string base64 = core::base64_encode(xml);
  struct Form {
    std::string bytes;
    CaptureKind kind;
  };
  auto form = GENERATE_COPY(values<Form>({
      {xml, CaptureKind::xml},
      {"\xEF\xBB\xBF" + xml + "\n", CaptureKind::xml},
      {base64, CaptureKind::encoded},
      {wrapped(base64), CaptureKind::encoded},
      {core::url_encode(base64), CaptureKind::encoded},
      {"SAMLResponse=" + core::url_encode(base64) + "&RelayState=%2Fapp", CaptureKind::encoded},
  }));
  auto capture = diagnose::read_capture("input", form.bytes);
  REQUIRE(capture);
  CHECK(capture->kind == form.kind);
  REQUIRE(capture->messages.size() == 1);
  const auto& message = capture->messages.front();
  CHECK(message.kind == MessageKind::response);
  REQUIRE(message.message);
  CHECK(message.message->binding() == core::Binding::post);
  CHECK(message.message->xml() == xml);
  CHECK(message.method == "POST");
}

TEST_CASE("capture: an AuthnRequest as a redirect URL or a bare deflated value", "[diagnose][capture]") {
  std::string xml = test::authn_request_xml("_req1", test::test_now());
  std::string query = test::redirect_query(xml);
  auto fields = *core::parse_form(query);
  std::string value = core::form_values(fields, "SAMLRequest").front();
  for (const std::string& bytes : {std::string(test::k_idp_sso_url) + "?" + query, query, value, core::url_encode(value)}) {
    INFO(bytes.substr(0, 60));
    auto capture = diagnose::read_capture("input", bytes);
    REQUIRE(capture);
    REQUIRE(capture->messages.size() == 1);
    CHECK(capture->messages[0].kind == MessageKind::authn_request);
    REQUIRE(capture->messages[0].message);
    CHECK(capture->messages[0].message->xml() == xml);
  }
}

TEST_CASE("capture: a HAR's messages in order, each once, from the request that carried it", "[diagnose][capture]") {
  core::TimePoint t0 = test::test_now();
  std::string request = test::authn_request_xml("_req1", t0);
  std::string query = test::redirect_query(request);
  std::string response = test::entra_response_xml(test::entra_spec(t0));
  std::string base64 = core::base64_encode(response);

  auto login = test::har_entry(t0, "GET", std::string(test::k_sp_base_url) + "/saml/login?idp=entra");
  login["response"]["status"] = 302;
  login["response"]["headers"] = {{{"name", "location"}, {"value", std::string(test::k_idp_sso_url) + "?" + query}}};
  auto idp = test::har_entry(t0 + std::chrono::seconds(1), "GET", std::string(test::k_idp_sso_url) + "?" + query);
  // Entra's auto-POST page, its base64 escaped as HTML character references
  std::string escaped;
  for (char c : base64) {
    escaped += c == '+' ? std::string("&#43;") : c == '/' ? std::string("&#x2F;") : std::string(1, c);
  }
  idp["response"]["content"] = {{"mimeType", "text/html"},
                                {"text", "<html><body onload=\"document.forms[0].submit()\"><form method=\"POST\" action=\"" +
                                             std::string(test::k_acs_url) + "\"><input type=\"hidden\" name=\"SAMLResponse\" value=\"" +
                                             escaped + "\" /><input type='hidden' name='RelayState' value='rs-1'></form></body></html>"}};
  auto acs = test::har_entry(t0 + std::chrono::seconds(3), "POST", test::k_acs_url);
  acs["request"]["postData"] = {{"mimeType", "application/x-www-form-urlencoded"},
                                {"text", "SAMLResponse=" + core::url_encode(base64) + "&RelayState=rs-1"}};

  SECTION("the whole flow: the AuthnRequest from the IdP's request, the Response from the ACS POST") {
    auto capture = diagnose::read_capture("flow.har", test::har_of({login, idp, acs}).dump());
    REQUIRE(capture);
    CHECK(capture->kind == CaptureKind::har);
    REQUIRE(capture->messages.size() == 2);
    CHECK(capture->messages[0].kind == MessageKind::authn_request);
    CHECK(capture->messages[0].sent);
    CHECK_THAT(capture->messages[0].source, Catch::StartsWith("entry 1: GET"));
    const auto& posted = capture->messages[1];
    CHECK(posted.kind == MessageKind::response);
    CHECK(posted.sent);
    CHECK(posted.url == test::k_acs_url);
    CHECK(posted.message->xml() == response);
    CHECK(posted.message->relay_state() == "rs-1");
    REQUIRE(posted.captured_at);
    CHECK(core::format_datetime(*posted.captured_at) == core::format_datetime(t0 + std::chrono::seconds(3)));
  }
  SECTION("the browser never posted: the Response from the IdP's answer page") {
    auto capture = diagnose::read_capture("flow.har", test::har_of({login, idp}).dump());
    REQUIRE(capture);
    REQUIRE(capture->messages.size() == 2);
    const auto& shown = capture->messages[1];
    CHECK_FALSE(shown.sent);
    CHECK(shown.url == test::k_acs_url);
    CHECK(shown.message->xml() == response);
    CHECK_THAT(shown.source, Catch::Contains("auto-POST form"));
  }
}

TEST_CASE("capture: a SAML-tracer export", "[diagnose][capture]") {
  core::TimePoint t0 = test::test_now();
  std::string request = test::authn_request_xml("_req1", t0);
  std::string query = test::redirect_query(request);
  std::string response = test::entra_response_xml(test::entra_spec(t0));
  nlohmann::json exported{
      {"requests",
       {{{"method", "GET"}, {"url", std::string(test::k_idp_sso_url) + "?" + query}, {"requestId", "r1"},
         {"requestHeaders", nlohmann::json::array()}, {"protocol", "SAML-P"}, {"saml", request}},
        {{"method", "POST"}, {"url", test::k_acs_url}, {"requestId", "r2"},
         {"requestHeaders", {{{"name", "Content-Type"}, {"value", "application/x-www-form-urlencoded"}}}},
         // [name, value] pairs: arrays, which nlohmann would read as an object if written as pairs
         {"post", nlohmann::json::array({nlohmann::json::array({"SAMLResponse", core::base64_encode(response)}),
                                         nlohmann::json::array({"RelayState", "rs-1"})})},
         {"protocol", "SAML-P"}, {"saml", response}}}},
      {"timestamp", "2026-12-07T10:00:00.000Z"}};
  auto capture = diagnose::read_capture("trace.json", exported.dump(2));
  REQUIRE(capture);
  CHECK(capture->kind == CaptureKind::saml_tracer);
  REQUIRE(capture->messages.size() == 2);
  CHECK(capture->messages[0].kind == MessageKind::authn_request);
  CHECK(capture->messages[1].kind == MessageKind::response);
  CHECK(capture->messages[1].message->xml() == response);
  CHECK_FALSE(capture->messages[1].captured_at);  // the export has no per-request time
}

TEST_CASE("capture: bad inputs each get a specific error", "[diagnose][capture]") {
  core::TimePoint t0 = test::test_now();
  auto entry = test::har_entry(t0, "GET", "https://example.test/");
  std::string har = test::har_of({entry, entry}).dump();
  CHECK_THAT(error_of(har.substr(0, har.size() / 2)), Catch::Contains("not well-formed JSON"));
  CHECK_THAT(error_of(har), Catch::Contains("without any SAMLRequest or SAMLResponse"));
  CHECK_THAT(error_of(R"({"log": {"entries": [{"startedDateTime": 1}]}})"), Catch::Contains("/log/entries/0"));
  CHECK_THAT(error_of(R"({"name": "not a capture"})"), Catch::Contains("neither a HAR"));
  CHECK_THAT(error_of(std::string("PK\x03\x04\0\0\x14\0", 8)), Catch::Contains("binary data (a NUL byte at offset 4)"));
  CHECK_THAT(error_of("\xC3\x28 broken UTF-8"), Catch::Contains("not UTF-8 at offset 0"));
  CHECK_THAT(error_of("   \n"), Catch::Contains("it is empty"));
  CHECK_THAT(error_of("Hello, this is not SAML at all."), Catch::Contains("neither JSON, XML, a URL"));
  CHECK_THAT(error_of("https://login.microsoftonline.com/tenant/saml2"), Catch::Contains("a URL without a query"));
  CHECK_THAT(error_of("SAMLResponse=%ZZ"), Catch::Contains("SAMLResponse"));
  CHECK_THAT(error_of("QUJDRA=="), Catch::Contains("as a POST field"));
}

TEST_CASE("capture: a file over the size limit is refused unread, with the limit", "[diagnose][capture]") {
  test::TempDir dir;
  auto path = dir.path() / "huge.har";
  {
    std::ofstream out(path, std::ios::binary);
  }
  std::filesystem::resize_file(path, 100 * 1024 * 1024);  // sparse: 100 MB without writing them
  auto capture = diagnose::read_capture_file(path.string());
  REQUIRE_FALSE(capture);
  CHECK_THAT(capture.error().detail, Catch::Contains("104857600 bytes") && Catch::Contains("33554432 bytes (32 MiB)"));
  auto missing = diagnose::read_capture_file((dir.path() / "absent.har").string());
  REQUIRE_FALSE(missing);
  CHECK_THAT(missing.error().detail, Catch::Contains("absent.har"));
}
