// SPDX-License-Identifier: Apache-2.0
// A captured Response described as a scenario: app settings, a user given in full, mutators for
// the faults found, and the verdict (replay.hpp).
#include "samlt/diagnose/replay.hpp"

#include "samlt/core/json_reader.hpp"
#include "samlt/core/keys.hpp"
#include "samlt/core/random.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/saml_time.hpp"
#include "samlt/core/xml.hpp"
#include "samlt/idp/mutator.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>

namespace samlt::diagnose {
namespace {

namespace n = core::names;
using nlohmann::json;

std::string text_of(const xmlNode* node) {
  auto text = core::simple_text(node);
  return text ? *text : std::string();
}

const xmlNode* first_named(const xmlNode* root, std::string_view ns, std::string_view name) {
  auto all = core::descendants_named(root, ns, name);
  return all.empty() ? nullptr : all.front();
}

std::optional<std::string> name_id_format_setting(const std::string& uri) {
  static const std::map<std::string, std::string, std::less<>> k_formats{
      {std::string(n::nameid_email), "email"},           {std::string(n::nameid_persistent), "persistent"},
      {std::string(n::nameid_unspecified), "unspecified"}, {std::string(n::nameid_windows), "windows"},
      {std::string(n::nameid_transient), "transient"}};
  auto found = k_formats.find(uri);
  return found == k_formats.end() ? std::nullopt : std::optional<std::string>(found->second);
}

// The mutator whose oracle is `reason`, among those a replay can use: they need no particular
// account, and no AuthnRequest in an IdP-initiated flow. Entra's own faults (section 0) first.
const idp::Mutator* mutator_for(core::Reason reason, bool sp_initiated) {
  const idp::Mutator* chosen = nullptr;
  for (const idp::Mutator& mutator : idp::all_mutators()) {
    if (mutator.expected != reason || !mutator.user.empty() || !mutator.baseline.empty() ||
        (mutator.needs_request && !sp_initiated)) {
      continue;
    }
    if (chosen == nullptr || (chosen->section != 0 && mutator.section == 0)) {
      chosen = &mutator;
    }
  }
  return chosen;
}

// The captured subject as a users[] entry and the app's claims, so that idp_sim issues the same
// NameID and attributes in the same order. Entra's system claims (tenantid, objectidentifier,
// displayname, groups, identityprovider, authnmethodsreferences) always come first and from the
// user (response_spec_factory.cpp); every other attribute becomes an app claim.
struct Subject {
  json user = json::object();
  json claims = json::array();
  json name_id = json::object();
  bool group_claims = false;
  bool name_format = false;
  std::vector<std::string> notes;
};

class SubjectBuilder {
 public:
  // Where a value can come from: the user field the claim's default source reads, else the next
  // free extension attribute.
  std::string source_for(const std::string& claim, const std::string& value) {
    static const std::map<std::string, std::pair<std::string, std::string>, std::less<>> k_fields{
        {std::string(n::claim_email), {"mail", "user.mail"}},
        {std::string(n::claim_given_name), {"given_name", "user.givenname"}},
        {std::string(n::claim_surname), {"surname", "user.surname"}},
        {std::string(n::claim_name), {"user_principal_name", "user.userprincipalname"}}};
    if (auto field = k_fields.find(claim); field != k_fields.end() && set(field->second.first, value)) {
      return field->second.second;
    }
    return extension(value);
  }

  // The source of a NameID value: a user field that already holds it, else an extension attribute.
  std::string source_of_name_id(const std::string& value) {
    static const std::pair<const char*, const char*> k_sources[] = {{"user_principal_name", "user.userprincipalname"},
                                                                    {"mail", "user.mail"},
                                                                    {"object_id", "user.objectid"}};
    for (const auto& [field, source] : k_sources) {
      if (out.user.value(field, std::string()) == value) {
        return source;
      }
    }
    return extension(value);
  }

