// SPDX-License-Identifier: Apache-2.0
// xsw.original_hidden over the schema's open hiding places (XSW-CONTAINER): the signed Response or
// Assertion hidden in each, with (a) fresh IDs on the forged element or (b) the IDs shared.
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "mutators/xmlsec1_oracle.hpp"
#include "mutators/xsw/xsw_checks.hpp"

#include <catch2/catch.hpp>

#include <map>

using namespace samlt;
using namespace samlt::test::idp::xsw;
namespace n = core::names;
using Json = nlohmann::json;

namespace {

// The element that holds the hidden copy, by place.
const std::map<std::string, std::string> k_holder = {
    {"extensions", "Extensions"},   {"status_detail", "StatusDetail"},
    {"object", "Object"},           {"key_info", "KeyInfo"},
    {"advice", "Advice"},           {"attribute_value", "AttributeValue"},
    {"subject_confirmation_data", "SubjectConfirmationData"}, {"wrapper", "XSW_ATTACK"}};

}  // namespace

TEST_CASE("xsw.original_hidden: the signed original in every open place of the schemas (XSW-CONTAINER)",
          "[mutator][xsw.original_hidden]") {
  auto target = GENERATE(as<std::string>{}, "assertion", "response");
  auto place = GENERATE(as<std::string>{}, "extensions", "status_detail", "object", "key_info", "advice",
                        "attribute_value", "subject_confirmation_data", "wrapper");
  auto ids = GENERATE(as<std::string>{}, "fresh", "shared");
  INFO(target << "." << place << "." << ids);
  bool response = target == "response";
  auto m = test::idp::mutate("xsw.original_hidden", {{"target", target}, {"place", place}, {"ids", ids}},
                             {{"signing", response ? "response" : "assertion"}});
  std::string local = response ? "Response" : "Assertion";
  std::string ns(response ? n::ns_protocol : n::ns_assertion);
  xmlNode* base = response ? m.base_doc.root() : assertion_of(m.base_doc.root());
  xmlNode* visible = response ? m.mutated_doc.root() : assertion_of(m.mutated_doc.root());

  CHECK(name_id_of(response ? assertion_of(visible) : visible) == k_victim);
  CHECK(signature_value(signature_of(visible)) == signature_value(signature_of(base)));
  CHECK((id_of(visible) == id_of(base)) == (ids == "shared"));
  xmlNode* copy = nullptr;
  for (xmlNode* candidate : with_id(m.mutated_doc.root(), ns, local, id_of(base))) {
    if (candidate != visible) {
      REQUIRE(copy == nullptr);
      copy = candidate;
    }
  }
  REQUIRE(copy != nullptr);
  CHECK(core::local_name(copy->parent) == k_holder.at(place));
  CHECK(test::idp::differences(base, copy) == std::vector<std::string>{local + ": Signature"});

  // The copy is the signed content; with fresh IDs the Reference resolves to it in place.
  auto extracted = test::idp::xmlsec1_verifies(test::idp::with_signature(copy, signature_of(base)),
                                               test::idp::k_root_signature);
  INFO(extracted.output);
  CHECK(extracted.verified);
  // Inside the Signature (Object, KeyInfo) the enveloped-signature transform removes the copy
  // with the Signature, so only an outside place can verify in place (xmldsig-core §6.6.4).
  bool inside_signature = place == "object" || place == "key_info";
  if (ids == "fresh" && !inside_signature) {
    auto in_place = test::idp::xmlsec1_verifies(
        m.mutated.xml, response ? test::idp::k_response_signature : test::idp::assertion_signature(1));
    INFO(in_place.output);
    CHECK(in_place.verified);
  }
}
