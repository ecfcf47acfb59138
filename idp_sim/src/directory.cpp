// SPDX-License-Identifier: Apache-2.0
#include "directory.hpp"

#include "samlt/core/codec.hpp"
#include "samlt/core/random.hpp"

#include <openssl/evp.h>

#include <array>

namespace samlt::idp {
namespace {

using Getter = std::string (*)(const User&);

struct Source {
  std::string_view name;
  Getter get;
};

// The attributes of the "Source attribute" drop-down that this directory models (entra-spec §1.7,
// D5). user.mailprefix stands for the ExtractMailPrefix() transformation of user.mail.
constexpr Source k_sources[] = {
    {"user.userprincipalname", [](const User& u) { return u.user_principal_name; }},
    {"user.mail", [](const User& u) { return u.mail; }},
    {"user.givenname", [](const User& u) { return u.given_name; }},
    {"user.surname", [](const User& u) { return u.surname; }},
    {"user.displayname", [](const User& u) { return u.display_name; }},
    {"user.objectid", [](const User& u) { return u.object_id; }},
    {"user.department", [](const User& u) { return u.department; }},
    {"user.jobtitle", [](const User& u) { return u.job_title; }},
    {"user.employeeid", [](const User& u) { return u.employee_id; }},
    {"user.onpremisessamaccountname", [](const User& u) { return u.on_premises_sam_account_name; }},
    {"user.mailprefix", [](const User& u) { return u.mail.substr(0, u.mail.find('@')); }},
    {"user.usertype", [](const User& u) { return std::string(u.guest ? "Guest" : "Member"); }},
};

std::string base64url(std::string_view bytes) {
  std::string text = core::base64_encode(bytes);
  while (!text.empty() && text.back() == '=') {
    text.pop_back();
  }
  for (char& c : text) {
    c = c == '+' ? '-' : (c == '/' ? '_' : c);
  }
  return text;
}

}  // namespace

bool is_known_source(std::string_view source) {
  for (const auto& s : k_sources) {
    if (s.name == source) {
      return true;
    }
  }
  constexpr std::string_view k_ext = "user.extensionattribute";
  if (source.substr(0, k_ext.size()) == k_ext) {
    std::string_view n = source.substr(k_ext.size());
    return n == "1" || n == "2" || n == "3" || n == "4" || n == "5" || n == "6" || n == "7" ||
           n == "8" || n == "9" || n == "10" || n == "11" || n == "12" || n == "13" || n == "14" ||
           n == "15";
  }
  return false;
}

std::string known_sources_joined() {
  std::string out;
  for (const auto& s : k_sources) {
    out += std::string(s.name) + ", ";
  }
  return out + "user.extensionattribute1 … user.extensionattribute15";
}

std::string user_attribute(const User& user, std::string_view source) {
  for (const auto& s : k_sources) {
    if (s.name == source) {
      return s.get(user);
    }
  }
  auto it = user.extension_attributes.find(std::string(source.substr(5)));  // after "user."
  return it == user.extension_attributes.end() ? std::string() : it->second;
}

std::string pairwise_id(std::string_view tenant_id, std::string_view app_id,
                        std::string_view object_id, std::string_view salt) {
  std::string input = std::string(tenant_id) + "|" + std::string(app_id) + "|" +
                      std::string(object_id) + "|" + std::string(salt);
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  EVP_Digest(input.data(), input.size(), digest.data(), &length, EVP_sha256(), nullptr);
  return base64url(std::string_view(reinterpret_cast<const char*>(digest.data()), length));
}

std::string transient_id() {
  return base64url(core::random_bytes(32)).substr(0, 43);
}

}  // namespace samlt::idp
