// SPDX-License-Identifier: Apache-2.0
// Deliberately wrong service providers, used only to prove the runner catches them: a lax SP that
// accepts any POSTed response, one that shows its error page with HTTP 200, and one that goes away
// in the middle of a run. Loopback only, free port.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace samlt::test {

enum class FakeSpMode {
  lax,             // any Response at /acs (POST, or GET by Redirect): session cookie + 302 to
                   // /home; any GET /slo ends it; any metadata POSTed to /admin/import is taken
  error_page_200,  // any POST to /acs: "Error" page with HTTP 200, no session
  vanishing,       // like lax, but the server stops after `vanish_after` ACS posts
  // Judges the audience only, and answers in JSON without a cookie: 200 {"result":"ACCEPT"} when
  // the Response names urn:samlt:sp:fake as Audience, else 403 {"result":"REJECT","error":…}.
  // /always-200 is a "session probe" that answers 200 whatever happened. In every mode /start
  // redirects to /login, as SPs that reach the IdP through a page of their own do.
  json_audience,
};

class FakeSp {
 public:
  // `tls`: serve https with the test set's tls-loopback certificate.
  explicit FakeSp(FakeSpMode mode, int vanish_after = 0, bool tls = false);
  ~FakeSp();
  FakeSp(const FakeSp&) = delete;
  FakeSp& operator=(const FakeSp&) = delete;

  int port() const;
  std::string base_url() const;   // http(s)://127.0.0.1:PORT
  std::string entity_id() const { return "urn:samlt:sp:fake"; }
  int acs_posts() const;          // how many responses reached /acs
  // Every later ACS answer waits this long first (a slow SP, for load runs).
  void slow_down(int milliseconds);
  std::vector<std::string> metadata_imports() const;  // the `metadata` field of each /admin/import

  struct State;  // shared with the request handlers

 private:
  std::unique_ptr<State> m_state;
};

}  // namespace samlt::test
