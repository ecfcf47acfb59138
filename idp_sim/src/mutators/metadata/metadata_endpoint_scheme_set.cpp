// SPDX-License-Identifier: Apache-2.0
// metadata.endpoint_scheme_set — an endpoint Location with a dangerous scheme (attack-catalogue
// MD-ENDPOINT-SCHEME; SimpleSAMLphp GHSA-vpr3-cw3h-prw8, Keycloak GHSA-3p62-6fjh-3p5h): an SP
// that redirects browsers to its IdP's SingleSignOnService or SingleLogoutService would run script.
// saml-metadata §2.2.2: Location is a URI the binding can use, i.e. http(s) for the browser
// bindings. Params `service` (sso default | slo), `location` (default javascript:alert(1)).
#include "mutators/metadata/metadata.hpp"
#include "mutators/mutators.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators {

core::Result<void> metadata_endpoint_scheme_set(Target& target) {
  auto service = string_param(target, "service");
  auto location = string_param(target, "location");
  if (!service || !location) {
    return core::fail(!service ? service.error() : location.error());
  }
  std::string wanted = service->value_or("sso");
  if (wanted != "sso" && wanted != "slo") {
    return core::fail(core::Reason::mutator_params_invalid, "/service: expected sso or slo");
  }
  namespace n = core::names;
  xmlNode* role = core::child_named(target.doc->root(), n::ns_metadata, "IDPSSODescriptor");
  auto services = core::children_named(role, n::ns_metadata, wanted == "sso" ? "SingleSignOnService" : "SingleLogoutService");
  if (services.empty()) {
    return core::fail(core::Reason::mutator_not_applicable, "no " + wanted + " endpoint in the IDPSSODescriptor");
  }
  for (xmlNode* endpoint : services) {
    core::set_attribute(endpoint, "Location", location->value_or("javascript:alert(1)"));
  }
  return {};
}

}  // namespace samlt::idp::mutators
