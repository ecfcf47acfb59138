// SPDX-License-Identifier: Apache-2.0
#include "xml_save.hpp"

#include <libxml/xmlsave.h>

#include <memory>

namespace samlt::reports {
namespace {

struct BufferFree {
  void operator()(xmlBuffer* buffer) const { xmlBufferFree(buffer); }
};

}  // namespace

core::Result<std::string> save_indented(xmlDoc* doc, XmlDeclaration declaration) {
  std::unique_ptr<xmlBuffer, BufferFree> buffer(xmlBufferCreate());
  if (!buffer) {
    return core::fail(core::Reason::internal_error, "xmlBufferCreate failed");
  }
  int options = XML_SAVE_FORMAT;
  if (declaration == XmlDeclaration::omit) {
    options |= XML_SAVE_NO_DECL;
  }
  xmlSaveCtxt* context = xmlSaveToBuffer(buffer.get(), "UTF-8", options);
  if (context == nullptr) {
    return core::fail(core::Reason::internal_error, "xmlSaveToBuffer failed");
  }
  const long written = xmlSaveDoc(context, doc);
  // xmlSaveClose flushes into the buffer; its result is the last error seen, if any.
  const int closed = xmlSaveClose(context);
  if (written < 0 || closed < 0) {
    return core::fail(core::Reason::internal_error, "libxml2 could not serialise the document");
  }
  const xmlChar* content = xmlBufferContent(buffer.get());
  return std::string(reinterpret_cast<const char*>(content),
                     static_cast<std::size_t>(xmlBufferLength(buffer.get())));
}

}  // namespace samlt::reports
