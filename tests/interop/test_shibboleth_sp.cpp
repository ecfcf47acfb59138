// SPDX-License-Identifier: Apache-2.0
// Shibboleth SP 3 (Debian libapache2-mod-shib, shibd) with Apache, as tests/interop/shibboleth-sp/
// starts it, against every bundled scenario. The SP's own verdict:
// - accepted: the ACS answers 302 with a new _shibsession_ cookie and no error page;
// - rejected: the ACS answers Shibboleth's error page (sessionError.html: the exception type in its
//   title, its message after <p class="error">), and shibd's log has the same message; or the
//   session it made is removed at once (the next page deletes the cookie; shibd: "removed session").
// The SP decrypted an assertion with its own key when shibd loaded no private key but DIR/sp.key
// and logged "decrypted Assertion" for the assertion whose ID the session holds (SessionIndex).
#include "interop_check.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>

namespace samlt::test::interop {
namespace {

// The text between `open` and the next `close` after `from`, or nullopt.
std::optional<std::string> between(const std::string& text, std::string_view open, std::string_view close,
                                   std::size_t from = 0) {
  auto begin = text.find(open, from);
  auto end = begin == std::string::npos ? begin : text.find(close, begin + open.size());
  if (end == std::string::npos) {
    return std::nullopt;
  }
  return text.substr(begin + open.size(), end - begin - open.size());
}

// sessionError.html: <title>exception type</title> … <p class="error">type at (URL)</p> <p>message</p>
std::optional<std::pair<std::string, std::string>> error_page(const std::string& body) {
  auto error = body.find("<p class=\"error\">");
  auto type = between(body, "<title>", "</title>");
  auto after = error == std::string::npos ? error : body.find("</p>", error);
  auto message = after == std::string::npos ? std::nullopt : between(body, "<p>", "</p>", after);
  if (!type || !message) {
    return std::nullopt;
  }
  return std::pair{tidy(decode_html(*type)), tidy(decode_html(*message))};
}

SpVerdict shibboleth_verdict(const StepContext& context) {
  const Exchange& acs = context.step.visit->acs();
  std::string seen = "ACS answered HTTP " + std::to_string(acs.status);
  if (auto page = error_page(acs.response_body)) {
    const auto& [type, message] = *page;
    if (context.logs.find(message) == std::string::npos) {
      return {"", "", seen + " with an error page saying '" + message + "' that shibd's log does not have"};
    }
    return {"reject", type + ": " + message, seen + " with Shibboleth's error page, also in shibd's log"};
  }
  if (acs.status == 302 && acs.sets_cookie_prefixed("_shibsession_") && acs.header("Location")) {
    // A session whose SessionNotOnOrAfter has passed is made, then removed at its first use: shibd
    // logs "removed session", and the page the ACS redirected to deletes the cookie.
    const auto& after = context.step.visit->exchanges;
    bool removed = std::any_of(after.begin() + 1, after.end(),
                               [](const Exchange& e) { return e.deletes_cookie_prefixed("_shibsession_"); });
    if (removed && !log_lines_with(context.logs, "Shibboleth.SessionCache").empty() &&
        context.logs.find("removed session (") != std::string::npos) {
      return {"reject", "removed session", seen + ", a new _shibsession_ cookie that the next page deletes "
                                                  "(shibd: removed session)"};
    }
    return {"accept", "", seen + ", a new _shibsession_ cookie, to " + *acs.header("Location")};
  }
  return {"", "", seen + " with neither a new _shibsession_ cookie nor Shibboleth's error page"};
}

std::string shibboleth_decrypted(const StepContext& context) {
  // The start script's two key pairs: DIR/sp.key (the one the encrypted-* scenarios encrypt to) and
  // the rollover's DIR/sp-next.key; shibd must have loaded the first and nothing but those.
  std::string own_key = (context.sp.dir() / "sp.key").string();
  std::string next_key = (context.sp.dir() / "sp-next.key").string();
  constexpr std::string_view k_loading = "loading private key from file (";
  bool own_loaded = false;
  for (auto line : log_lines_with(context.logs, k_loading)) {
    auto file = line.substr(line.find(k_loading) + k_loading.size());
    file = file.substr(0, file.find(')'));
    if (file != own_key && file != next_key) {
      return "shibd loaded another private key: " + std::string(line);
    }
    own_loaded = own_loaded || file == own_key;
  }
  if (!own_loaded) {
    return "shibd's log shows no private key loaded from " + own_key;
  }
  const Exchange* probe = context.step.visit->probe();
  auto session = probe ? nlohmann::json::parse(probe->response_body, nullptr, false) : nlohmann::json();
  if (!session.is_object() || !session["session_index"].is_string()) {
    return "no session_index on the session page";
  }
  std::string id = session["session_index"].get<std::string>();
  for (auto line : log_lines_with(context.logs, "decrypted Assertion: <Assertion ")) {
    auto tag = line.substr(0, line.find('>'));
    if (tag.find(" ID=\"" + id + "\"") != std::string_view::npos) {
      return "";
    }
  }
  return "shibd's log has no \"decrypted Assertion\" with ID " + id;
}

}  // namespace

TEST_CASE("Shibboleth SP 3 against every bundled scenario: verdicts from its own pages and log", "[interop][shibboleth]") {
  check_interop_suite({"shibboleth-sp", "shibboleth.json", shibboleth_verdict, shibboleth_decrypted});
}

}  // namespace samlt::test::interop
