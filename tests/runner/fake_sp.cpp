// SPDX-License-Identifier: Apache-2.0
#include "fake_sp.hpp"

#include "samlt/core/codec.hpp"
#include "samlt/core/random.hpp"
#include "samlt/core/saml_time.hpp"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>

#include "support/test_certs.hpp"

#include <atomic>
#include <iterator>
#include <mutex>
#include <thread>
#include <vector>

namespace samlt::test {

struct FakeSp::State {
  FakeSpMode mode;
  int vanish_after;
  std::atomic<int> posts{0};
  std::atomic<int> acs_delay_ms{0};
  std::atomic<bool> stop_requested{false};
  std::unique_ptr<Poco::Net::HTTPServer> server;
  std::thread stopper;
  int port = 0;
  std::string scheme = "http";
  std::mutex mutex;
  std::vector<std::string> metadata_imports;  // each document POSTed to /admin/import, in order
};

namespace {

using Poco::Net::HTTPResponse;

class Handler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit Handler(FakeSp::State& state, int port) : m_state(state), m_port(port) {}

  void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override {
    std::string path = request.getURI().substr(0, request.getURI().find('?'));
    std::string base = m_state.scheme + "://127.0.0.1:" + std::to_string(m_port);
    if (path == "/login") {
      // An ordinary SP-initiated start: a deflated AuthnRequest on the Redirect binding.
      std::string xml = "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"" +
                        core::new_saml_id() + "\" Version=\"2.0\" IssueInstant=\"" +
                        core::format_datetime(core::SystemClock().now()) + "\" AssertionConsumerServiceURL=\"" + base +
                        "/acs\"><saml:Issuer xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\">urn:samlt:sp:fake"
                        "</saml:Issuer></samlp:AuthnRequest>";
      response.redirect("http://127.0.0.1:9/idp/saml2?SAMLRequest=" +
                        core::url_encode(core::base64_encode(core::deflate_raw(xml))));
      return;
    }
    if (path == "/start") {  // an SP's own hop before it sends the AuthnRequest
      response.redirect(base + "/login", HTTPResponse::HTTP_FOUND);
      return;
    }
    if (path == "/always-200") {
      response.setContentType("application/json");
      response.send() << "{}";
      return;
    }
    if (path == "/acs" && request.getMethod() == "POST" && m_state.mode == FakeSpMode::json_audience) {
      ++m_state.posts;
      std::string body(std::istreambuf_iterator<char>(request.stream()), {});
      auto form = core::parse_form(body);
      auto values = form ? core::form_values(*form, "SAMLResponse") : std::vector<std::string>{};
      auto xml = values.empty() ? core::Result<std::string>(std::string()) : core::base64_decode(values[0]);
      bool ours = xml && xml->find(">urn:samlt:sp:fake</") != std::string::npos;
      response.setContentType("application/json");
      response.setStatus(ours ? HTTPResponse::HTTP_OK : HTTPResponse::HTTP_FORBIDDEN);
      response.send() << (ours ? R"({"result":"ACCEPT"})"
                               : R"({"result":"REJECT","error":"the Audience is not urn:samlt:sp:fake"})");
      return;
    }
    // A Response in the ACS URL's query (HTTP-Redirect) is taken like a POSTed one.
    bool redirected = request.getMethod() == "GET" && request.getURI().find("SAMLResponse=") != std::string::npos;
    if (path == "/acs" && (request.getMethod() == "POST" || redirected)) {
      request.stream().ignore(std::numeric_limits<std::streamsize>::max());
      if (int delay = m_state.acs_delay_ms; delay > 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(delay));
      }
      if (++m_state.posts >= m_state.vanish_after && m_state.mode == FakeSpMode::vanishing) {
        m_state.stop_requested = true;
      }
      if (m_state.mode == FakeSpMode::error_page_200) {
        response.setContentType("text/html");
        response.send() << "<html><body><h1>Error</h1><p>SAML validation failed</p></body></html>";
        return;
      }
      Poco::Net::HTTPCookie cookie("lax_session", core::new_guid());
      cookie.setPath("/");
      response.addCookie(cookie);
      response.redirect(base + "/home", HTTPResponse::HTTP_FOUND);
      return;
    }
    if (path == "/admin/import" && request.getMethod() == "POST" && m_state.mode == FakeSpMode::lax) {
      // Takes any metadata document: no signature, validity, entity or DTD check.
      std::string body(std::istreambuf_iterator<char>(request.stream()), {});
      auto form = core::parse_form(body);
      auto documents = form ? core::form_values(*form, "metadata") : std::vector<std::string>{};
      std::lock_guard lock(m_state.mutex);
      m_state.metadata_imports.push_back(documents.empty() ? std::string() : documents[0]);
      response.setContentType("application/json");
      response.send() << "{\"outcome\":\"ok\"}";
      return;
    }
    if (path == "/slo" && m_state.mode == FakeSpMode::lax) {
      // Any GET ends the session, whatever the LogoutRequest says or whoever signed it.
      Poco::Net::HTTPCookie cookie("lax_session", "");
      cookie.setPath("/");
      cookie.setMaxAge(0);
      response.addCookie(cookie);
      response.redirect(base + "/", HTTPResponse::HTTP_FOUND);
      return;
    }
    if (path == "/home") {
      bool signed_in = request.hasToken("Cookie", "lax_session") ||
                       request.get("Cookie", "").find("lax_session=") != std::string::npos;
      response.setStatus(signed_in ? HTTPResponse::HTTP_OK : HTTPResponse::HTTP_UNAUTHORIZED);
      response.setContentType("application/json");
      response.send() << (signed_in ? "{\"user\":\"anyone\"}" : "{}");
      return;
    }
    response.setStatus(HTTPResponse::HTTP_NOT_FOUND);
    response.send() << "not found";
  }

