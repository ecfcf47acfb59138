// SPDX-License-Identifier: Apache-2.0
// The idps table: registered IdPs with their signing certificates (PEM, as a JSON array).
#include "store/store_internal.hpp"

#include <nlohmann/json.hpp>

namespace samlt::sp {
namespace {

using namespace store_detail;

#define IDP_COLUMNS                                                                        \
  "name, entity_id, sso_url, slo_url, certificates, enabled, want_authn_requests_signed, " \
  "metadata_url"

core::Result<IdpRecord> read_row(const Statement& select) {
  IdpRecord idp;
  idp.name = select.text(0);
  idp.entity_id = select.text(1);
  idp.sso_url = select.text(2);
  idp.slo_url = select.text(3);
  auto certificates = nlohmann::json::parse(select.text(4), nullptr, false);
  if (!certificates.is_array()) {
    return core::fail(core::Reason::store_failed,
                      "idp " + idp.name + ": certificates: not a JSON array");
  }
  for (const auto& pem : certificates) {
    if (!pem.is_string()) {
      return core::fail(core::Reason::store_failed,
                        "idp " + idp.name + ": certificates: an entry is not a string");
    }
    idp.certificates_pem.push_back(pem.get<std::string>());
  }
  idp.enabled = select.integer(5) != 0;
  idp.want_authn_requests_signed = select.integer(6) != 0;
  idp.metadata_url = select.text(7);
  return idp;
}

core::Result<std::vector<IdpRecord>> read_rows(Statement& select) {
  std::vector<IdpRecord> out;
  for (;;) {
    auto row = select.next();
    if (!row) {
      return core::fail(row.error());
    }
    if (!*row) {
      return out;
    }
    auto idp = read_row(select);
    if (!idp) {
      return core::fail(idp.error());
    }
    out.push_back(std::move(*idp));
  }
}

}  // namespace

core::Result<void> Store::upsert_idp(const IdpRecord& idp) {
  return guarded(*m_impl, [&](Impl& impl) -> core::Result<void> {
    ++impl.idps_generation;
    return statement(impl,
                     "INSERT INTO idps (" IDP_COLUMNS
                     ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                     " ON CONFLICT(name) DO UPDATE SET entity_id = excluded.entity_id,"
                     " sso_url = excluded.sso_url, slo_url = excluded.slo_url,"
                     " certificates = excluded.certificates, enabled = excluded.enabled,"
                     " want_authn_requests_signed = excluded.want_authn_requests_signed,"
                     " metadata_url = excluded.metadata_url",
                     "upsert_idp")
        .bind(idp.name)
        .bind(idp.entity_id)
        .bind(idp.sso_url)
        .bind(idp.slo_url)
        .bind(nlohmann::json(idp.certificates_pem).dump())
        .bind(std::int64_t{idp.enabled})
        .bind(std::int64_t{idp.want_authn_requests_signed})
        .bind(idp.metadata_url)
        .run()
        .map([](int) {});
  });
}

core::Result<std::optional<IdpRecord>> Store::find_idp(std::string_view name) {
  return guarded(*m_impl, [&](Impl& impl) -> core::Result<std::optional<IdpRecord>> {
    auto select = statement(impl, "SELECT " IDP_COLUMNS " FROM idps WHERE name = ?", "find_idp");
    auto rows = read_rows(select.bind(name));
    if (!rows) {
      return core::fail(rows.error());
    }
    return rows->empty() ? std::nullopt : std::optional<IdpRecord>(std::move(rows->front()));
  });
}

core::Result<std::vector<IdpRecord>> Store::list_idps() {
  return guarded(*m_impl, [&](Impl& impl) -> core::Result<std::vector<IdpRecord>> {
    auto select = statement(impl, "SELECT " IDP_COLUMNS " FROM idps ORDER BY name", "list_idps");
    return read_rows(select);
  });
}

core::Result<bool> Store::set_idp_enabled(std::string_view name, bool enabled) {
  return guarded(*m_impl, [&](Impl& impl) -> core::Result<bool> {
    ++impl.idps_generation;
    return statement(impl, "UPDATE idps SET enabled = ? WHERE name = ?", "set_idp_enabled")
        .bind(std::int64_t{enabled})
        .bind(name)
        .run()
        .map([](int changed) { return changed == 1; });
  });
}

core::Result<bool> Store::remove_idp(std::string_view name) {
  return guarded(*m_impl, [&](Impl& impl) -> core::Result<bool> {
    ++impl.idps_generation;
    return statement(impl, "DELETE FROM idps WHERE name = ?", "remove_idp")
        .bind(name)
        .run()
        .map([](int changed) { return changed == 1; });
  });
}

}  // namespace samlt::sp

#undef IDP_COLUMNS
