// SPDX-License-Identifier: Apache-2.0
// The hardened parser (attack-catalogue §5 and §16).
#include "samlt/core/xml.hpp"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>

#include <memory>

namespace samlt::core {
namespace {

// Per-parse state, reached from the SAX callbacks through ctxt->_private.
struct ParseState {
  std::size_t max_depth = 0;
  bool doctype = false;
  bool too_deep = false;
  bool xml_id = false;
  std::string first_error;
  startElementNsSAX2Func default_start = nullptr;
};

ParseState& state_of(void* ctx) {
  auto* ctxt = static_cast<xmlParserCtxtPtr>(ctx);
  return *static_cast<ParseState*>(ctxt->_private);
}

// Stop at the DOCTYPE itself: no entity declaration is ever read, so none can be expanded
// (XML-BILLION-LAUGHS, XML-XXE-*), and no DTD can declare IDs or default attributes (PD-*).
void on_doctype(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*) {
  state_of(ctx).doctype = true;
  xmlStopParser(static_cast<xmlParserCtxtPtr>(ctx));
}

void on_start_element(void* ctx, const xmlChar* localname, const xmlChar* prefix,
                      const xmlChar* uri, int nb_namespaces, const xmlChar** namespaces,
                      int nb_attributes, int nb_defaulted, const xmlChar** attributes) {
  auto* ctxt = static_cast<xmlParserCtxtPtr>(ctx);
  auto& state = state_of(ctx);
  // ctxt->nameNr counts the open ancestors of the element being opened.
  if (static_cast<std::size_t>(ctxt->nameNr) >= state.max_depth) {
    state.too_deep = true;
    xmlStopParser(ctxt);
    return;
  }
  // attributes: 5 entries each (localname, prefix, URI, value, end).
  for (int i = 0; i < nb_attributes; ++i) {
    const xmlChar* attr_prefix = attributes[i * 5 + 1];
    if (attr_prefix != nullptr && xmlStrEqual(attr_prefix, BAD_CAST "xml") &&
        xmlStrEqual(attributes[i * 5], BAD_CAST "id")) {
      state.xml_id = true;
      xmlStopParser(ctxt);
      return;
    }
  }
  state.default_start(ctx, localname, prefix, uri, nb_namespaces, namespaces, nb_attributes,
                      nb_defaulted, attributes);
}

void on_error(void* ctx, xmlErrorPtr error) {
  auto* ctxt = static_cast<xmlParserCtxtPtr>(ctx);
  if (ctxt == nullptr || ctxt->_private == nullptr || error == nullptr) {
    return;
  }
  auto& state = *static_cast<ParseState*>(ctxt->_private);
  if (state.first_error.empty()) {
    std::string message = error->message ? error->message : "parse error";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
      message.pop_back();
    }
    state.first_error = "line " + std::to_string(error->line) + ": " + message;
  }
}

struct CtxtDeleter {
  void operator()(xmlParserCtxtPtr ctxt) const { xmlFreeParserCtxt(ctxt); }
};

}  // namespace

Result<XmlDoc> parse_strict(std::string_view bytes, const ParseLimits& limits) {
  if (bytes.size() > limits.max_bytes) {
    return fail(Reason::xml_too_large, std::to_string(bytes.size()) + " bytes exceed the limit of " +
                                           std::to_string(limits.max_bytes));
  }
  // XML 1.0 §2.2: U+0000 is not a Char. libxml2 takes a NUL byte for the end of its input and
  // would hand back only the part before it (attack catalogue PD-NUL), so refuse it here.
  if (auto nul = bytes.find('\0'); nul != std::string_view::npos) {
    return fail(Reason::xml_malformed, "byte " + std::to_string(nul) + " is NUL, which XML does not allow");
  }
  std::unique_ptr<xmlParserCtxt, CtxtDeleter> ctxt(xmlNewParserCtxt());
  if (!ctxt) {
    return fail(Reason::internal_error, "xmlNewParserCtxt failed");
  }
  ParseState state;
  state.max_depth = limits.max_depth;
  state.default_start = ctxt->sax->startElementNs;
  ctxt->_private = &state;
  ctxt->sax->internalSubset = on_doctype;
  ctxt->sax->externalSubset = on_doctype;
  ctxt->sax->startElementNs = on_start_element;
  ctxt->sax->serror = on_error;
  ctxt->sax->error = nullptr;
  ctxt->sax->warning = nullptr;
  ctxt->vctxt.error = nullptr;
  ctxt->vctxt.warning = nullptr;

  // NONET: never touch the network. Deliberately absent: NOENT, DTDLOAD, DTDATTR, HUGE, RECOVER,
  // NOBLANKS (whitespace is content that signatures cover).
  xmlDocPtr raw = xmlCtxtReadMemory(ctxt.get(), bytes.data(), static_cast<int>(bytes.size()),
                                    nullptr, nullptr, XML_PARSE_NONET);
  XmlDoc doc(raw);
  if (state.doctype) {
    return fail(Reason::xml_doctype_forbidden, "the document declares a DOCTYPE");
  }
  if (state.too_deep) {
    return fail(Reason::xml_too_deep,
                "elements nest deeper than " + std::to_string(limits.max_depth));
  }
  if (state.xml_id) {
    return fail(Reason::xml_id_forbidden, "an xml:id attribute is present");
  }
  if (!doc || !ctxt->wellFormed || doc.root() == nullptr) {
    return fail(Reason::xml_malformed, state.first_error.empty() ? "not well-formed" : state.first_error);
  }
  if (!ctxt->nsWellFormed) {
    return fail(Reason::xml_namespace_invalid, state.first_error);
  }
  if (doc.get()->intSubset != nullptr || doc.get()->extSubset != nullptr) {
    return fail(Reason::xml_doctype_forbidden, "the document declares a DTD");
  }
  return doc;
}

}  // namespace samlt::core
