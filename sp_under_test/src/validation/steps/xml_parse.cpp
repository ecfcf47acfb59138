// SPDX-License-Identifier: Apache-2.0
// xml.parse
#include "samlt/sp/validation/steps.hpp"

namespace samlt::sp::steps {

// attack-catalogue §5 and §16: explicit length, no network, no DTD (parsing stops at the DOCTYPE,
// so no entity is ever declared), no recovery, namespace errors fatal, no xml:id, bounded size and
// depth. core::parse_strict is the only parser this project uses on untrusted input.
core::Result<void> xml_parse(const Context& ctx, MessageEvidence& ev) {
  if (!ev.message) {
    return core::fail(core::Reason::internal_error, "xml.parse ran without a decoded binding message");
  }
  auto doc = core::parse_strict(ev.message->xml(), core::ParseLimits{ctx.policy.max_message_bytes, 64});
  if (!doc) {
    return core::fail(doc.error());
  }
  ev.doc = std::move(*doc);
  return {};
}

}  // namespace samlt::sp::steps
