// SPDX-License-Identifier: Apache-2.0
// SimpleSAMLphp 1.19 (Debian simplesamlphp) under PHP's built-in server, as
// tests/interop/simplesamlphp-sp/ starts it, against every bundled scenario. The SP's own verdict:
// - accepted: the ACS answers 303 and sets SimpleSAMLAuthToken (set only when a sign-in completes);
// - rejected: the ACS answers its "Unhandled exception" page, whose tracking number names the
//   session in its log and whose "Caused by:" line that log has too (or an error page of its own,
//   e.g. "Bad request received", whose exception line the log has); or it answers 303 without a
//   new SimpleSAMLAuthToken and its log, for the session that received this very Response (found
//   by the Response's ID in the "Received message" it logs), says why: "Duplicate SAML 2 response
//   detected - ignoring the response …".
// It decrypted an assertion with its own key when its log for that session says "Decryption with
// key #0 succeeded." and its one configured private key (authsources.php) is DIR/sp.key.
#include "interop_check.hpp"
#include "samlt/core/fs.hpp"

#include <catch2/catch.hpp>

#include <optional>
#include <regex>

namespace samlt::test::interop {
namespace {

// "Dec 06 23:16:53 simplesamlphp INFO [ffc58ef492] message": the tracking number and the message.
std::optional<std::pair<std::string_view, std::string_view>> log_line(std::string_view line) {
  auto open = line.find(" [");
  auto close = open == std::string_view::npos ? open : line.find("] ", open);
  if (close == std::string_view::npos || line.find(" simplesamlphp ") > open) {
    return std::nullopt;
  }
  return std::pair{line.substr(open + 2, close - open - 2), line.substr(close + 2)};
}

// The messages SimpleSAMLphp logged under tracking number `track`.
std::vector<std::string_view> logged_under(const std::string& logs, std::string_view track) {
  std::vector<std::string_view> out;
  for (auto line : log_lines_with(logs, "[" + std::string(track) + "] ")) {
    if (auto parsed = log_line(line); parsed && parsed->first == track) {
      out.push_back(parsed->second);
    }
  }
  return out;
}

// The tracking number of the session that logged "Received message:" with this Response.
std::optional<std::string> track_of_response(const std::string& logs, const std::string& response_xml) {
  std::smatch id;
  if (!std::regex_search(response_xml, id, std::regex(R"re(<samlp:Response\b[^>]*?\sID="([^"]+)")re"))) {
    return std::nullopt;
  }
  for (auto line : log_lines_with(logs, "ID=\"" + id[1].str() + "\"")) {
    auto parsed = log_line(line);
    if (parsed && parsed->second.find("<samlp:Response") != std::string_view::npos) {
      return std::string(parsed->first);
    }
  }
  return std::nullopt;
}

SpVerdict simplesamlphp_verdict(const StepContext& context) {
  const Exchange& acs = context.step.visit->acs();
  std::string seen = "ACS answered HTTP " + std::to_string(acs.status);
  // 303 after a POST; after a GET (a Response over HTTP-Redirect) its redirect is a 302.
  if ((acs.status == 303 || acs.status == 302) && acs.sets_cookie("SimpleSAMLAuthToken")) {
    return {"accept", "", seen + " and set SimpleSAMLAuthToken"};
  }
  std::smatch track;
  std::smatch caused;
  const std::string& body = acs.response_body;
  // The exception: the "Caused by:" line of an Unhandled exception page, else the first line of
  // the debug information of an error page of its own (e.g. SimpleSAML\Error\BadRequest).
  bool page = std::regex_search(body, track, std::regex(R"re(<pre id="trackid"[^>]*>([0-9a-f]+)</pre>)re"));
  bool wrapped = page && std::regex_search(body, caused, std::regex(R"re(Caused by: ([\w\\]+: [^\n<]*))re"));
  if (page && !wrapped) {
    page = std::regex_search(body, caused,
                             std::regex(R"re(<p style="margin: 1px">(SimpleSAML\\Error\\\w+: [^\n<]*)</p>)re"));
  }
  if (page) {
    std::string text = tidy(decode_html(caused[1].str()));
    std::string_view prefix = wrapped ? "Caused by: " : "";
    for (auto message : logged_under(context.logs, track[1].str())) {
      if (message.rfind(prefix, 0) == 0 && tidy(message.substr(prefix.size())) == text) {
        return {"reject", text, seen + " with the Unhandled exception page, tracking number " + track[1].str() +
                                    ", and its log says the same"};
      }
    }
    return {"", "", seen + ": the error page says '" + text + "', the log under " + track[1].str() + " does not"};
  }
  if (acs.status == 303) {
    auto session = track_of_response(context.logs, context.step.response_xml);
    if (!session) {
      return {"", "", seen + " without SimpleSAMLAuthToken, and its log never received this Response"};
    }
    for (auto message : logged_under(context.logs, *session)) {
      if (message.rfind("Duplicate SAML 2 response detected", 0) == 0) {
        return {"reject", tidy(message), seen + " without SimpleSAMLAuthToken; log under " + *session};
      }
    }
    return {"", "", seen + " without SimpleSAMLAuthToken, and its log under " + *session + " does not say why"};
  }
  return {"", "", seen + " with neither SimpleSAMLAuthToken nor the Unhandled exception page"};
}

std::string simplesamlphp_decrypted(const StepContext& context) {
  auto config = core::read_file(context.sp.dir() / "config/authsources.php");
  std::string own_key = "'privatekey' => '" + (context.sp.dir() / "sp.key").string() + "'";
  if (!config || config->find(own_key) == std::string::npos || config->find("new_privatekey") != std::string::npos) {
    return "authsources.php does not name DIR/sp.key as the one private key";
  }
  auto session = track_of_response(context.logs, context.step.response_xml);
  if (!session) {
    return "its log never received this Response";
  }
  for (auto message : logged_under(context.logs, *session)) {
    if (message == "Decryption with key #0 succeeded.") {
      return "";
    }
  }
  return "its log under " + *session + " does not say \"Decryption with key #0 succeeded.\"";
}

}  // namespace

TEST_CASE("SimpleSAMLphp against every bundled scenario: verdicts from its own pages and log",
          "[interop][simplesamlphp]") {
  check_interop_suite({"simplesamlphp-sp", "simplesamlphp.json", simplesamlphp_verdict, simplesamlphp_decrypted});
}

}  // namespace samlt::test::interop
