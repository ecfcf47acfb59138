// SPDX-License-Identifier: Apache-2.0
// Indented serialisation of a libxml2 document, shared by the JUnit writer and pretty_print_xml.
#pragma once

#include "samlt/core/result.hpp"

#include <libxml/tree.h>

#include <string>

namespace samlt::reports {

enum class XmlDeclaration { write, omit };

// `doc` as UTF-8 text, one element per line with two-space indentation wherever an element holds
// only elements (libxml2 never indents inside text, so text values are reproduced exactly). Ends
// with a newline. Fails with internal.error if libxml2 cannot allocate or encode.
// REQUIRES: `doc` is not null.
core::Result<std::string> save_indented(xmlDoc* doc, XmlDeclaration declaration);

}  // namespace samlt::reports
