// SPDX-License-Identifier: Apache-2.0
// A typical Entra Response (entra-spec §1.15: nine claims, two authentication methods), built with
// core only so the benchmark measures core and nothing else.
#pragma once

#include "samlt/core/xml.hpp"

namespace samlt::bench {

struct EntraResponse {
  core::XmlDoc doc;
  xmlNode* assertion = nullptr;
};

EntraResponse make_entra_response();

}  // namespace samlt::bench
