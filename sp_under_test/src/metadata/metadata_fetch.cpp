// SPDX-License-Identifier: Apache-2.0
// GET of an IdP's metadata URL (Poco HTTP/HTTPS client), bounded in time and size.
#include "samlt/sp/metadata_fetch.hpp"

#include "samlt/sp/metadata_import.hpp"

#include <Poco/Exception.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/URI.h>

#include <istream>
#include <memory>

namespace samlt::sp {
namespace {

auto read_failed(const std::string& url, const std::string& why) {
  return core::fail(core::Reason::io_read_failed, "GET " + url + ": " + why);
}

std::unique_ptr<Poco::Net::HTTPClientSession> session_for(const Poco::URI& uri) {
  if (uri.getScheme() == "https") {
    // System CA store, certificate and host name checked: a metadata URL over https is trusted
    // the way a browser would trust it.
    Poco::Net::Context::Ptr context = new Poco::Net::Context(
        Poco::Net::Context::TLS_CLIENT_USE, "", Poco::Net::Context::VERIFY_RELAXED, 9, true);
    return std::make_unique<Poco::Net::HTTPSClientSession>(uri.getHost(), uri.getPort(), context);
  }
  return std::make_unique<Poco::Net::HTTPClientSession>(uri.getHost(), uri.getPort());
}

}  // namespace

core::Result<std::string> fetch_metadata(const std::string& url, std::chrono::seconds timeout) {
  try {
    Poco::URI uri(url);
    if (uri.getScheme() != "http" && uri.getScheme() != "https") {
      return core::fail(core::Reason::config_invalid, "metadata URL '" + url + "' is not http(s)");
    }
    auto session = session_for(uri);
    session->setTimeout(Poco::Timespan(static_cast<long>(timeout.count()), 0));
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, uri.getPathAndQuery(),
                                   Poco::Net::HTTPMessage::HTTP_1_1);
    request.set("Accept", "application/samlmetadata+xml, application/xml, text/xml");
    session->sendRequest(request);
    Poco::Net::HTTPResponse response;
    std::istream& body = session->receiveResponse(response);
    if (response.getStatus() != Poco::Net::HTTPResponse::HTTP_OK) {
      return read_failed(url, "HTTP " + std::to_string(static_cast<int>(response.getStatus())));
    }
    std::string out;
    char buffer[8192];
    while (body.read(buffer, sizeof buffer) || body.gcount() > 0) {
      out.append(buffer, static_cast<std::size_t>(body.gcount()));
      if (out.size() > k_max_metadata_bytes) {
        return read_failed(url, "the document exceeds " + std::to_string(k_max_metadata_bytes) + " bytes");
      }
    }
    return out;
  } catch (const Poco::Exception& e) {
    return read_failed(url, e.displayText());
  } catch (const std::exception& e) {
    return read_failed(url, e.what());
  }
}

}  // namespace samlt::sp
