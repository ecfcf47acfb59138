// SPDX-License-Identifier: Apache-2.0
// Reading IdP federation metadata (saml-metadata §2.4.3): Entra's app metadata (UTF-8 BOM,
// RoleDescriptors, several certificates) and any standard IdP's, e.g. a Keycloak realm's.
#pragma once

#include "samlt/core/clock.hpp"
#include "samlt/core/keys.hpp"
#include "samlt/core/result.hpp"
#include "samlt/sp/policy.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace samlt::sp {

struct IdpMetadata {
  std::string entity_id;
  std::string sso_url;  // the HTTP-Redirect SingleSignOnService
  std::string slo_url;  // the HTTP-Redirect SingleLogoutService, or empty
  std::vector<core::Certificate> signing_certificates;  // use="signing" or no use; de-duplicated
  bool want_authn_requests_signed = false;
  bool is_signed = false;  // the EntityDescriptor carries a Signature
  std::optional<core::TimePoint> valid_until;  // the earliest validUntil of the root and the entity
};

// Size limit for metadata documents: Entra's app metadata is ~25 KB, aggregates are larger.
inline constexpr std::size_t k_max_metadata_bytes = 4 * 1024 * 1024;

// Parses `xml` (a leading UTF-8 BOM is fine) with core::parse_strict. Uses the EntityDescriptor
// root, or the first EntityDescriptor with an IDPSSODescriptor in an EntitiesDescriptor.
// Fails with xml.* (parse), metadata.invalid (no EntityDescriptor, no entityID, validUntil before
// `now`, an endpoint that is not http(s), no Redirect SingleSignOnService, a bad certificate),
// metadata.no_idp_descriptor, metadata.no_signing_key.
core::Result<IdpMetadata> parse_idp_metadata(std::string_view xml, core::TimePoint now);

// Verifies the enveloped Signature on the metadata's root element with `trusted` (a refresh of an
// IdP that is already trusted; SAML2int IIP-MD03: the root carries the signature, so a signed
// EntityDescriptor nested in an unsigned document vouches for nothing). Fails with xml.* (parse),
// metadata.signature_missing when the root is unsigned, metadata.signature_invalid when the
// signature does not verify with `trusted` (the verifier's reason in the detail).
core::Result<void> verify_metadata_signature(std::string_view xml,
                                             std::span<const core::Certificate> trusted,
                                             const Policy& policy);

}  // namespace samlt::sp