  bool set(const std::string& field, const std::string& value) {
    if (out.user.contains(field) && out.user[field] != value) {
      return false;
    }
    out.user[field] = value;
    return true;
  }

  std::string extension(const std::string& value) {
    json& extensions = out.user["extension_attributes"];
    for (auto& [name, held] : extensions.items()) {
      if (held == value) {
        return "user." + name;
      }
    }
    if (m_next_extension > 15) {
      out.notes.push_back("more distinct values than the 15 extension attributes: '" + value + "' is not kept");
      return "user.extensionattribute15";
    }
    std::string name = "extensionattribute" + std::to_string(m_next_extension++);
    extensions[name] = value;
    return "user." + name;
  }

  Subject out;

 private:
  int m_next_extension = 1;
};

Subject read_subject(const xmlNode* assertion, const std::string& issuer) {
  SubjectBuilder builder;
  Subject& out = builder.out;
  std::vector<xmlNode*> attributes = core::descendants_named(assertion, n::ns_assertion, "Attribute");
  auto values_of = [](const xmlNode* attribute) {
    std::vector<std::string> values;
    for (const xmlNode* value : core::children_named(attribute, n::ns_assertion, "AttributeValue")) {
      values.push_back(text_of(value));
    }
    return values;
  };
  // Entra's system claims first: they set user fields.
  static constexpr std::string_view k_system[] = {n::claim_tenant_id, n::claim_object_id,  n::claim_display_name,
                                                  n::claim_groups,    n::claim_groups_link, n::claim_identity_provider,
                                                  n::claim_authn_methods};
  bool app_claim_seen = false;
  for (const xmlNode* attribute : attributes) {
    std::string name = core::attribute(attribute, "Name").value_or("");
    if (core::attribute(attribute, "NameFormat")) {
      out.name_format = true;
    }
    std::vector<std::string> values = values_of(attribute);
    bool system = std::find(std::begin(k_system), std::end(k_system), name) != std::end(k_system);
    if (system && app_claim_seen) {
      out.notes.push_back("the system claim " + name + " came after other attributes; idp_sim, like Entra, sends it first");
    }
    if (!system) {
      app_claim_seen = true;
      if (values.size() != 1) {
        out.notes.push_back("attribute " + name + " has " + std::to_string(values.size()) +
                            " values; an app claim carries one (the first is kept)");
      }
      out.claims.push_back({{"name", name}, {"source", builder.source_for(name, values.empty() ? "" : values[0])}});
      continue;
    }
    std::string first = values.empty() ? std::string() : values[0];
    if (name == n::claim_object_id) {
      if (core::json::is_lower_guid(first)) {
        builder.set("object_id", first);
      } else {
        out.notes.push_back("objectidentifier '" + first + "' is no GUID: a generated one is sent instead");
      }
    } else if (name == n::claim_display_name) {
      builder.set("display_name", first);
    } else if (name == n::claim_groups) {
      out.group_claims = true;
      json groups = json::array();
      for (const auto& value : values) {
        if (core::json::is_lower_guid(value)) {
          groups.push_back(value);
        } else {
          out.notes.push_back("group '" + value + "' is no object id (GUID): left out");
        }
      }
      out.user["groups"] = groups;
    } else if (name == n::claim_groups_link) {
      // The overage: more groups than the limit (the default knob, 150) makes Entra send the link.
      out.group_claims = true;
      json groups = json::array();
      for (int i = 0; i < 151; ++i) {
        groups.push_back(core::new_guid());
      }
      out.user["groups"] = groups;
    } else if (name == n::claim_identity_provider) {
      if (first != issuer) {
        out.user["identity_provider"] = first;
      }
    } else if (name == n::claim_authn_methods) {
      auto has = [&](std::string_view suffix) {
        return std::any_of(values.begin(), values.end(), [&](const std::string& v) { return v.ends_with(suffix); });
      };
      out.user["last_auth_method"] = has("/x509")      ? "x509"
                                     : has("/windows") ? "windows"
                                     : has("multipleauthn") ? "mfa"
                                                            : "password";
    }
  }
  if (!out.user.contains("object_id")) {
    out.user["object_id"] = core::new_guid();
  }
  if (const xmlNode* name_id = first_named(assertion, n::ns_assertion, "NameID")) {
    std::string format = core::attribute(name_id, "Format").value_or("");
    std::string value = text_of(name_id);
    if (auto setting = name_id_format_setting(format)) {
      out.name_id = {{"format", *setting}, {"source", builder.source_of_name_id(value)}};
    } else {
      out.name_id = {{"source", builder.source_of_name_id(value)}};
      out.notes.push_back("NameID Format '" + format + "' is none Entra sends: the source's default is used");
    }
    if (format == n::nameid_transient) {
      out.notes.push_back("a transient NameID is new at every sign-in: its value is not kept");
    }
  } else {
    out.notes.push_back("the Assertion has no NameID: the replay sends one, and the fault mutator removes it");
  }
  if (!out.user.contains("user_principal_name")) {
    out.user["user_principal_name"] = "replayed.user@contoso.example";
  }
  return out;
}

// Signing, algorithm and the signing certificate's profile.
void read_signing(const xmlNode* response, const xmlNode* assertion, core::TimePoint issued, json& app,
                  std::vector<idp::MutatorUse>& mutators, std::vector<std::string>& notes) {
  const xmlNode* response_signature = core::child_named(response, n::ns_dsig, "Signature");
  const xmlNode* assertion_signature = assertion ? core::child_named(assertion, n::ns_dsig, "Signature") : nullptr;
  app["signing"] = response_signature && assertion_signature ? "both" : response_signature ? "response" : "assertion";
  const xmlNode* signature = assertion_signature ? assertion_signature : response_signature;
  if (signature == nullptr) {
    return;  // unsigned: the diagnosis's assertion.unsigned becomes the fault
  }
  auto algorithm_of = [](const xmlNode* within, std::string_view element) {
    const xmlNode* node = within ? first_named(within, n::ns_dsig, element) : nullptr;
    return node ? core::attribute(node, "Algorithm").value_or("") : std::string();
  };
  std::string method = algorithm_of(signature, "SignatureMethod");
  app["algorithm"] = method == n::alg_rsa_sha1 ? "sha1" : "sha256";
  // What Entra writes with that setting (entra-spec §1.12): exc-c14n, and the digest of the same
  // family. Any other algorithm in a signature is set on it after signing, re-signed with the
  // IdP key where the key can sign with it.
  bool sha1 = app["algorithm"] == "sha1";
  std::string entra_method(sha1 ? n::alg_rsa_sha1 : n::alg_rsa_sha256);
  std::string entra_digest(sha1 ? n::alg_sha1 : n::alg_sha256);
  static constexpr std::string_view k_signable[] = {n::alg_rsa_sha1,  n::alg_rsa_sha256, n::alg_rsa_sha384,
                                                    n::alg_rsa_sha512, n::alg_sha1,       n::alg_sha256,
                                                    n::alg_sha384,     n::alg_sha512,     n::alg_exc_c14n};
  auto signable = [&](const std::string& uri) {
    return std::find(std::begin(k_signable), std::end(k_signable), uri) != std::end(k_signable);
  };
  for (auto [which, node] : {std::pair{"assertion", assertion_signature}, std::pair{"response", response_signature}}) {
    if (node == nullptr) {
      continue;
    }
    json params = {{"target", which}};
    std::string own_method = algorithm_of(node, "SignatureMethod");
    std::string digest = algorithm_of(node, "DigestMethod");
    std::string c14n = algorithm_of(node, "CanonicalizationMethod");
    if (own_method != entra_method) {
      params["signature_method"] = own_method;
    }
    if (digest != entra_digest) {
      params["digest_method"] = digest;
    }
    if (c14n != n::alg_exc_c14n) {
      params["canonicalization_method"] = c14n;
    }
    if (params.size() > 1) {
      params["resign"] = signable(own_method) && signable(digest) && signable(c14n);
      mutators.push_back({"signature.algorithm_set", params});
    }
  }
  if (const xmlNode* x509 = first_named(signature, n::ns_dsig, "X509Certificate")) {
    auto certificate = core::Certificate::from_base64(text_of(x509));
    if (!certificate) {
      notes.push_back("the signature's X509Certificate does not parse: " + certificate.error().detail);
      return;
    }
    if (certificate->not_after() < issued) {
      mutators.push_back({"signing.certificate_expired", json::object()});
    }
    if (certificate->key_bits() != 2048) {
      notes.push_back("the signing key has " + std::to_string(certificate->key_bits()) +
                      " bits; idp_sim signs with its 2048-bit test key");
    }
  }
}

// The elements whose attributes a replay compares with what idp_sim writes (entra-spec §1.3–§1.9),
// by the name the mutators' locate() gives them and their path from the Response.
struct Place {
  std::string_view location;
  std::string_view path;                   // fixes.hpp's form: "Assertion/Subject/NameID"
  std::vector<std::string_view> attributes;  // what idp_sim writes there (InResponseTo aside)
};

const std::vector<Place>& places() {
  static const std::vector<Place> k_places{
      {"response", "Response", {"ID", "Version", "IssueInstant", "Destination"}},
      {"response_issuer", "Response/Issuer", {}},
      {"assertion", "Assertion", {"ID", "IssueInstant", "Version"}},
      {"assertion_issuer", "Assertion/Issuer", {}},
      {"name_id", "Assertion/Subject/NameID", {"Format"}},
      {"subject_confirmation", "Assertion/Subject/SubjectConfirmation", {"Method"}},
      {"subject_confirmation_data", "Assertion/Subject/SubjectConfirmation/SubjectConfirmationData",
       {"NotOnOrAfter", "Recipient"}},
      {"conditions", "Assertion/Conditions", {"NotBefore", "NotOnOrAfter"}},
      {"authn_statement", "Assertion/AuthnStatement", {"AuthnInstant", "SessionIndex"}},
  };
  return k_places;
}

const xmlNode* at_path(const xmlNode* response, const xmlNode* assertion, std::string_view path) {
  const xmlNode* node = path.rfind("Assertion", 0) == 0 ? assertion : response;
  std::size_t slash = path.find('/');
  while (node != nullptr && slash != std::string_view::npos) {
    std::size_t next = path.find('/', slash + 1);
    std::string_view name = path.substr(slash + 1, next == std::string_view::npos ? next : next - slash - 1);
    const xmlNode* child = nullptr;
    for (const xmlNode* candidate : core::element_children(node)) {
      if (child == nullptr && core::local_name(candidate) == name) {
        child = candidate;
      }
    }
    node = child;
    slash = next;
  }
  return node;
}

// Attributes the captured message has that idp_sim would not write, and the other way round,
// each as attribute.set / attribute.removed on its place, and an Issuer it lacks as
// element.removed; `covered` gets each "path/@name" and each removed element's path.
void attribute_differences(const xmlNode* response, const xmlNode* assertion, std::vector<idp::MutatorUse>& mutators,
                           std::vector<std::string>& covered) {
  for (const Place& place : places()) {
    const xmlNode* node = at_path(response, assertion, place.path);
    // idp_sim writes both Issuers (saml-core §3.2.2 leaves the Response's optional, §2.3.3
    // requires the Assertion's): one the message lacks is taken out.
    bool issuer = place.location == "response_issuer" || place.location == "assertion_issuer";
    if (node == nullptr && issuer) {
      mutators.push_back({"element.removed", {{"element", place.location}}});
      covered.push_back(std::string(place.path));
    }
    if (node == nullptr) {
      continue;
    }
    json removed = json::array();
    for (std::string_view name : place.attributes) {
      if (!core::attribute(node, name)) {
        removed.push_back(name);
        covered.push_back(std::string(place.path) + "/@" + std::string(name));
      }
    }
    if (!removed.empty()) {
      mutators.push_back({"attribute.removed", {{"element", place.location}, {"attributes", removed}}});
    }
    for (const xmlAttr* attribute = node->properties; attribute != nullptr; attribute = attribute->next) {
      std::string name(reinterpret_cast<const char*>(attribute->name));
      bool written = std::find(place.attributes.begin(), place.attributes.end(), name) != place.attributes.end();
      if (written || name == "InResponseTo" || attribute->ns != nullptr) {
        continue;  // InResponseTo follows the flow; namespaced attributes are no SAML attributes
      }
      mutators.push_back({"attribute.set",
                          {{"element", place.location}, {"attribute", name}, {"value", *core::attribute(node, name)}}});
      covered.push_back(std::string(place.path) + "/@" + name);
    }
  }
}

}  // namespace

core::Result<ReplayScenario> replay_scenario(const CapturedMessage& message, const MessageDiagnosis& diagnosis,
                                             const std::string& id) {
  auto refuse = [&](const std::string& why) {
    return core::fail(core::Reason::io_read_failed, diagnosis.file + ", " + diagnosis.source + ": " + why);
  };
  if (message.kind != MessageKind::response) {
    return refuse("not a Response: only a Response can be replayed");
  }
  if (!message.message) {
    return refuse("the binding codec refuses what carried it, so there is no one message to describe");
  }
  auto response_doc = core::parse_strict(message.message->xml());
  if (!response_doc) {
    return refuse("the Response does not parse (" + response_doc.error().detail + "), so it can't be described");
  }
  // The Assertion the SP's steps examined; when they stopped before choosing one (two
  // Assertions, say), the Response's first.
  std::string assertion_xml = diagnosis.assertion_xml;
  bool encrypted = core::child_named(response_doc->root(), n::ns_assertion, "EncryptedAssertion") != nullptr;
  if (assertion_xml.empty() && !encrypted) {
    if (const xmlNode* first = core::child_named(response_doc->root(), n::ns_assertion, "Assertion")) {
      assertion_xml = core::serialize(first);
    }
  }
  // An error Response (saml-core §3.2.2.2): its status is the fault, made by status.set; the
  // replay's subject is then only a default one.
  const xmlNode* status_code = first_named(response_doc->root(), n::ns_protocol, "StatusCode");
  std::string status = status_code ? core::attribute(status_code, "Value").value_or("") : "";
  bool error_response = status != n::status_success;
  bool has_assertion = !assertion_xml.empty();
  if (!has_assertion && !encrypted && error_response) {
    assertion_xml = "<Assertion xmlns=\"" + std::string(n::ns_assertion) + "\"/>";
  }
  if (assertion_xml.empty() && encrypted) {
    auto decrypt = std::find_if(diagnosis.findings.begin(), diagnosis.findings.end(),
                                [](const FindingReport& report) { return report.finding.step == "assertion.decrypt"; });
    if (decrypt != diagnosis.findings.end() && decrypt->finding.outcome == sp::FindingOutcome::failed) {
      return refuse("the EncryptedAssertion does not decrypt with the SP's keys (" +
                    std::string(core::id(decrypt->finding.reason)) + "), so its content can't be described");
    }
    return refuse("the Assertion is encrypted: give the SP's key (--sp-key or --sp-config)");
  }
  if (assertion_xml.empty()) {
    return refuse("the Response holds no Assertion");
  }
  auto assertion_doc = core::parse_strict(assertion_xml);
  if (!assertion_doc) {
    return refuse("the Assertion does not parse: " + assertion_doc.error().detail);
  }
  const xmlNode* response = response_doc->root();
  const xmlNode* assertion = assertion_doc->root();
  ReplayScenario out;
  std::string issuer = text_of(core::child_named(response, n::ns_assertion, "Issuer"));
  // SP-initiated when the capture holds the request answered; a Response answering a request the
  // capture doesn't show is replayed IdP-initiated, its InResponseTo planted.
  auto in_response_to = core::attribute(response, "InResponseTo");
  bool sp_initiated = in_response_to && diagnosis.answers_captured_request;
  auto issued = core::parse_datetime(core::attribute(response, "IssueInstant").value_or(""));

  Subject subject = read_subject(assertion, issuer);
  json app = {{"name_id", subject.name_id}, {"claims", subject.claims}};
  if (subject.group_claims) {
    app["group_claims"] = true;
  }
  if (subject.name_format) {
    app["include_attribute_name_format"] = true;
  }
  std::vector<idp::MutatorUse> mutators;
  if (in_response_to && !sp_initiated) {
    mutators.push_back({"in_response_to.unknown", {{"id", *in_response_to}}});
    out.notes.push_back("InResponseTo '" + *in_response_to +
                        "' answers no AuthnRequest of the capture: replayed IdP-initiated with it planted");
  }
  // A NameID changed after signing: the replay signs another value, then puts the captured one.
  bool digest_broken = std::any_of(diagnosis.findings.begin(), diagnosis.findings.end(), [](const FindingReport& r) {
    return r.finding.outcome == sp::FindingOutcome::failed && r.finding.reason == core::Reason::signature_digest_mismatch;
  });
  if (digest_broken && subject.name_id.contains("source")) {
    const xmlNode* name_id = first_named(assertion, n::ns_assertion, "NameID");
    std::string shown = text_of(name_id);
    subject.user["extension_attributes"]["extensionattribute15"] = "signed-" + shown;
    subject.name_id["source"] = "user.extensionattribute15";
    app["name_id"] = subject.name_id;
    mutators.push_back({"signature.digest_tampered", {{"name_id", shown}}});
  }
  if (error_response) {
    json params = {{"code", status}};
    auto codes = core::descendants_named(response, n::ns_protocol, "StatusCode");
    if (codes.size() > 1) {
      params["second"] = core::attribute(codes[1], "Value").value_or("");
    }
    if (const xmlNode* message_text = first_named(response, n::ns_protocol, "StatusMessage")) {
      params["message"] = text_of(message_text);
    }
    if (!has_assertion) {
      params["keep_assertion"] = false;
      subject.notes.clear();
    }
    mutators.push_back({"status.set", params});
  }
  read_signing(response, assertion, issued.value_or(diagnosis.judged_at), app, mutators, out.notes);
  if (encrypted) {
    json encryption = {{"enabled", true}};
    const xmlNode* encrypted_assertion = core::child_named(response, n::ns_assertion, "EncryptedAssertion");
    if (const xmlNode* method = encrypted_assertion ? first_named(encrypted_assertion, n::ns_xenc, "EncryptionMethod") : nullptr) {
      std::string algorithm = core::attribute(method, "Algorithm").value_or("");
      if (algorithm == n::alg_aes256_gcm) {
        encryption["content_algorithm"] = "aes256-gcm";
      } else if (algorithm != n::alg_aes256_cbc) {
        out.notes.push_back("content algorithm '" + algorithm + "' is none Entra offers: aes256-cbc is used");
      }
    }
    app["token_encryption"] = encryption;
  }

  // The faults found, each as the mutator that makes it; the verdict is the first.
  bool signed_at_all = !core::descendants_named(response, n::ns_dsig, "Signature").empty() ||
                       !core::descendants_named(assertion, n::ns_dsig, "Signature").empty();
  std::vector<std::string> covered;  // "path/@name" the attribute differences already make
  if (!error_response) {
    attribute_differences(response, assertion, mutators, covered);
  }
  std::optional<core::Reason> verdict;
  std::vector<std::string> at_fault;  // the elements of the faults made so far
  for (const FindingReport& report : diagnosis.findings) {
    if (report.finding.outcome != sp::FindingOutcome::failed) {
      continue;
    }
    core::Reason reason = report.finding.reason;
    if (!verdict) {
      verdict = reason;
    }
    bool made = std::any_of(mutators.begin(), mutators.end(), [&](const idp::MutatorUse& use) {
      const idp::Mutator* known = idp::find_mutator(use.id);
      return known != nullptr && known->expected == reason;
    });
    if (made || (reason == core::Reason::signature_algorithm_forbidden && app.value("algorithm", "") == "sha1")) {
      continue;  // the settings above already make it
    }
    // "Unsigned" after a signature that failed is that failure's consequence, not a fault of its
    // own; so is a fault inside an element already found at fault (no Audience in no Conditions).
    if (reason == core::Reason::assertion_unsigned && signed_at_all) {
      continue;
    }
    if (std::find(covered.begin(), covered.end(), report.element) != covered.end()) {
      continue;  // the attribute difference above makes it
    }
    if (reason == core::Reason::binding_relay_state_invalid) {
      continue;  // the captured RelayState itself is replayed, below
    }
    if (!report.element.empty() && std::any_of(at_fault.begin(), at_fault.end(), [&](const std::string& element) {
          return report.element.rfind(element + "/", 0) == 0;
        })) {
      continue;
    }
    if (!report.element.empty()) {
      at_fault.push_back(report.element);
    }
    if (const idp::Mutator* mutator = mutator_for(reason, sp_initiated)) {
      mutators.push_back({std::string(mutator->id), json::object()});
    } else {
      out.notes.push_back(std::string(core::id(reason)) + ": no mutator makes this fault, so the replay does not have it");
    }
  }

  nlohmann::ordered_json scenario = {{"id", id},
                   {"title", "Replay of " + diagnosis.file + " (" + diagnosis.id + ")"},
                   {"tags", {"replay"}},
                   {"spec_ref", "saml-profiles §4.1.4 (replayed by idp_sim diagnose --to-scenario)"},
                   {"flows", {sp_initiated ? "sp_initiated" : "idp_initiated"}},
                   {"user", subject.user}};
  nlohmann::ordered_json idp_section = {{"app", app}};
  if (!mutators.empty()) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& use : mutators) {
      if (use.params.empty()) {
        list.push_back(use.id);
      } else {
        list.push_back({{"id", use.id}, {"params", use.params}});
      }
    }
    idp_section["mutators"] = list;
  }
  if (issued && message.captured_at) {
    // The IdP's clock against the browser's: Entra issues a second or two before the post.
    auto offset = std::chrono::duration_cast<std::chrono::seconds>(*issued - *message.captured_at).count();
    if (std::llabs(offset) > 5) {
      idp_section["clock_offset_seconds"] = offset;
    }
  }
  // IdP-initiated, the IdP chooses the RelayState. SP-initiated, the SP does, and the IdP echoes
  // it (saml-bindings §3.5.3): one it did not send is a fault of the form.
  std::optional<std::string> relay_state = message.message->relay_state();
  if (!sp_initiated && relay_state) {
    idp_section["relay_state"] = *relay_state;
  } else if (sp_initiated && relay_state && relay_state != diagnosis.request_relay_state) {
    nlohmann::ordered_json list = idp_section.value("mutators", nlohmann::ordered_json::array());
    list.push_back({{"id", "relay_state.set"}, {"params", {{"value", *relay_state}}}});
    idp_section["mutators"] = list;
  } else if (sp_initiated && !relay_state && diagnosis.request_relay_state) {
    out.notes.push_back("the Response left out the RelayState the request carried: the replay echoes it");
  }
  scenario["idp"] = idp_section;
  if (!verdict && in_response_to && !sp_initiated) {
    verdict = core::Reason::response_in_response_to_unknown;  // planted above; the capture could not tell
  }
  scenario["expect"] = verdict ? nlohmann::ordered_json{{"outcome", "reject"}, {"reason", core::id(*verdict)}}
                               : nlohmann::ordered_json{{"outcome", "accept"}};
  out.notes.insert(out.notes.end(), subject.notes.begin(), subject.notes.end());
  out.scenario = std::move(scenario);
  return out;
}

}  // namespace samlt::diagnose
