// SPDX-License-Identifier: Apache-2.0
// IdP metadata documents as real IdPs publish them, built with core: Entra's app metadata
// (entra-spec §2.2: UTF-8 BOM, XML declaration, signed EntityDescriptor, two RoleDescriptors,
// the IDPSSODescriptor with every signing certificate) and a Keycloak realm's (EntitiesDescriptor,
// md:/ds: prefixes, KeyName, several bindings).
#pragma once

#include <string>
#include <vector>

namespace samlt::test {

struct EntraMetadataOptions {
  // Roles of the test certificate set advertised as signing certificates.
  std::vector<std::string> certificates{"idp-signing", "idp-signing-next", "idp-signing-expired"};
  std::string signer = "idp-signing";  // empty: unsigned
  bool bom = true;
  std::string entity_id = "https://sts.windows.net/aaaabbbb-0000-cccc-1111-dddd2222eeee/";
  std::string sso_url = "http://127.0.0.1:8080/aaaabbbb-0000-cccc-1111-dddd2222eeee/saml2";
};

std::string entra_metadata(const EntraMetadataOptions& options = {});

// A Keycloak 2x realm descriptor for http://localhost:18080/realms/test signed by nobody.
std::string keycloak_metadata(const std::string& certificate_role = "idp-signing");

}  // namespace samlt::test
