// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "mutators/xmlsec1_oracle.hpp"
#include "samlt/core/saml_names.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;
namespace n = core::names;

namespace {

std::vector<std::string> codes(const xmlNode* root) {
  std::vector<std::string> out;
  for (xmlNode* code : core::descendants_named(root, n::ns_protocol, "StatusCode")) {
    out.push_back(core::attribute(code, "Value").value_or("(none)"));
  }
  return out;
}

}  // namespace

TEST_CASE("status.set: an error status next to the signed Assertion, which still verifies", "[mutator][status.set]") {
  auto m = test::idp::mutate("status.set");
  CHECK(m.differences == Strings{"Response/Status/StatusCode: @Value"});
  CHECK(codes(m.mutated_doc.root()) == Strings{std::string(n::status_responder)});
  auto oracle = test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::assertion_signature());
  INFO(oracle.output);
  CHECK(oracle.verified);
  CHECK(idp::find_mutator("status.set")->expected == core::Reason::status_not_success);
}

TEST_CASE("status.set writes codes as given, a message, and can drop the Assertion", "[mutator][status.set]") {
  SECTION("two levels, both signed") {
    auto m = test::idp::mutate("status.set",
                               {{"code", n::status_requester}, {"second", "urn:oasis:names:tc:SAML:2.0:status:UnsupportedBinding"}},
                               {{"signing", "both"}});
    CHECK(codes(m.mutated_doc.root()) ==
          Strings{std::string(n::status_requester), "urn:oasis:names:tc:SAML:2.0:status:UnsupportedBinding"});
    CHECK(test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::k_response_signature).verified);
    CHECK(test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::assertion_signature()).verified);
  }
  SECTION("an unqualified Success") {
    auto m = test::idp::mutate("status.set", {{"code", "Success"}});
    CHECK(codes(m.mutated_doc.root()) == Strings{"Success"});
  }
  SECTION("an error with a message and no Assertion") {
    auto m = test::idp::mutate("status.set", {{"second", n::status_no_passive},
                                              {"message", "<script>alert(1)</script>"},
                                              {"keep_assertion", false}});
    CHECK(test::idp::child_names(m.mutated_doc.root()) == Strings{"Issuer", "Status"});
    xmlNode* message = core::child_named(core::child_named(m.mutated_doc.root(), n::ns_protocol, "Status"),
                                         n::ns_protocol, "StatusMessage");
    CHECK(core::simple_text(message) == "<script>alert(1)</script>");
    CHECK(m.mutated.xml.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  }
  SECTION("bad params") {
    CHECK(test::idp::mutate_error("status.set", {{"keep_assertion", "no"}}).reason == core::Reason::mutator_params_invalid);
    CHECK(test::idp::mutate_error("status.set", {{"code", 1}}).reason == core::Reason::mutator_params_invalid);
  }
}
