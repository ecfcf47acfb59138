// SPDX-License-Identifier: Apache-2.0
#include "samlt/core/codec.hpp"
#include "samlt/sp/policy.hpp"
#include "samlt/sp/validation/steps.hpp"
#include "support/step_fixture.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using core::Reason;

namespace {

core::Result<void> run(test::StepFixture& f) {
  sp::Evidence ev;
  return sp::steps::binding_post_form(f.context(), ev);
}

Reason reason_of(test::StepFixture& f) {
  auto result = run(f);
  REQUIRE_FALSE(result);
  return result.error().reason;
}

}  // namespace

TEST_CASE("binding.post_form: a valid Entra POST passes and is decoded", "[sp][step]") {
  test::StepFixture f;
  f.post(test::entra_spec(f.clock.now()), "/me");
  sp::Evidence ev;
  REQUIRE(sp::steps::binding_post_form(f.context(), ev));
  REQUIRE(ev.message);
  CHECK(ev.message->binding() == core::Binding::post);
  CHECK(ev.message->xml().rfind("<samlp:Response", 0) == 0);
  CHECK(ev.relay_state == "/me");
}

TEST_CASE("binding.post_form: the HTTP-POST of a urlencoded form only", "[sp][step]") {
  test::StepFixture f;
  f.post(test::entra_spec(f.clock.now()));
  sp::AcsRequest posted = sp::browser_post(f.form);
  f.raw = posted;
  f.raw->method = "GET";
  CHECK(reason_of(f) == Reason::binding_method_not_post);
  f.raw = sp::AcsRequest{"GET", "", "", 0};
  CHECK(reason_of(f) == Reason::binding_method_not_post);
  for (const char* type : {"", "text/xml", "multipart/form-data; boundary=x", "application/json"}) {
    f.raw = posted;
    f.raw->content_type = type;
    INFO(type);
    CHECK(reason_of(f) == Reason::binding_saml_response_missing);
  }
  f.raw = posted;
  f.raw->content_type = "Application/X-WWW-Form-URLEncoded; charset=utf-8";
  CHECK(run(f));
}

TEST_CASE("binding.post_form: the body is capped before anything is decoded", "[sp][step]") {
  test::StepFixture f;
  f.policy.max_message_bytes = 4096;
  std::size_t cap = sp::max_http_body_bytes(f.policy);
  f.raw = sp::AcsRequest{"POST", "application/x-www-form-urlencoded", "", cap + 1};  // not kept
  CHECK(reason_of(f) == Reason::binding_too_large);
  f.raw = sp::browser_post({{"SAMLResponse", std::string(4 * 4096, 'A')}, {"x", std::string(cap, 'x')}});
  CHECK(reason_of(f) == Reason::binding_too_large);
}

TEST_CASE("binding.post_form: look-alike names and stray encodings", "[sp][step]") {
  test::StepFixture f;
  f.post(test::entra_spec(f.clock.now()));
  sp::AcsRequest posted = sp::browser_post(f.form);
  f.raw = posted;
  f.raw->body = "%53" + posted.body.substr(1);  // %53AMLResponse=…
  CHECK(reason_of(f) == Reason::binding_parameter_invalid);
  f.raw = posted;
  f.raw->body = posted.body + "&x=%zz";
  CHECK(reason_of(f) == Reason::codec_url_invalid);
  f.raw.reset();
  f.form.emplace_back("SAMLRequest", "PHg+");
  CHECK(reason_of(f) == Reason::binding_parameter_invalid);
}

TEST_CASE("binding.post_form: SAMLResponse missing, empty or duplicated", "[sp][step]") {
  test::StepFixture f;
  f.form = {{"RelayState", "/"}};
  CHECK(reason_of(f) == Reason::binding_saml_response_missing);
  f.form = {{"SAMLResponse", ""}};
  CHECK(reason_of(f) == Reason::binding_saml_response_missing);
  f.form = {{"SAMLResponse", "PHg+"}, {"SAMLResponse", "PHg+"}};
  CHECK(reason_of(f) == Reason::binding_saml_response_duplicated);
}

TEST_CASE("binding.post_form: bad base64 is binding.base64_invalid", "[sp][step]") {
  test::StepFixture f;
  for (const char* bad : {"???", "PHg", "PHg+=x", "PH-_"}) {
    f.form = {{"SAMLResponse", bad}};
    INFO(bad);
    CHECK(reason_of(f) == Reason::binding_base64_invalid);
  }
}

TEST_CASE("binding.post_form: the field is capped before decoding", "[sp][step]") {
  // BIND-OVERSIZE: a field that would decode beyond max_message_bytes is refused undecoded; the
  // largest message passes, also line-wrapped the RFC 2045 way.
  test::StepFixture f;
  f.policy.max_message_bytes = 4096;
  std::string largest = core::base64_encode(std::string(4096, 'x'));
  std::string wrapped;
  for (std::size_t at = 0; at < largest.size(); at += 76) {
    wrapped += (at == 0 ? "" : "\r\n") + largest.substr(at, 76);
  }
  for (const std::string& value : {largest, wrapped}) {
    f.form = {{"SAMLResponse", value}};
    CHECK(run(f));
  }
  CHECK(sp::max_encoded_message_bytes(f.policy) < 4096 / 3 * 4 * 21 / 20);
  f.form = {{"SAMLResponse", std::string(sp::max_encoded_message_bytes(f.policy) + 4, 'A')}};
  CHECK(reason_of(f) == Reason::binding_too_large);
  f.form = {{"SAMLResponse", core::base64_encode(std::string(4096 * 2, 'x'))}};
  CHECK(reason_of(f) == Reason::binding_too_large);
}

TEST_CASE("binding.post_form: RelayState must be an allowed target", "[sp][step]") {
  test::StepFixture f;
  for (const char* evil : {"https://attacker.test/", "//attacker.test", "/\\attacker.test", "javascript:alert(1)",
                           "\"><script>alert(1)</script>"}) {
    f.post(test::entra_spec(f.clock.now()), evil);
    INFO(evil);
    CHECK(reason_of(f) == Reason::binding_relay_state_invalid);
  }
  f.post(test::entra_spec(f.clock.now()));
  f.form.emplace_back("RelayState", "/a");
  f.form.emplace_back("RelayState", "/b");
  CHECK(reason_of(f) == Reason::binding_relay_state_invalid);
}

TEST_CASE("binding.post_form: SimpleSign fields never authenticate anything and are ignored", "[sp][step]") {
  test::StepFixture f;
  f.post(test::entra_spec(f.clock.now()));
  f.form.emplace_back("SigAlg", "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
  f.form.emplace_back("Signature", "AAAA");
  CHECK(run(f));
}
