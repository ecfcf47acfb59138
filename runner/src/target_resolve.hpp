// SPDX-License-Identifier: Apache-2.0
// What the runner learns about a target before the first scenario: values from its SP metadata
// (entity ID, ACS URL, encryption certificate), its capabilities, its policy settings, and
// whether it answers at all.
#pragma once

#include "samlt/core/keys.hpp"
#include "samlt/core/result.hpp"
#include "samlt/reports/report_model.hpp"
#include "samlt/runner/needs.hpp"
#include "samlt/runner/target.hpp"

#include <optional>
#include <string>
#include <vector>

namespace samlt::runner {

struct ResolvedTarget {
  // The certificate the IdP encrypts assertions to, and where it came from (for the report).
  std::optional<core::Certificate> encryption_certificate;
  std::string encryption_certificate_source;
  // A second, different encryption certificate in the SP metadata: the SP decrypts with either
  // during a key rollover (SAML2int IIP-SP08).
  std::optional<core::Certificate> next_encryption_certificate;
  Capabilities capabilities;  // discovered plus declared (needs.hpp)
  std::vector<reports::PolicySetting> policy;  // in force, with origins (policies.hpp)
};

// Reads the SP metadata (file, or URL at run time) when the target gives one: fills entity_id
// and acs_url when the target file left them out (EntityDescriptor/@entityID and the HTTP-POST
// AssertionConsumerService: the default one, or the lowest index) and finds the encryption
// certificate (a KeyDescriptor with use="encryption" or no use). The target's
// encryption_certificate file wins over metadata. Then computes the capabilities and fetches the
// policy. Fails with metadata.invalid, key.* (a bad certificate file) or runner.http_failed.
core::Result<ResolvedTarget> resolve_target(Target& target, double timeout_seconds);

// One request to the SP (login URL, else metadata URL, else ACS URL) to learn whether it is up.
// Any HTTP answer counts. Fails with runner.http_failed.
core::Result<void> check_reachable(const Target& target, double timeout_seconds);

}  // namespace samlt::runner
