// SPDX-License-Identifier: Apache-2.0
#include "samlt/core/random.hpp"
#include "samlt/core/saml_names.hpp"
#include "support/step_fixture.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using core::Reason;
namespace n = core::names;

namespace {

xmlNode* status_of(const test::ResponseParts& p) { return core::child_named(p.response, n::ns_protocol, "Status"); }

// An element in no namespace (xmlns="") appended to `parent`.
xmlNode* append_unqualified(xmlNode* parent, const char* local) {
  xmlNode* node = xmlNewDocNode(parent->doc, nullptr, BAD_CAST local, nullptr);
  xmlNewNs(node, BAD_CAST "", nullptr);
  return xmlAddChild(parent, node);
}

}  // namespace

TEST_CASE("response.structure: Entra's Response passes, signed either way, with Extensions and StatusDetail",
          "[sp][step]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  SECTION("assertion signed") {}
  SECTION("response signed") { spec.signing = test::SignWith::response; }
  SECTION("both signed, open content left alone") {
    spec.signing = test::SignWith::both;
    spec.before_signing = [](auto& p) {  // signed, so only the structure check can object
      xmlNode* extensions = xmlNewDocNode(p.doc.get(), nullptr, BAD_CAST "Extensions", nullptr);
      xmlSetNs(extensions, xmlSearchNsByHref(p.doc.get(), p.response, BAD_CAST n::ns_protocol.data()));
      xmlAddPrevSibling(status_of(p), extensions);
      append_unqualified(extensions, "Anything");
      append_unqualified(core::append_element(status_of(p), n::ns_protocol, "samlp", "StatusDetail"), "Whatever");
    };
  }
  f.post(spec);
  sp::Evidence ev;
  CHECK(f.run_to("response.structure", ev));
}

TEST_CASE("response.structure: an element the protocol schema has no place for is response.schema_invalid",
          "[sp][step]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  SECTION("an unknown element after the Assertion (XSW-WRAPPER)") {
    spec.after_signing = [](auto& p) { append_unqualified(p.response, "XSW_ATTACK"); };
  }
  SECTION("a second Issuer after the Assertion") {
    spec.after_signing = [](auto& p) {
      xmlAddChild(p.response, xmlDocCopyNode(core::child_named(p.response, n::ns_assertion, "Issuer"), p.doc.get(), 1));
    };
  }
  SECTION("a Response inside the Response (XSW-2's copy)") {
    spec.after_signing = [](auto& p) {
      xmlNode* copy = xmlDocCopyNode(p.response, p.doc.get(), 1);
      core::set_attribute(copy, "ID", core::new_saml_id());
      core::remove_node(core::child_named(copy, n::ns_assertion, "Assertion"));
      xmlAddPrevSibling(status_of(p), copy);
    };
  }
  SECTION("the Response Signature moved into Status (XSW-SIG-MISPLACED)") {
    spec.signing = test::SignWith::response;
    spec.after_signing = [](auto& p) {
      xmlNode* signature = core::child_named(p.response, n::ns_dsig, "Signature");
      xmlUnlinkNode(signature);
      xmlAddChild(status_of(p), signature);
    };
  }
  SECTION("Extensions after Status") {
    spec.after_signing = [](auto& p) { core::insert_element_after(status_of(p), n::ns_protocol, "samlp", "Extensions"); };
  }
  SECTION("text between the children") {
    spec.after_signing = [](auto& p) { xmlAddChild(p.response, xmlNewDocText(p.doc.get(), BAD_CAST "evil")); };
  }
  SECTION("a StatusCode holding two StatusCodes") {
    spec.after_signing = [](auto& p) {
      xmlNode* code = core::child_named(status_of(p), n::ns_protocol, "StatusCode");
      for (int i = 0; i < 2; ++i) {
        core::set_attribute(core::append_element(code, n::ns_protocol, "samlp", "StatusCode"), "Value",
                            n::status_request_denied);
      }
    };
  }
  f.post(spec);
  CHECK(f.reason_at("response.structure") == Reason::response_schema_invalid);
}
