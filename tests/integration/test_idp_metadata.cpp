// SPDX-License-Identifier: Apache-2.0
// Both metadata documents fetched from the real server and verified with the xmlsec1 command line.
#include "test_idp_support.hpp"

#include <catch2/catch.hpp>

using namespace samlt::test::idp_it;

TEST_CASE("tenant, app and common metadata verify with xmlsec1", "[integration][idp][xmlsec1]") {
  IdpProcess idp;
  Browser browser(idp.base());
  std::string path =
      std::string("/") + k_tenant + "/federationmetadata/2007-06/federationmetadata.xml";
  auto app = browser.get(path + "?appid=" + k_app_id);
  REQUIRE(app.status == 200);
  CHECK(app.header("content-type").rfind("text/xml", 0) == 0);
  CHECK(app.body.rfind("\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"utf-8\"?>", 0) == 0);
  CHECK(xmlsec1_verifies(app.body, "EntityDescriptor", "idp-signing"));
  CHECK(app.body.find("Location=\"" + idp.base() + "/" + k_tenant + "/saml2\"") !=
        std::string::npos);
  auto tenant = browser.get(path);
  REQUIRE(tenant.status == 200);
  CHECK(tenant.body.rfind("<?xml", 0) == 0);
  CHECK(xmlsec1_verifies(tenant.body, "EntityDescriptor", "idp-signing"));
  // Case-insensitive path, as Entra documents it with capitals.
  auto capitals = browser.get(std::string("/") + k_tenant +
                              "/FederationMetadata/2007-06/FederationMetadata.xml");
  CHECK(capitals.status == 200);
  auto common = browser.get("/common/federationmetadata/2007-06/federationmetadata.xml");
  REQUIRE(common.status == 200);
  CHECK(common.body.find("entityID=\"https://sts.windows.net/{tenantid}/\"") != std::string::npos);
  CHECK(xmlsec1_verifies(common.body, "EntityDescriptor", "idp-signing"));
  CHECK_FALSE(xmlsec1_verifies(app.body, "EntityDescriptor", "idp-rogue"));
}
