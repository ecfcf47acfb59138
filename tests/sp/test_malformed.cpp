// SPDX-License-Identifier: Apache-2.0
// Malformed input through the whole SP in process: each gets its specific reason, no session, and
// the SP keeps deciding correctly afterwards.
#include "samlt/core/codec.hpp"
#include "support/sp_harness.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using core::Reason;

namespace {

sp::Verdict post(test::SpHarness& h, core::FormFields form) { return h.sp->consume_acs_post(form, "browser-1"); }

std::string nested(int depth) {
  std::string xml;
  for (int i = 0; i < depth; ++i) {
    xml += "<a>";
  }
  for (int i = 0; i < depth; ++i) {
    xml += "</a>";
  }
  return xml;
}

}  // namespace

TEST_CASE("malformed: each input has its reason and leaves no session", "[sp][malformed]") {
  test::SpHarness h;
  struct Case {
    const char* name;
    core::FormFields form;
    Reason expected;
  };
  std::string response = core::serialize(test::build_entra_response(test::entra_spec(h.clock.now())).doc);
  std::vector<Case> cases = {
      {"bad base64", {{"SAMLResponse", "!!not base64!!"}}, Reason::binding_base64_invalid},
      {"a DEFLATEd (Redirect-encoded) Response posted", {{"SAMLResponse", core::base64_encode(core::deflate_raw(response))}},
       Reason::xml_malformed},
      {"a DOCTYPE", test::post_form_of("<!DOCTYPE r [<!ENTITY x \"y\">]>" + response), Reason::xml_doctype_forbidden},
      {"10 MB of XML", test::post_form_of("<x>" + std::string(10 * 1024 * 1024, 'a') + "</x>"), Reason::binding_too_large},
      {"10 000 nested elements", test::post_form_of(nested(10000)), Reason::xml_too_deep},
      {"a missing form field", {{"RelayState", "/me"}}, Reason::binding_saml_response_missing},
      {"duplicated SAMLResponse", {{"SAMLResponse", "PHg+"}, {"SAMLResponse", "PHg+"}}, Reason::binding_saml_response_duplicated},
      {"not XML at all", test::post_form_of("hello"), Reason::xml_malformed},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    sp::Verdict verdict = post(h, c.form);
    CHECK_FALSE(verdict.accepted);
    CHECK(verdict.reason == c.expected);
    CHECK(verdict.session_id.empty());
    auto trace = h.sp->verdict_json(verdict.request_id);
    REQUIRE(trace);
    CHECK_FALSE(trace->empty());
  }
  // Still serving, and still right: a valid response is accepted afterwards.
  CHECK(h.post(test::entra_spec(h.clock.now())).accepted);
}

TEST_CASE("malformed: method, Content-Type and size are the binding step's, recorded like any verdict",
          "[sp][malformed]") {
  test::SpHarness h;
  struct Case {
    const char* name;
    sp::AcsRequest request;
    Reason expected;
  };
  std::string body = core::encode_form(test::post_form(test::build_entra_response(test::entra_spec(h.clock.now()))));
  std::size_t cap = sp::max_http_body_bytes(h.sp->policy());
  const Case cases[] = {
      {"a GET with the Response in the query", {"GET", "", "", 0}, Reason::binding_method_not_post},
      {"a PUT", {"PUT", "application/x-www-form-urlencoded", body, body.size()}, Reason::binding_method_not_post},
      {"not a form", {"POST", "text/xml", "<samlp:Response/>", 17}, Reason::binding_saml_response_missing},
      {"a body the server stopped keeping", {"POST", "application/x-www-form-urlencoded", "", cap + 1},
       Reason::binding_too_large},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    sp::Verdict verdict = h.sp->consume_acs(c.request, "browser-1");
    CHECK_FALSE(verdict.accepted);
    CHECK(verdict.reason == c.expected);
    CHECK(verdict.step == "binding.post_form");
    REQUIRE(verdict.trace.size() == 1);
    CHECK(verdict.trace[0].step == "binding.post_form");
    CHECK(*h.sp->verdict_json(verdict.request_id) != "");
  }
  CHECK(h.sp->consume_acs({"POST", "application/x-www-form-urlencoded; charset=UTF-8", body, body.size()}, "browser-1")
            .accepted);
}
