// SPDX-License-Identifier: Apache-2.0
// Federation metadata as Entra publishes it (entra-spec §2): the tenant document, the
// app-specific document (?appid=, with a UTF-8 BOM) and the tenant-independent `common` one.
#pragma once

#include "samlt/core/clock.hpp"
#include "samlt/core/result.hpp"
#include "samlt/idp/idp.hpp"

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
core::Result<std::string> federation_metadata(const Idp& idp, MetadataKind kind, const App* app,
                                              std::string_view base_url, core::TimePoint now);

}  // namespace samlt::idp
