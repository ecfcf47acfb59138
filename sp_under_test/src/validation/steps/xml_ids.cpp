// SPDX-License-Identifier: Apache-2.0
// xml.ids
#include "samlt/sp/validation/steps.hpp"
#include "validation/saml_read.hpp"

namespace samlt::sp::steps {

// attack-catalogue §0.4 invariant 3: IDs are unique across every ID-like attribute of the whole
// document, so a Reference can resolve to one node only (XSW-7, XSW-8, XSW-ID-DUP, XSW-ID-XMLID).
// assertion.decrypt repeats this on the document after decryption.
core::Result<void> xml_ids(const Context&, MessageEvidence& ev) {
  return read::check_unique_ids(ev.doc.root());
}

}  // namespace samlt::sp::steps
