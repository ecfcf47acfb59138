// SPDX-License-Identifier: Apache-2.0
#include "canary.hpp"

#include "samlt/core/random.hpp"
#include "samlt/core/result.hpp"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>

#include <map>
#include <mutex>
#include <optional>

namespace samlt::runner {

struct Canary::State {
  std::unique_ptr<Poco::Net::HTTPServer> server;
  std::string base;
  mutable std::mutex mutex;
  std::map<std::string, int, std::less<>> hits;  // token -> requests
  std::map<std::string, std::string, std::less<>> documents;  // token -> what serve() answers
};

namespace {

constexpr std::string_view k_prefix = "/canary/";

class Handler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit Handler(Canary::State& state) : m_state(state) {}
  void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override {
    std::string path = request.getURI();
    std::optional<std::string> document;
    if (path.rfind(k_prefix, 0) == 0) {
      std::string token = path.substr(k_prefix.size());
      token = token.substr(0, token.find_first_of("/?#"));
      std::lock_guard lock(m_state.mutex);
      ++m_state.hits[token];
      if (auto it = m_state.documents.find(token); it != m_state.documents.end()) {
        document = it->second;
      }
    }
    if (document) {
      response.setStatus(Poco::Net::HTTPResponse::HTTP_OK);
      response.setContentType("application/samlmetadata+xml");
      response.sendBuffer(document->data(), document->size());
      return;
    }
    // An empty answer: whatever the SP hoped to load, it learns nothing from the canary.
    response.setStatus(Poco::Net::HTTPResponse::HTTP_NOT_FOUND);
    response.setContentLength(0);
    response.send();
  }

 private:
  Canary::State& m_state;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit Factory(Canary::State& state) : m_state(state) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
    return new Handler(m_state);
  }

 private:
  Canary::State& m_state;
};

std::string token_of(const std::string& url, const std::string& base) {
  if (url.rfind(base, 0) != 0) {
    return {};
  }
  return url.substr(base.size());
}

}  // namespace

Canary::Canary() : m_state(std::make_unique<State>()) {
  try {
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    m_state->base = "http://127.0.0.1:" + std::to_string(socket.address().port()) + std::string(k_prefix);
    auto params = new Poco::Net::HTTPServerParams;
    params->setKeepAlive(false);
    params->setMaxThreads(2);
    m_state->server = std::make_unique<Poco::Net::HTTPServer>(new Factory(*m_state), socket, params);
    m_state->server->start();
  } catch (const Poco::Exception& e) {
    throw core::Fatal("the NO-FETCH canary cannot listen on 127.0.0.1: " + e.displayText());
  }
}

Canary::~Canary() {
  if (m_state->server) {
    m_state->server->stopAll(true);
  }
}

std::string Canary::new_url() { return m_state->base + core::to_hex(core::random_bytes(8)); }

std::string Canary::serve(std::string document) {
  std::string token = core::to_hex(core::random_bytes(8));
  std::lock_guard lock(m_state->mutex);
  m_state->documents[token] = std::move(document);
  return m_state->base + token;
}

int Canary::hits(const std::string& url) const {
  std::string token = token_of(url, m_state->base);
  std::lock_guard lock(m_state->mutex);
  auto it = m_state->hits.find(token);
  return it == m_state->hits.end() ? 0 : it->second;
}

}  // namespace samlt::runner
