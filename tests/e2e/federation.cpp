// SPDX-License-Identifier: Apache-2.0
#include "federation.hpp"

#include "samlt/core/fs.hpp"
#include "samlt/idp/metadata.hpp"
#include "support/test_certs.hpp"

#include <catch2/catch.hpp>

namespace samlt::test {
namespace {

constexpr const char* k_app_id = "00001111-aaaa-2222-bbbb-3333cccc4444";

nlohmann::json read_json(const std::filesystem::path& file) {
  auto text = core::read_file(file);
  REQUIRE(text);
  return nlohmann::json::parse(*text);
}

std::filesystem::path write(const TempDir& dir, const std::string& name, const nlohmann::json& json) {
  REQUIRE(core::write_file_atomic(dir / name, json.dump(2)));
  return dir / name;
}

}  // namespace

Federation::Federation() : m_clock(test_now()) {
  const auto& certs = test_cert_set();
  auto idp_json = read_json(std::filesystem::path(SAMLT_SOURCE_DIR) / "idp_sim/config/default.json");
  idp_json["cert_set"] = certs.dir().string();
  m_idp = std::make_unique<idp::Idp>(idp::load_idp_config(write(m_dir, "idp.json", idp_json)));

  auto sp_json = read_json(std::filesystem::path(SAMLT_SOURCE_DIR) / "sp_under_test/config/default.json");
  sp_json["signing"] = {{"key_file", certs.key_path("sp-signing").string()},
                        {"certificate_file", certs.certificate_path("sp-signing").string()}};
  sp_json["encryption"] = {{"key_file", certs.key_path("sp-encryption").string()},
                           {"certificate_file", certs.certificate_path("sp-encryption").string()}};
  sp_json["encryption_next"] = {{"key_file", certs.key_path("sp-encryption-next").string()},
                                {"certificate_file", certs.certificate_path("sp-encryption-next").string()}};
  sp_json["database"] = (m_dir / "sp.sqlite").string();
  sp_json["trusted_idps"] = nlohmann::json::array();
  m_sp_config = write(m_dir, "sp.json", sp_json);
  restart_sp();
}

void Federation::restart_sp() {
  m_sp.reset();
  auto config = sp::load_sp_config(m_sp_config);
  auto store = sp::Store::open(config.database.string());
  REQUIRE(store);
  m_sp = std::make_unique<sp::ServiceProvider>(std::move(config), std::move(*store), m_clock, sp::null_log_sink());
  REQUIRE(m_sp->seed_accounts());
  const idp::App* app = m_idp->find_app(k_app_id);
  REQUIRE(app != nullptr);
  auto metadata = idp::federation_metadata(*m_idp, idp::MetadataKind::app, app, "http://127.0.0.1:8080", m_clock.now());
  REQUIRE(metadata);
  REQUIRE(m_sp->register_idp_from_metadata("entra", *metadata));
}

Exchange Federation::sign_in(const SignIn& request) {
  Exchange exchange;
  std::string query;
  if (!request.idp_initiated) {
    auto login = m_sp->begin_login("entra");
    REQUIRE(login);
    query = login->url.substr(login->url.find('?') + 1);
    exchange.browser_binding = login->browser_binding;
  }
  exchange.form = answer(request, query);
  exchange.verdict = m_sp->consume_acs_post(exchange.form, exchange.browser_binding);
  return exchange;
}

core::FormFields Federation::answer(const SignIn& request, const std::string& redirect_query) {
  idp::IssueRequest issue;
  issue.app_id = k_app_id;
  issue.user = request.user;
  issue.mutators = request.mutators;
  issue.app_overrides = request.app_overrides;
  issue.clock_offset_seconds = request.clock_offset_seconds;
  if (!redirect_query.empty()) {
    issue.redirect_query = redirect_query;
  }
  auto outcome = idp::issue_response(*m_idp, issue, m_clock.now());
  INFO((outcome ? "" : std::string(core::id(outcome.error().reason)) + ": " + outcome.error().detail));
  REQUIRE(outcome);
  const auto* refused = std::get_if<idp::AadstsError>(&*outcome);
  INFO((refused ? "AADSTS" + std::to_string(refused->code) + ": " + refused->message : std::string()));
  REQUIRE(refused == nullptr);
  return std::get<idp::IssuedResponse>(*outcome).form;
}

sp::Verdict Federation::post(const core::FormFields& form, const std::string& browser_binding) {
  return m_sp->consume_acs_post(form, browser_binding);
}

std::string_view reason_id(const sp::Verdict& verdict) {
  return verdict.accepted ? std::string_view("accepted") : core::id(verdict.reason);
}

}  // namespace samlt::test
