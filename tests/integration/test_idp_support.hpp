// SPDX-License-Identifier: Apache-2.0
// For the idp_sim integration tests: a tenant configuration over the test certificate set, the
// real `idp_sim serve` started on a free loopback port, and a small browser (cookies, redirects,
// the auto-POST form) built on Poco's HTTP client.
#pragma once

#include "samlt/core/codec.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <optional>
#include <string>

namespace samlt::test::idp_it {

inline constexpr const char* k_tenant = "aaaabbbb-0000-cccc-1111-dddd2222eeee";
inline constexpr const char* k_app_id = "00001111-aaaa-2222-bbbb-3333cccc4444";
inline constexpr const char* k_launch_app_id = "22223333-cccc-4444-dddd-5555eeee6666";
inline constexpr const char* k_entity_id = "urn:samlt:sp:reference";
inline constexpr const char* k_acs = "http://127.0.0.1:8081/saml/acs";
inline constexpr const char* k_alex = "alex.wilber@contoso.example";

// Reference app (with a Sign on URL), an app without one (IdP-initiated launches), users alex,
// adele (password), a disabled user; knobs.auto_login on.
nlohmann::json config();

// `idp_sim serve` with `json` written into its own TempDir, on a free port; waits for
// /_control/health.
class IdpProcess {
 public:
  explicit IdpProcess(const nlohmann::json& json = config());
  const std::string& base() const { return m_base; }  // http://127.0.0.1:PORT
  std::string saml2() const { return m_base + "/" + k_tenant + "/saml2"; }
  bool running() const { return m_process->running(); }
  std::string log() const { return m_process->log(); }

 private:
  TempDir m_dir;
  std::string m_base;
  std::unique_ptr<ChildProcess> m_process;
};

struct HttpResponse {
  int status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  // names lower-case
  std::string header(const std::string& name) const;
};

// One browser: a cookie jar for the IdP host; redirects to the IdP are followed, a redirect
// elsewhere (the SP) is returned as is.
class Browser {
 public:
  explicit Browser(std::string base) : m_base(std::move(base)) {}
  HttpResponse get(const std::string& url, bool follow = true);
  HttpResponse post_form(const std::string& url, const core::FormFields& fields);
  HttpResponse request(const std::string& method, const std::string& url, const std::string& body,
                       const std::string& content_type);
  std::optional<std::string> cookie(const std::string& name) const;

 private:
  std::string m_base;
  std::map<std::string, std::string> m_cookies;
};

struct AutoPostForm {
  std::string action;
  core::FormFields fields;
  std::string field(const std::string& name) const;
};

// The hidden form idp_sim posts to the ACS, or nullopt when `html` is not one.
std::optional<AutoPostForm> auto_post_form(const std::string& html);
// The `ctx` of a sign-in page, or nullopt when `html` is not one.
std::optional<std::string> sign_in_ctx(const std::string& html);

std::string authn_request(const std::string& id = "_it-0001",
                          const std::string& extra_attributes = {});
std::string redirect_url(const std::string& saml2, const std::string& xml,
                         const std::string& more_query = {});

// The decoded SAMLResponse of a form.
std::string response_xml(const AutoPostForm& form);

// xmlsec1 --verify of the enveloped Signature of `element` in `xml` with the test certificate
// `role`.
bool xmlsec1_verifies(const std::string& xml, const std::string& element, const std::string& role);

}  // namespace samlt::test::idp_it
