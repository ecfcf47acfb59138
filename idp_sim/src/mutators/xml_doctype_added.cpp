// SPDX-License-Identifier: Apache-2.0
// xml.doctype_added — a DOCTYPE before the Response: harmless-looking (attack-catalogue
// XML-DTD-BENIGN) or the carrier of an external entity (XML-XXE-FILE, XML-XXE-OOB), an external
// DTD subset (XML-EXTERNAL-DTD) or nested entity expansion (XML-BILLION-LAUGHS). SAML2int IIP-G03:
// refuse any DTD; the URLs point at the run's canary, which nothing may fetch.
#include "mutators/mutators.hpp"
#include "samlt/core/codec.hpp"

namespace samlt::idp::mutators {
namespace {

// Where a canary URL goes when the runner gave none (unit tests): a loopback port nothing serves.
constexpr std::string_view k_no_canary = "http://127.0.0.1:9/canary";

std::string billion_laughs() {
  std::string dtd = "<!DOCTYPE Response [<!ENTITY lol0 \"lol\">";
  for (int level = 1; level <= 9; ++level) {
    dtd += "<!ENTITY lol" + std::to_string(level) + " \"";
    for (int i = 0; i < 10; ++i) {
      dtd += "&lol" + std::to_string(level - 1) + ";";
    }
    dtd += "\">";
  }
  return dtd + "]>";
}

// Replaces the text of the first <local …>text</local> in `xml` by `reference`.
core::Result<void> reference_in(std::string& xml, const std::string& local, const std::string& reference) {
  auto open = xml.find("<" + local);
  auto start = open == std::string::npos ? open : xml.find('>', open);
  auto end = start == std::string::npos ? start : xml.find("</" + local + ">", start);
  if (end == std::string::npos) {
    return core::fail(core::Reason::mutator_not_applicable, "no " + local + " element with text");
  }
  xml.replace(start + 1, end - start - 1, reference);
  return {};
}

}  // namespace

// Params: payload (benign | xxe_file | xxe_http | xxe_parameter | external_subset |
// billion_laughs, default benign), target (name_id | attribute_value, default name_id; where a
// general entity is referenced; billion_laughs always uses an AttributeValue).
core::Result<void> xml_doctype_added(Target& target) {
  auto payload_param = string_param(target, "payload");
  auto where_param = string_param(target, "target");
  if (!payload_param || !where_param) {
    return core::fail(!payload_param ? payload_param.error() : where_param.error());
  }
  std::string payload = payload_param->value_or("benign");
  std::string where = where_param->value_or("name_id");
  if (where != "name_id" && where != "attribute_value") {
    return core::fail(core::Reason::mutator_params_invalid, "/target: expected name_id or attribute_value");
  }
  std::string canary(target.canary_url.empty() ? k_no_canary : target.canary_url);
  std::string doctype;
  std::string reference;  // a general entity reference put into the message, if any
  if (payload == "benign") {
    doctype = "<!DOCTYPE Response>";
  } else if (payload == "xxe_file" || payload == "xxe_http") {
    std::string system = payload == "xxe_file" ? "file:///etc/hostname" : canary + "/xxe";
    doctype = "<!DOCTYPE Response [<!ENTITY x SYSTEM \"" + system + "\">]>";
    reference = "&x;";
  } else if (payload == "xxe_parameter") {
    doctype = "<!DOCTYPE Response [<!ENTITY % xxe SYSTEM \"" + canary + "/oob\"> %xxe;]>";
  } else if (payload == "external_subset") {
    doctype = "<!DOCTYPE samlp:Response SYSTEM \"" + canary + "/x.dtd\">";
  } else if (payload == "billion_laughs") {
    doctype = billion_laughs();
    reference = "&lol9;";
    where = "attribute_value";
  } else {
    return core::fail(core::Reason::mutator_params_invalid,
                      "/payload: expected benign, xxe_file, xxe_http, xxe_parameter, external_subset or billion_laughs");
  }
  for (auto& [name, value] : *target.form) {
    if (name == "SAMLResponse") {
      auto xml = core::base64_decode(value);
      if (!xml) {
        return core::fail(core::Reason::mutator_not_applicable, "SAMLResponse is not base64");
      }
      if (!reference.empty()) {
        if (auto placed = reference_in(*xml, where == "name_id" ? "NameID" : "AttributeValue", reference); !placed) {
          return placed;
        }
      }
      value = core::base64_encode(doctype + *xml);
      return {};
    }
  }
  return core::fail(core::Reason::mutator_not_applicable, "no SAMLResponse field");
}

}  // namespace samlt::idp::mutators
