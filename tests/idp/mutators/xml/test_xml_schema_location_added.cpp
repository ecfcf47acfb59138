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

std::string schema_location(const xmlNode* element) {
  xmlChar* value = xmlGetNsProp(element, BAD_CAST "schemaLocation", BAD_CAST n::ns_xsi.data());
  std::string out = value ? reinterpret_cast<char*>(value) : "(none)";
  xmlFree(value);
  return out;
}

}  // namespace

TEST_CASE("xml.schema_location_added on the unsigned Response: the Assertion signature still verifies",
          "[mutator][xml.schema_location_added]") {
  auto m = test::idp::mutate("xml.schema_location_added", {{"on", "response"}});
  CHECK(m.differences == Strings{"Response: @schemaLocation"});
  CHECK(schema_location(m.mutated_doc.root()) ==
        "urn:oasis:names:tc:SAML:2.0:protocol http://127.0.0.1:9/canary/p.xsd");
  auto oracle = test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::assertion_signature());
  INFO(oracle.output);
  CHECK(oracle.verified);
}

TEST_CASE("xml.schema_location_added on the signed Assertion (default) breaks its digest",
          "[mutator][xml.schema_location_added]") {
  auto m = test::idp::mutate("xml.schema_location_added");
  CHECK(m.differences == Strings{"Response/Assertion: @schemaLocation"});
  CHECK(schema_location(test::idp::one(m.mutated_doc.root(), "Assertion")) ==
        "urn:oasis:names:tc:SAML:2.0:assertion http://127.0.0.1:9/canary/a.xsd");
  CHECK_FALSE(test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::assertion_signature()).verified);
  CHECK(idp::find_mutator("xml.schema_location_added")->expected == core::Reason::signature_digest_mismatch);
  CHECK(test::idp::mutate_error("xml.schema_location_added", {{"on", "issuer"}}).reason ==
        core::Reason::mutator_params_invalid);
}
