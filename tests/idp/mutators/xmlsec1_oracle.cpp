// SPDX-License-Identifier: Apache-2.0
#include "mutators/xmlsec1_oracle.hpp"

#include "samlt/core/codec.hpp"
#include "samlt/core/fs.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/test_certs.hpp"

#include <catch2/catch.hpp>
#include <libxml/c14n.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>

#include <memory>

namespace samlt::test::idp {
namespace {

struct DocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;

// The single node `xpath` selects in `doc`, or nullptr.
xmlNode* select_one(xmlDoc* doc, const std::string& xpath) {
  std::unique_ptr<xmlXPathContext, decltype(&xmlXPathFreeContext)> ctx(xmlXPathNewContext(doc),
                                                                       &xmlXPathFreeContext);
  std::unique_ptr<xmlXPathObject, decltype(&xmlXPathFreeObject)> found(
      xmlXPathEvalExpression(BAD_CAST xpath.c_str(), ctx.get()), &xmlXPathFreeObject);
  if (!found || found->nodesetval == nullptr || found->nodesetval->nodeNr != 1) {
    return nullptr;
  }
  return found->nodesetval->nodeTab[0];
}

xmlNode* dsig_child(xmlNode* parent, const char* local) {
  for (xmlNode* c = parent ? parent->children : nullptr; c != nullptr; c = c->next) {
    if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, BAD_CAST local)) {
      return c;
    }
  }
  return nullptr;
}

std::string text_of(xmlNode* node) {
  std::string out;
  for (xmlNode* c = node ? node->children : nullptr; c != nullptr; c = c->next) {
    if (c->type == XML_TEXT_NODE && c->content != nullptr) {
      out += reinterpret_cast<const char*>(c->content);
    }
  }
  return out;
}

}  // namespace

std::string with_signature(const xmlNode* element, const xmlNode* signature) {
  DocPtr doc(xmlNewDoc(BAD_CAST "1.0"));
  xmlNode* copy = xmlDocCopyNode(const_cast<xmlNode*>(element), doc.get(), 1);
  xmlDocSetRootElement(doc.get(), copy);
  xmlNode* sig = xmlDocCopyNode(const_cast<xmlNode*>(signature), doc.get(), 1);
  xmlNode* first = copy->children;
  while (first != nullptr && first->type != XML_ELEMENT_NODE) {
    first = first->next;
  }
  if (first != nullptr && xmlStrEqual(first->name, BAD_CAST "Issuer")) {
    xmlAddNextSibling(first, sig);
  } else if (first != nullptr) {
    xmlAddPrevSibling(first, sig);
  } else {
    xmlAddChild(copy, sig);
  }
  xmlChar* text = nullptr;
  int size = 0;
  xmlDocDumpMemory(doc.get(), &text, &size);
  std::string out(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size));
  xmlFree(text);
  return out;
}

std::string cli_enveloped_digest(const xmlNode* element) {
  DocPtr doc(xmlNewDoc(BAD_CAST "1.0"));
  xmlNode* copy = xmlDocCopyNode(const_cast<xmlNode*>(element), doc.get(), 1);
  xmlDocSetRootElement(doc.get(), copy);
  if (xmlNode* signature = dsig_child(copy, "Signature")) {
    xmlUnlinkNode(signature);
    xmlFreeNode(signature);
  }
  xmlChar* text = nullptr;
  int size = 0;
  xmlDocDumpMemory(doc.get(), &text, &size);
  std::string xml(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size));
  xmlFree(text);
  TempDir dir;
  REQUIRE(core::write_file_atomic(dir / "element.xml", xml));
  auto digest = run_command({"sh", "-c",
                             "xmllint --exc-c14n '" + (dir / "element.xml").string() +
                                 "' | openssl dgst -sha256 -binary | openssl base64 -A"});
  REQUIRE(digest.exit_code == 0);
  return digest.output;
}

std::string assertion_signature(int n) {
  return "/*/*[local-name()='Assertion'][" + std::to_string(n) + "]/*[local-name()='Signature']";
}

OracleVerdict xmlsec1_verifies(const std::string& xml, const std::string& signature_xpath,
                               std::string_view role) {
  TempDir dir;
  REQUIRE(core::write_file_atomic(dir / "message.xml", xml));
  auto result = run_command(
      {"xmlsec1", "--verify", "--pubkey-cert-pem", test_cert_set().certificate_path(role).string(),
       "--id-attr:ID", "urn:oasis:names:tc:SAML:2.0:protocol:Response", "--id-attr:ID",
       "urn:oasis:names:tc:SAML:2.0:assertion:Assertion", "--id-attr:ID",
       "urn:oasis:names:tc:SAML:2.0:metadata:EntityDescriptor", "--id-attr:ID",
       "urn:oasis:names:tc:SAML:2.0:protocol:LogoutResponse", "--node-xpath", signature_xpath,
       (dir / "message.xml").string()});
  return {result.exit_code == 0, result.output};
}

OracleVerdict signed_info_verifies(const std::string& xml, const std::string& signature_xpath,
                                   std::string_view role, int signed_info_index) {
  DocPtr doc(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), nullptr, nullptr, XML_PARSE_NONET));
  REQUIRE(doc);
  xmlNode* signature = select_one(doc.get(), signature_xpath);
  REQUIRE(signature != nullptr);
  xmlNode* signed_info = nullptr;
  int seen = 0;
  for (xmlNode* c = signature->children; c != nullptr && signed_info == nullptr; c = c->next) {
    if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, BAD_CAST "SignedInfo") && ++seen == signed_info_index) {
      signed_info = c;
    }
  }
  REQUIRE(signed_info != nullptr);
  auto value = core::base64_decode(text_of(dsig_child(signature, "SignatureValue")));
  REQUIRE(value);

  // SignedInfo alone in a document of its own: exclusive c14n writes only the namespaces it uses,
  // so its canonical form is the same as in place.
  DocPtr alone(xmlNewDoc(BAD_CAST "1.0"));
  xmlDocSetRootElement(alone.get(), xmlDocCopyNode(signed_info, alone.get(), 1));
  xmlChar* canonical = nullptr;
  int size = xmlC14NDocDumpMemory(alone.get(), nullptr, XML_C14N_EXCLUSIVE_1_0, nullptr, 0, &canonical);
  REQUIRE(size > 0);
  std::string c14n(reinterpret_cast<const char*>(canonical), static_cast<std::size_t>(size));
  xmlFree(canonical);

  TempDir dir;
  REQUIRE(core::write_file_atomic(dir / "signed_info.c14n", c14n));
  REQUIRE(core::write_file_atomic(dir / "signature.bin", *value));
  auto key = run_command({"openssl", "x509", "-pubkey", "-noout", "-in",
                          test_cert_set().certificate_path(role).string(), "-out", (dir / "key.pem").string()});
  REQUIRE(key.exit_code == 0);
  auto result = run_command({"openssl", "dgst", "-sha256", "-verify", (dir / "key.pem").string(), "-signature",
                             (dir / "signature.bin").string(), (dir / "signed_info.c14n").string()});
  return {result.exit_code == 0, c14n + "\n" + result.output};
}

}  // namespace samlt::test::idp
