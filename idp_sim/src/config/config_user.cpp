// SPDX-License-Identifier: Apache-2.0
// Directory users: the Microsoft Graph user fields the SAML flow reads (entra-spec §1.7, §1.10).
#include "config/config_parts.hpp"

namespace samlt::idp::config {

User read_user(const nlohmann::json& json, const std::string& pointer, std::string_view source) {
  ObjectReader r(json, pointer, source);
  User u;
  u.object_id = r.guid("object_id");
  u.user_principal_name = r.string("user_principal_name");
  u.mail = r.string_or("mail", "");
  u.given_name = r.string_or("given_name", "");
  u.surname = r.string_or("surname", "");
  u.display_name = r.string_or("display_name", "");
  u.department = r.string_or("department", "");
  u.job_title = r.string_or("job_title", "");
  u.employee_id = r.string_or("employee_id", "");
  u.on_premises_sam_account_name = r.string_or("on_premises_sam_account_name", "");
  u.groups = r.strings("groups");
  for (std::size_t i = 0; i < u.groups.size(); ++i) {
    if (!is_lower_guid(u.groups[i])) {
      config_fail(source, child_pointer(r.pointer("groups"), i),
                  "a group object id (lower-case GUID)");
    }
  }
  if (const nlohmann::json* ext = r.find("extension_attributes")) {
    ObjectReader e(*ext, r.pointer("extension_attributes"), source);
    for (int i = 1; i <= 15; ++i) {
      std::string name = "extensionattribute" + std::to_string(i);
      if (e.has(name)) {
        u.extension_attributes[name] = e.string_or(name, "");
      }
    }
    e.finish();
  }
  u.enabled = r.boolean_or("enabled", true);
  u.guest = r.choice_or<bool>("user_type", {{"member", false}, {"guest", true}}, false);
  u.identity_provider = r.optional_string("identity_provider");
  u.last_auth_method = r.choice_or<AuthMethod>("last_auth_method",
                                               {{"password", AuthMethod::password},
                                                {"mfa", AuthMethod::mfa},
                                                {"x509", AuthMethod::x509},
                                                {"windows", AuthMethod::windows}},
                                               AuthMethod::password);
  u.password = r.optional_string("password");
  r.finish();
  return u;
}

std::vector<MutatorUse> read_mutator_uses(const nlohmann::json& json, const std::string& pointer,
                                          std::string_view source) {
  std::vector<MutatorUse> out;
  if (!json.is_array()) {
    config_fail(source, pointer, "an array of mutator ids or {\"id\", \"params\"} objects");
  }
  for (std::size_t i = 0; i < json.size(); ++i) {
    std::string at = child_pointer(pointer, i);
    MutatorUse use;
    if (json[i].is_string()) {
      use.id = json[i].get<std::string>();
    } else {
      ObjectReader r(json[i], at, source);
      use.id = r.string("id");
      if (const nlohmann::json* params = r.find("params")) {
        if (!params->is_object()) {
          r.fail("params", "an object");
        }
        use.params = *params;
      }
      r.finish();
      at = r.pointer("id");
    }
    if (find_mutator(use.id) == nullptr) {
      config_fail(source, at, "a mutator id, one of: " + mutator_ids_joined());
    }
    out.push_back(std::move(use));
  }
  return out;
}

}  // namespace samlt::idp::config
