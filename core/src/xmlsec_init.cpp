// SPDX-License-Identifier: Apache-2.0
#include "xmlsec_internal.hpp"

#include <libxml/parser.h>
#include <xmlsec/base64.h>
#include <xmlsec/errors.h>
#include <xmlsec/openssl/app.h>
#include <xmlsec/openssl/crypto.h>
#include <xmlsec/openssl/evp.h>
#include <xmlsec/xmltree.h>

#include <mutex>
#include <stdexcept>

namespace samlt::core::detail {
namespace {

thread_local std::string t_last_error;

// xmlsec reports every failure on its error stack; keep the first of a call for the detail text,
// and never print to stderr (servers log structured lines instead).
void on_xmlsec_error(const char*, int, const char* func, const char* object, const char* subject,
                     int reason, const char* msg) {
  if (!t_last_error.empty()) {
    return;
  }
  t_last_error = std::string(func ? func : "?") + ": " + (msg ? msg : "") + " (object=" +
                 (object ? object : "-") + ", subject=" + (subject ? subject : "-") +
                 ", reason=" + std::to_string(reason) + ")";
}

}  // namespace

void ensure_xmlsec() {
  static std::once_flag once;
  std::call_once(once, [] {
    xmlInitParser();
    if (xmlSecInit() < 0 || xmlSecCheckVersion() != 1 || xmlSecOpenSSLAppInit(nullptr) < 0 ||
        xmlSecOpenSSLInit() < 0) {
      throw std::runtime_error("xmlsec1 initialisation failed");
    }
    xmlSecErrorsSetCallback(on_xmlsec_error);
    xmlSecBase64SetDefaultLineSize(0);
    xmlSecSetDefaultLineFeed(BAD_CAST "");
  });
}

std::string take_xmlsec_error() {
  std::string error = std::move(t_last_error);
  t_last_error.clear();
  return error;
}

XmlSecKeyPtr make_xmlsec_key(EVP_PKEY* pkey) {
  if (pkey == nullptr || EVP_PKEY_up_ref(pkey) != 1) {
    return nullptr;
  }
  xmlSecKeyDataPtr data = xmlSecOpenSSLEvpKeyAdopt(pkey);
  if (data == nullptr) {
    EVP_PKEY_free(pkey);
    return nullptr;
  }
  XmlSecKeyPtr key(xmlSecKeyCreate());
  if (!key || xmlSecKeySetValue(key.get(), data) < 0) {
    xmlSecKeyDataDestroy(data);
    return nullptr;
  }
  return key;
}

}  // namespace samlt::core::detail