 private:
  FakeSp::State& m_state;
  int m_port;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  Factory(FakeSp::State& state, int port) : m_state(state), m_port(port) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
    return new Handler(m_state, m_port);
  }

 private:
  FakeSp::State& m_state;
  int m_port;
};

}  // namespace

FakeSp::FakeSp(FakeSpMode mode, int vanish_after, bool tls) : m_state(std::make_unique<State>()) {
  m_state->mode = mode;
  m_state->vanish_after = vanish_after;
  Poco::Net::ServerSocket socket;
  if (tls) {
    const auto& certs = test_cert_set();
    Poco::Net::Context::Ptr context = new Poco::Net::Context(
        Poco::Net::Context::TLS_SERVER_USE, certs.key_path("tls-loopback").string(),
        certs.certificate_path("tls-loopback").string(), "", Poco::Net::Context::VERIFY_NONE);
    socket = Poco::Net::SecureServerSocket(Poco::Net::SocketAddress("127.0.0.1", 0), 64, context);
    m_state->scheme = "https";
  } else {
    socket = Poco::Net::ServerSocket(Poco::Net::SocketAddress("127.0.0.1", 0));
  }
  m_state->port = socket.address().port();
  auto params = new Poco::Net::HTTPServerParams;
  params->setKeepAlive(false);
  m_state->server = std::make_unique<Poco::Net::HTTPServer>(new Factory(*m_state, m_state->port), socket, params);
  m_state->server->start();
  m_state->stopper = std::thread([state = m_state.get()] {
    while (!state->stop_requested) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    state->server->stopAll(true);
    state->server.reset();  // closes the listening socket: later connections are refused
  });
}

FakeSp::~FakeSp() {
  m_state->stop_requested = true;
  m_state->stopper.join();
}

int FakeSp::port() const { return m_state->port; }
std::string FakeSp::base_url() const { return m_state->scheme + "://127.0.0.1:" + std::to_string(m_state->port); }
std::vector<std::string> FakeSp::metadata_imports() const {
  std::lock_guard lock(m_state->mutex);
  return m_state->metadata_imports;
}

int FakeSp::acs_posts() const { return m_state->posts; }

void FakeSp::slow_down(int milliseconds) { m_state->acs_delay_ms = milliseconds; }

}  // namespace samlt::test
