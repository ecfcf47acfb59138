// SPDX-License-Identifier: Apache-2.0
#include "samlt/sp/validation/steps.hpp"
#include "support/step_fixture.hpp"

#include <catch2/catch.hpp>

#include <limits>

using namespace samlt;
using core::Reason;

namespace {

Reason parse_reason_of(test::StepFixture& f, const std::string& xml) {
  sp::Evidence ev;
  // Only the binding codec makes a BindingMessage: post `xml` through it, unbounded.
  constexpr std::size_t k_any = std::numeric_limits<std::size_t>::max();
  auto message = core::decode_post(core::encode_form(core::encode_post(core::MessageParameter::saml_response, xml,
                                                                       std::nullopt)),
                                   core::Accepts::saml_response, {k_any, k_any, k_any, k_any});
  REQUIRE(message);
  ev.message = std::move(*message);
  auto result = sp::steps::xml_parse(f.context(), ev);
  REQUIRE_FALSE(result);
  return result.error().reason;
}

}  // namespace

TEST_CASE("xml.parse: an Entra response parses", "[sp][step]") {
  test::StepFixture f;
  f.post(test::entra_spec(f.clock.now()));
  sp::Evidence ev;
  REQUIRE(f.run_to("xml.parse", ev));
  CHECK(ev.doc.root() != nullptr);
}

TEST_CASE("xml.parse: without a decoded binding message it fails closed", "[sp][step]") {
  test::StepFixture f;
  sp::Evidence ev;
  auto result = sp::steps::xml_parse(f.context(), ev);
  REQUIRE_FALSE(result);
  CHECK(result.error().reason == Reason::internal_error);
}

TEST_CASE("xml.parse: DOCTYPE, entities and external DTDs are refused", "[sp][step]") {
  test::StepFixture f;
  CHECK(parse_reason_of(f, "<!DOCTYPE x><x/>") == Reason::xml_doctype_forbidden);
  CHECK(parse_reason_of(f, "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>") ==
        Reason::xml_doctype_forbidden);
  CHECK(parse_reason_of(f, "<!DOCTYPE x SYSTEM \"http://127.0.0.1:9/x.dtd\"><x/>") == Reason::xml_doctype_forbidden);
}

TEST_CASE("xml.parse: malformed, namespace errors and xml:id", "[sp][step]") {
  test::StepFixture f;
  CHECK(parse_reason_of(f, "<samlp:Response") == Reason::xml_malformed);
  CHECK(parse_reason_of(f, std::string("\x78\x9c\xcb\x48\xcd", 5)) == Reason::xml_malformed);  // deflated bytes
  CHECK(parse_reason_of(f, "<a:Response/>") == Reason::xml_namespace_invalid);
  CHECK(parse_reason_of(f, "<x xml:id=\"_a\"/>") == Reason::xml_id_forbidden);
}

TEST_CASE("xml.parse: 10 MB of XML is too large, 10 000 nested elements too deep", "[sp][step]") {
  test::StepFixture f;
  std::string big = "<x>" + std::string(10 * 1024 * 1024, 'a') + "</x>";
  CHECK(parse_reason_of(f, big) == Reason::xml_too_large);
  std::string deep;
  for (int i = 0; i < 10000; ++i) {
    deep += "<a>";
  }
  for (int i = 0; i < 10000; ++i) {
    deep += "</a>";
  }
  CHECK(parse_reason_of(f, deep) == Reason::xml_too_deep);
}
