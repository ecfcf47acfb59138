// SPDX-License-Identifier: Apache-2.0
// Federation metadata as Entra publishes it (entra-spec §2): the tenant document, the
// app-specific document (?appid=, with a UTF-8 BOM) and the tenant-independent `common` one.
#pragma once

#include "samlt/core/clock.hpp"
#include "samlt/core/result.hpp"
#include "samlt/idp/idp.hpp"
#include "samlt/idp/mutator.hpp"

#include <span>

#include <string>
#include <string_view>

namespace samlt::idp {

enum class MetadataKind { tenant, app, common };

// The document's bytes, ready to serve: [BOM for the app form when knobs.metadata_bom]
// `<?xml version="1.0" encoding="utf-8"?>` then the signed EntityDescriptor in §2.2's order:
// Signature, RoleDescriptor (SecurityTokenServiceType, 19 ClaimTypesOffered), RoleDescriptor
// (ApplicationServiceType), IDPSSODescriptor (SLO Redirect, SSO Redirect + POST). KeyDescriptors:
// the certificate signing at `now` first, then every other certificate marked `advertise`.
// Endpoints are under `base_url` (the IdP's public base URL, no trailing slash).
// REQUIRES: `app` is non-null for MetadataKind::app. Fails with idp.signing_key_missing or a
// signing failure.
//
// `faults` are metadata mutators (metadata_document_mutators(), attack-catalogue §14) applied in
// order at their stages; `canary_url` is what NO-FETCH faults plant. Fails with
// control.unknown_mutator for an id not in that table, or the mutator's own failure.
core::Result<std::string> federation_metadata(const Idp& idp, MetadataKind kind, const App* app,
                                              std::string_view base_url, core::TimePoint now,
                                              std::span<const MutatorUse> faults = {},
                                              std::string_view canary_url = {});

// The metadata document's faults (one constexpr table; not part of all_mutators(), which lists the
// Response mutators). Thread-safe.
std::span<const Mutator> metadata_document_mutators();
const Mutator* find_metadata_mutator(std::string_view id);  // nullptr when unknown

}  // namespace samlt::idp
