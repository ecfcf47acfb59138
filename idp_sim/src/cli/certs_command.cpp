// SPDX-License-Identifier: Apache-2.0
// `idp_sim certs --out DIR`: the TEST-ONLY certificate set (core/cert_set.hpp), described role by
// role so a person can see which is expired, rogue or weak.
#include "cli/args.hpp"
#include "samlt/core/cert_set.hpp"
#include "samlt/core/saml_time.hpp"
#include "samlt/idp/cli.hpp"

#include <iostream>

namespace samlt::idp {

int certs_command(std::span<const std::string> args) {
  constexpr std::string_view k_usage =
      "usage: idp_sim certs --out DIR\n"
      "  Generates the TEST-ONLY keys and certificates (validity relative to now) into DIR with a\n"
      "  manifest.json; roles: idp-signing, idp-signing-next, idp-signing-expired, …\n";
  auto parsed = cli::parse_args(args, {"out"}, {});
  if (parsed.flag("help")) {
    std::cout << k_usage;
    return 0;
  }
  if (!parsed.error.empty() || !parsed.value("out")) {
    std::cerr << "idp_sim certs: "
              << (parsed.error.empty() ? "--out DIR is required" : parsed.error) << "\n"
              << k_usage;
    return 2;
  }
  auto set = core::generate_cert_set(*parsed.value("out"), core::SystemClock().now());
  if (!set) {
    std::cerr << "idp_sim certs: " << core::id(set.error().reason) << ": " << set.error().detail
              << "\n";
    return 1;
  }
  for (const auto& entry : set->entries()) {
    auto cert = core::load_certificate_file(set->certificate_path(entry.role));
    if (!cert) {
      std::cerr << "idp_sim certs: " << entry.role << ": " << cert.error().detail << "\n";
      return 1;
    }
    std::cout << entry.role << "\n  subject: " << cert->subject()
              << "\n  valid:   " << core::format_datetime(cert->not_before()) << " .. "
              << core::format_datetime(cert->not_after()) << "\n  key:     " << cert->key_bits()
              << "-bit RSA, signed with " << cert->signature_digest()
              << "\n  purpose: " << entry.purpose << "\n";
  }
  std::cout << "wrote " << set->entries().size() << " credentials and manifest.json to "
            << set->dir().string() << "\n";
  return 0;
}

}  // namespace samlt::idp
