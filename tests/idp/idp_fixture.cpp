// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"

#include "support/test_certs.hpp"
#include "samlt/core/codec.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/saml_time.hpp"
#include "samlt/core/xmldsig.hpp"

#include <openssl/evp.h>
#include <catch2/catch.hpp>

#include <cstdio>
#include <memory>

namespace samlt::test::idp {
namespace {

namespace n = core::names;

std::string guid(unsigned tag, unsigned i) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%08x-0000-4000-8000-%012x", tag, i);
  return buffer;
}

nlohmann::json user(const std::string& upn, const std::string& oid, const std::string& given,
                    const std::string& surname, const std::string& display) {
  return {{"object_id", oid},     {"user_principal_name", upn}, {"mail", upn},
          {"given_name", given},  {"surname", surname},         {"display_name", display},
          {"department", "Sales"}};
}

}  // namespace

nlohmann::json config_json() {
  nlohmann::json many = nlohmann::json::array();
  for (unsigned i = 0; i < 200; ++i) {
    many.push_back(guid(0xbbbb, i));
  }
  nlohmann::json users = nlohmann::json::array();
  users.push_back(user(k_alex, k_alex_oid, "Alex", "Wilber", "Alex Wilber"));
  users.back()["groups"] = {guid(0xaaaa, 1), guid(0xaaaa, 2)};
  users.push_back(user("taro.yamada@contoso.example", guid(1, 2), "太郎", "山田", "山田 太郎"));
  users.push_back(user("megan.bowen@contoso.example", guid(1, 3), "Megan", "Bowen", "Megan Bowen"));
  users.back()["last_auth_method"] = "mfa";
  users.push_back(user("adele.vance@contoso.example", guid(1, 4), "Adele", "Vance", "Adele Vance"));
  users.back()["password"] = "Passw0rd!";
  users.push_back(user("no.mail@contoso.example", guid(1, 5), "", "", "Noah Mailless"));
  users.back()["mail"] = "";
  users.push_back(
      user("disabled.user@contoso.example", guid(1, 6), "Dana", "Disabled", "Dana Disabled"));
  users.back()["enabled"] = false;
  users.push_back(user("pat.guest_fabrikam.example#EXT#@contoso.onmicrosoft.com", guid(1, 7), "Pat",
                       "Guest", "Pat Guest"));
  users.back()["mail"] = "pat.guest@fabrikam.example";
  users.back()["user_type"] = "guest";
  users.back()["identity_provider"] =
      "https://sts.windows.net/9188040d-6c67-4c5b-b112-36a304b66dad/";
  users.push_back(
      user("grace.groups@contoso.example", guid(1, 8), "Grace", "Groups", "Grace Groups"));
  users.back()["groups"] = many;
  return {
      {"tenant_id", k_tenant},
      {"tenant_name", "Contoso"},
      {"cert_set", test::test_cert_set().dir().string()},
      {"signing_certificates",
       {{{"credential", "idp-signing"}, {"status", "active"}},
        {{"credential", "idp-signing-next"}, {"status", "inactive"}, {"advertise", true}},
        {{"credential", "idp-signing-expired"}, {"status", "inactive"}, {"advertise", true}}}},
      {"tls", {{"credential", "tls-loopback"}}},
      {"apps",
       {{{"app_id", k_app_id},
         {"display_name", "samlt reference SP"},
         {"identifiers", {{{"value", k_entity_id}, {"default", true}}}},
         {"reply_urls",
          {{{"url", k_acs}, {"index", 0}, {"default", true}},
           {{"url", "http://localhost:8081/saml/acs"}, {"index", 1}}}},
         {"sign_on_url", "http://127.0.0.1:8081/saml/login?idp=entra"},
         {"logout_url", "http://127.0.0.1:8081/saml/slo"},
         {"token_encryption", {{"enabled", false}, {"certificate", "sp-encryption"}}},
         {"request_verification", {{"required", false}, {"certificates", {"sp-signing"}}}}},
        {{"app_id", k_restricted_app_id},
         {"display_name", "samlt restricted app"},
         {"identifiers", {"urn:samlt:sp:restricted"}},
         {"reply_urls", {"http://127.0.0.1:8082/saml/acs"}},
         {"assignment_required", true},
         {"assigned", {k_alex, guid(0xaaaa, 9)}}}}},
      {"users", users},
  };
}

samlt::idp::Idp make_idp(const nlohmann::json& json) {
  auto config = samlt::idp::idp_config_from_json(json, "test.json", ".");
  if (!config) {
    FAIL(config.error().detail);
  }
  return samlt::idp::Idp(std::move(*config));
}

const samlt::idp::Idp& default_idp() {
  static const samlt::idp::Idp idp = make_idp();
  return idp;
}

core::TimePoint now() {
  return test::test_now();
}

