// SPDX-License-Identifier: Apache-2.0
// The idps table: registered IdPs with their signing certificates (PEM, as a JSON array).
#include "store/store_internal.hpp"

#include <nlohmann/json.hpp>

namespace samlt::sp {
namespace {

using namespace Poco::Data::Keywords;
using namespace store_detail;

constexpr const char* k_columns =
    "name, entity_id, sso_url, slo_url, certificates, enabled, want_authn_requests_signed, metadata_url";

std::vector<IdpRecord> read_rows(Poco::Data::Statement& select) {
  Poco::Data::RecordSet rows(select);
  std::vector<IdpRecord> out;
  for (std::size_t row = 0; row < rows.rowCount(); ++row) {
    IdpRecord idp;
    idp.name = text(rows, 0, row);
    idp.entity_id = text(rows, 1, row);
    idp.sso_url = text(rows, 2, row);
    idp.slo_url = text(rows, 3, row);
    idp.certificates_pem = nlohmann::json::parse(text(rows, 4, row)).get<std::vector<std::string>>();
    idp.enabled = integer(rows, 5, row) != 0;
    idp.want_authn_requests_signed = integer(rows, 6, row) != 0;
    idp.metadata_url = text(rows, 7, row);
    out.push_back(std::move(idp));
  }
  return out;
}

}  // namespace

core::Result<void> Store::upsert_idp(const IdpRecord& idp) {
  return guarded(*m_impl, "upsert_idp", [&](Poco::Data::Session& session) -> core::Result<void> {
    std::string certificates = nlohmann::json(idp.certificates_pem).dump();
    Poco::Int64 enabled = idp.enabled ? 1 : 0;
    Poco::Int64 want_signed = idp.want_authn_requests_signed ? 1 : 0;
    session << "INSERT INTO idps (" << k_columns << ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
               " ON CONFLICT(name) DO UPDATE SET entity_id = excluded.entity_id,"
               " sso_url = excluded.sso_url, slo_url = excluded.slo_url,"
               " certificates = excluded.certificates, enabled = excluded.enabled,"
               " want_authn_requests_signed = excluded.want_authn_requests_signed,"
               " metadata_url = excluded.metadata_url",
        bind(idp.name), bind(idp.entity_id), bind(idp.sso_url), bind(idp.slo_url), bind(certificates),
        bind(enabled), bind(want_signed), bind(idp.metadata_url), now;
    ++m_impl->idps_generation;
    return {};
  });
}

core::Result<std::optional<IdpRecord>> Store::find_idp(std::string_view name) {
  return guarded(*m_impl, "find_idp", [&](Poco::Data::Session& session) -> core::Result<std::optional<IdpRecord>> {
    Poco::Data::Statement select(session);
    select << "SELECT " << k_columns << " FROM idps WHERE name = ?", bind(std::string(name)), now;
    auto rows = read_rows(select);
    if (rows.empty()) {
      return std::optional<IdpRecord>();
    }
    return std::optional<IdpRecord>(std::move(rows.front()));
  });
}

core::Result<std::vector<IdpRecord>> Store::list_idps() {
  return guarded(*m_impl, "list_idps", [&](Poco::Data::Session& session) -> core::Result<std::vector<IdpRecord>> {
    Poco::Data::Statement select(session);
    select << "SELECT " << k_columns << " FROM idps ORDER BY name", now;
    return read_rows(select);
  });
}

core::Result<bool> Store::set_idp_enabled(std::string_view name, bool enabled) {
  return guarded(*m_impl, "set_idp_enabled", [&](Poco::Data::Session& session) -> core::Result<bool> {
    Poco::Int64 value = enabled ? 1 : 0;
    session << "UPDATE idps SET enabled = ? WHERE name = ?", bind(value), bind(std::string(name)), now;
    ++m_impl->idps_generation;
    return changes(session) == 1;
  });
}

core::Result<bool> Store::remove_idp(std::string_view name) {
  return guarded(*m_impl, "remove_idp", [&](Poco::Data::Session& session) -> core::Result<bool> {
    session << "DELETE FROM idps WHERE name = ?", bind(std::string(name)), now;
    ++m_impl->idps_generation;
    return changes(session) == 1;
  });
}

}  // namespace samlt::sp