std::string authn_request_xml(const RequestShape& s) {
  std::string xml =
      "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"" + s.id +
      "\" Version=\"" + s.version + "\" IssueInstant=\"" + core::format_datetime(now()) + "\"";
  if (s.acs) {
    xml += " AssertionConsumerServiceURL=\"" + *s.acs + "\"";
  }
  if (s.protocol_binding) {
    xml += " ProtocolBinding=\"" + *s.protocol_binding + "\"";
  }
  if (s.destination) {
    xml += " Destination=\"" + *s.destination + "\"";
  }
  xml += std::string(s.force_authn ? " ForceAuthn=\"true\"" : "") +
         (s.is_passive ? " IsPassive=\"true\"" : "");
  xml += "><saml:Issuer xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\">" + s.issuer +
         "</saml:Issuer>";
  xml += s.extra_children;
  if (s.name_id_format) {
    xml += "<samlp:NameIDPolicy Format=\"" + *s.name_id_format + "\" AllowCreate=\"true\"/>";
  }
  if (s.comparison || !s.classes.empty()) {
    xml += "<samlp:RequestedAuthnContext" +
           (s.comparison ? " Comparison=\"" + *s.comparison + "\"" : "") + ">";
    for (const auto& c : s.classes) {
      xml += "<saml:AuthnContextClassRef xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\">" +
             c + "</saml:AuthnContextClassRef>";
    }
    xml += "</samlp:RequestedAuthnContext>";
  }
  return xml + "</samlp:AuthnRequest>";
}

std::string redirect_query(const std::string& xml, const std::optional<std::string>& relay_state,
                           const std::optional<std::string>& signer_role, bool sha1) {
  std::string query =
      "SAMLRequest=" + core::url_encode(core::base64_encode(core::deflate_raw(xml)));
  if (relay_state) {
    query += "&RelayState=" + core::url_encode(*relay_state);
  }
  if (!signer_role) {
    return query;
  }
  query += "&SigAlg=" + core::url_encode(sha1 ? n::alg_rsa_sha1 : n::alg_rsa_sha256);
  const auto& key = test::test_credential(*signer_role).key;
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  REQUIRE(EVP_DigestSignInit(ctx.get(), nullptr, sha1 ? EVP_sha1() : EVP_sha256(), nullptr,
                             key.get()) == 1);
  std::size_t length = 0;
  auto data = reinterpret_cast<const unsigned char*>(query.data());
  REQUIRE(EVP_DigestSign(ctx.get(), nullptr, &length, data, query.size()) == 1);
  std::string signature(length, '\0');
  REQUIRE(EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &length,
                         data, query.size()) == 1);
  signature.resize(length);
  return query + "&Signature=" + core::url_encode(core::base64_encode(signature));
}

std::string signed_request_xml(const std::string& xml, const std::string& signer_role,
                               core::SignatureAlgorithm algorithm) {
  core::XmlDoc doc = parse(xml);
  core::SignOptions options;
  options.algorithm = algorithm;
  REQUIRE(core::sign_enveloped(doc, doc.root(), test::test_credential(signer_role), options));
  return core::serialize(doc);
}

samlt::idp::IssuedResponse issue_ok(const samlt::idp::Idp& idp,
                                    const samlt::idp::IssueRequest& request, core::TimePoint at) {
  auto outcome = samlt::idp::issue_response(idp, request, at);
  if (!outcome) {
    FAIL(std::string(core::id(outcome.error().reason)) + ": " + outcome.error().detail);
  }
  if (auto* error = std::get_if<samlt::idp::AadstsError>(&*outcome)) {
    FAIL("AADSTS" << error->code << ": " << error->message);
  }
  return std::get<samlt::idp::IssuedResponse>(*outcome);
}

samlt::idp::AadstsError issue_error(const samlt::idp::Idp& idp,
                                    const samlt::idp::IssueRequest& request, core::TimePoint at) {
  auto outcome = samlt::idp::issue_response(idp, request, at);
  if (!outcome) {
    FAIL(std::string(core::id(outcome.error().reason)) + ": " + outcome.error().detail);
  }
  if (!std::holds_alternative<samlt::idp::AadstsError>(*outcome)) {
    FAIL("expected an AADSTS error, got a Response");
  }
  return std::get<samlt::idp::AadstsError>(*outcome);
}

samlt::idp::IssueRequest sp_request(const RequestShape& shape, std::string user_name) {
  samlt::idp::IssueRequest request;
  request.user = std::move(user_name);
  request.saml_request_xml = authn_request_xml(shape);
  return request;
}

core::XmlDoc parse(const std::string& xml) {
  auto doc = core::parse_strict(xml);
  if (!doc) {
    FAIL(std::string(core::id(doc.error().reason)) + ": " + doc.error().detail);
  }
  return std::move(*doc);
}

std::vector<std::string> child_names(const xmlNode* node) {
  std::vector<std::string> out;
  for (xmlNode* child : core::element_children(node)) {
    out.emplace_back(core::local_name(child));
  }
  return out;
}

std::vector<std::string> attribute_names(const xmlNode* node) {
  std::vector<std::string> out;
  for (const xmlAttr* attr = node->properties; attr != nullptr; attr = attr->next) {
    out.emplace_back(reinterpret_cast<const char*>(attr->name));
  }
  return out;
}

xmlNode* one(const xmlNode* root, std::string_view local) {
  auto found = core::descendants_named(root, n::ns_assertion, local);
  REQUIRE(found.size() == 1);
  return found.front();
}

}  // namespace samlt::test::idp
