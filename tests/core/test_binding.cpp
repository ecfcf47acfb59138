// SPDX-License-Identifier: Apache-2.0
// The binding codec's decoding rules (saml-bindings §3.4.4.1, §3.5.4): every reason id, the size
// boundaries, duplicates and look-alike names. The Redirect signature octets are in
// test_binding_signature.cpp.
#include "samlt/core/binding.hpp"

#include <catch2/catch.hpp>

using namespace samlt::core;

namespace {

const std::string k_xml =
    "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_r\"/>";
const BindingLimits k_limits{1 << 20, 1 << 20, 1 << 20, k_relay_state_max_bytes};

// The form body of an HTTP-POST of `xml` as `name`, with `more` appended ("&a=b…").
std::string post_body(const std::string& xml = k_xml, const std::string& more = {},
                      const std::string& name = "SAMLResponse") {
  return name + "=" + url_encode(base64_encode(xml)) + more;
}

// The query string of an unsigned HTTP-Redirect of `xml` as `name`.
std::string redirect_query(const std::string& xml = k_xml, const std::string& more = {},
                           const std::string& name = "SAMLRequest") {
  return name + "=" + url_encode(base64_encode(deflate_raw(xml))) + more;
}

Reason post_reason(const std::string& body, Accepts accepts = Accepts::saml_response,
                   const BindingLimits& limits = k_limits) {
  auto message = decode_post(body, accepts, limits);
  REQUIRE_FALSE(message);
  return message.error().reason;
}

Reason redirect_reason(const std::string& query, Accepts accepts = Accepts::either,
                       const BindingLimits& limits = k_limits) {
  auto message = decode_redirect(query, accepts, limits);
  REQUIRE_FALSE(message);
  return message.error().reason;
}

}  // namespace

TEST_CASE("binding: POST and Redirect round trips record what carried the message",
          "[core][binding]") {
  auto posted =
      decode_post(encode_form(encode_post(MessageParameter::saml_response, k_xml, "/me?x=1")),
                  Accepts::saml_response, k_limits);
  REQUIRE(posted);
  CHECK(posted->binding() == Binding::post);
  CHECK(posted->parameter() == MessageParameter::saml_response);
  CHECK(posted->xml() == k_xml);
  CHECK(posted->relay_state() == "/me?x=1");
  CHECK_FALSE(posted->is_signed());
  CHECK(posted->signed_octets().empty());
  CHECK(binding_name(posted->binding()) == "HTTP-POST");

  auto query = encode_redirect(MessageParameter::saml_request, k_xml, std::nullopt, nullptr);
  REQUIRE(query);
  auto redirected = decode_redirect("?" + *query + "&login_hint=a%40b", Accepts::either, k_limits);
  REQUIRE(redirected);
  CHECK(redirected->binding() == Binding::redirect);
  CHECK(redirected->parameter() == MessageParameter::saml_request);
  CHECK(redirected->xml() == k_xml);
  CHECK_FALSE(redirected->relay_state());
  CHECK_FALSE(redirected->is_signed());
  CHECK(redirected->signed_octets() == *query);
  CHECK(redirected->other_fields() == FormFields{{"login_hint", "a@b"}});
}

TEST_CASE("binding: POST form fields are what the codec emits", "[core][binding]") {
  CHECK(encode_post(MessageParameter::saml_response, "<x/>", std::nullopt) ==
        FormFields{{"SAMLResponse", "PHgvPg=="}});
  CHECK(encode_post(MessageParameter::saml_request, "<x/>", "") ==
        FormFields{{"SAMLRequest", "PHgvPg=="}, {"RelayState", ""}});
  CHECK(redirect_url("https://idp.example/saml2", "SAMLRequest=x") ==
        "https://idp.example/saml2?SAMLRequest=x");
  CHECK(redirect_url("https://idp.example/saml2?tenant=t", "SAMLRequest=x") ==
        "https://idp.example/saml2?tenant=t&SAMLRequest=x");
}

TEST_CASE("binding: the message parameter is present exactly once, and the one expected",
          "[core][binding]") {
  CHECK(post_reason("RelayState=%2F") == Reason::binding_saml_response_missing);
  CHECK(post_reason("SAMLResponse=") == Reason::binding_saml_response_missing);
  CHECK(post_reason("SAMLResponse=+%20%0A") == Reason::binding_saml_response_missing);
  CHECK(post_reason(post_body(k_xml, {}, "SAMLRequest")) == Reason::binding_saml_response_missing);
  CHECK(post_reason("RelayState=x", Accepts::either) == Reason::binding_message_missing);
  CHECK(redirect_reason("") == Reason::binding_message_missing);
  CHECK(redirect_reason(redirect_query(k_xml, {}, "SAMLResponse"), Accepts::saml_request) ==
        Reason::binding_message_missing);
  CHECK(post_reason(post_body() + "&" + post_body()) == Reason::binding_saml_response_duplicated);
  CHECK(redirect_reason(redirect_query(k_xml, {}, "SAMLResponse") + "&SAMLResponse=x") ==
        Reason::binding_saml_response_duplicated);
  CHECK(redirect_reason(redirect_query() + "&SAMLRequest=x") == Reason::binding_parameter_invalid);
  CHECK(post_reason(post_body() + "&SAMLRequest=x", Accepts::either) ==
        Reason::binding_parameter_invalid);
  CHECK(redirect_reason(redirect_query() + "&SAMLResponse=x") == Reason::binding_parameter_invalid);
}

TEST_CASE("binding: a name that only percent-decodes to a binding name is refused",
          "[core][binding]") {
  // BIND-REDIRECT-PARAM-CONFUSION: a lenient parser reads %53AMLRequest as SAMLRequest, a strict
  // one ignores it; refusing it is the only reading both sides agree on.
  std::string encoded = url_encode(base64_encode(deflate_raw(k_xml)));
  CHECK(redirect_reason("%53AMLRequest=" + encoded) == Reason::binding_parameter_invalid);
  CHECK(redirect_reason(redirect_query() + "&%52elayState=x") == Reason::binding_parameter_invalid);
  CHECK(redirect_reason(redirect_query() + "&%53igAlg=x&Signature=AAAA") ==
        Reason::binding_parameter_invalid);
  CHECK(post_reason("SAML%52esponse=" + url_encode(base64_encode(k_xml))) ==
        Reason::binding_parameter_invalid);
  CHECK(post_reason(post_body() + "&Relay%53tate=%2F") == Reason::binding_parameter_invalid);
  // SigAlg and Signature are not POST binding names: ordinary fields there (SimpleSign is not
  // supported), never a signature.
  auto posted =
      decode_post(post_body() + "&%53igAlg=x&Signature=%21", Accepts::saml_response, k_limits);
  REQUIRE(posted);
  CHECK_FALSE(posted->is_signed());
  CHECK(posted->other_fields() == FormFields{{"SigAlg", "x"}, {"Signature", "!"}});
}

TEST_CASE("binding: a name that a lenient framework folds into a binding name is refused",
          "[core][binding]") {
  // BIND-REDIRECT-PARAM-CONFUSION: leading spaces, a NUL, an array suffix or another case, which
  // PHP, C-string APIs and ASP.NET fold into the real name.
  for (const char* look_alike : {"%20SAMLRequest", "SAMLRequest%20", "%09SAMLRequest", "SAMLRequest%00",
                                 "SAMLRequest%00x", "SAMLRequest%5B%5D", "SAMLRequest[]", "SAMLRequest[0]",
                                 "samlrequest", "SAMLREQUEST", "+RelayState", "sigalg", "Signature%5B%5D"}) {
    INFO(look_alike);
    CHECK(redirect_reason(redirect_query() + "&" + look_alike + "=x") == Reason::binding_parameter_invalid);
  }
  for (const char* look_alike : {"%20SAMLResponse", "SAMLResponse%00", "SAMLResponse%5B%5D", "samlresponse",
                                 "relaystate", "RelayState%5B%5D"}) {
    INFO(look_alike);
    CHECK(post_reason(post_body() + "&" + look_alike + "=x") == Reason::binding_parameter_invalid);
  }
  // Names that merely contain a binding name stay ordinary fields.
  auto posted = decode_post(post_body() + "&SAMLResponseCopy=x&my%20SAMLResponse=y&%5B%5D=z",
                            Accepts::saml_response, k_limits);
  REQUIRE(posted);
  CHECK(posted->other_fields() ==
        FormFields{{"SAMLResponseCopy", "x"}, {"my SAMLResponse", "y"}, {"[]", "z"}});
}

TEST_CASE("binding: RelayState at most once and at most its limit", "[core][binding]") {
  CHECK(post_reason(post_body() + "&RelayState=a&RelayState=b") ==
        Reason::binding_relay_state_invalid);
  CHECK(redirect_reason(redirect_query() + "&RelayState=a&RelayState=a") ==
        Reason::binding_relay_state_invalid);
  // saml-bindings §3.4.3 / §3.5.3: 80 bytes, counted decoded.
  std::string eighty(80, 'r');
  CHECK(decode_post(post_body() + "&RelayState=" + eighty, Accepts::saml_response, k_limits));
  CHECK(post_reason(post_body() + "&RelayState=" + eighty + "r") ==
        Reason::binding_relay_state_invalid);
  CHECK(decode_redirect(redirect_query() + "&RelayState=" + url_encode(std::string(80, '/')),
                        Accepts::either, k_limits));
  CHECK(redirect_reason(redirect_query() + "&RelayState=" + eighty + "%2F") ==
        Reason::binding_relay_state_invalid);
  BindingLimits lenient = k_limits;
  lenient.max_relay_state_bytes = 1024;
  CHECK(decode_post(post_body() + "&RelayState=" + std::string(1024, 'r'), Accepts::saml_response,
                    lenient));
}

TEST_CASE("binding: SigAlg and Signature come together, once each", "[core][binding]") {
  CHECK(redirect_reason(redirect_query() + "&SigAlg=x") == Reason::binding_parameter_invalid);
  CHECK(redirect_reason(redirect_query() + "&Signature=AAAA") == Reason::binding_parameter_invalid);
  CHECK(redirect_reason(redirect_query() + "&SigAlg=x&SigAlg=x&Signature=AAAA") ==
        Reason::binding_parameter_invalid);
  CHECK(redirect_reason(redirect_query() + "&SigAlg=x&Signature=AAAA&Signature=AAAA") ==
        Reason::binding_parameter_invalid);
  CHECK(redirect_reason(redirect_query() + "&SigAlg=x&Signature=%21%21") ==
        Reason::binding_base64_invalid);
  auto signed_shape = decode_redirect(redirect_query() + "&SigAlg=urn%3Ax&Signature=AAAA",
                                      Accepts::either, k_limits);
  REQUIRE(signed_shape);
  CHECK(signed_shape->sig_alg() == "urn:x");
  CHECK(signed_shape->signature() == std::string(3, '\0'));
}

TEST_CASE("binding: encodings are checked in order, each with its reason", "[core][binding]") {
  CHECK(post_reason("SAMLResponse=%zz") == Reason::codec_url_invalid);
  CHECK(post_reason(post_body() + "&other=%zz") == Reason::codec_url_invalid);
  CHECK(redirect_reason("SAMLRequest=%%%") == Reason::codec_url_invalid);
  for (const char* bad : {"!!!", "PHg", "PHg%2B%3Dx", "PH-_"}) {
    INFO(bad);
    CHECK(post_reason(std::string("SAMLResponse=") + bad) == Reason::binding_base64_invalid);
    CHECK(redirect_reason(std::string("SAMLRequest=") + bad) == Reason::binding_base64_invalid);
  }
  CHECK(redirect_reason("SAMLRequest=" + url_encode(base64_encode("not deflate at all"))) ==
        Reason::codec_inflate_failed);
  // A DEFLATEd message posted is only base64 to the POST binding: the XML parser refuses it later.
  auto deflated = decode_post("SAMLResponse=" + url_encode(base64_encode(deflate_raw(k_xml))),
                              Accepts::saml_response, k_limits);
  REQUIRE(deflated);
  CHECK(deflated->xml() == deflate_raw(k_xml));
}

TEST_CASE("binding: each size limit holds at its boundary", "[core][binding]") {
  std::string body = post_body();
  BindingLimits limits = k_limits;
  limits.max_input_bytes = body.size();
  CHECK(decode_post(body, Accepts::saml_response, limits));
  limits.max_input_bytes = body.size() - 1;
  CHECK(post_reason(body, Accepts::saml_response, limits) == Reason::binding_too_large);

  std::string base64 = base64_encode(k_xml);
  limits = k_limits;
  limits.max_encoded_bytes = base64.size();  // the base64 text, counted after URL-decoding
  CHECK(decode_post(body, Accepts::saml_response, limits));
  CHECK(decode_redirect("SAMLRequest=" + url_encode(base64), Accepts::either, limits)
            .error()
            .reason == Reason::codec_inflate_failed);
  limits.max_encoded_bytes = base64.size() - 1;
  CHECK(post_reason(body, Accepts::saml_response, limits) == Reason::binding_too_large);

  std::string xml(4096, 'a');
  limits = k_limits;
  limits.max_inflated_bytes = xml.size();
  CHECK(decode_redirect(redirect_query(xml), Accepts::either, limits));
  limits.max_inflated_bytes = xml.size() - 1;
  CHECK(redirect_reason(redirect_query(xml), Accepts::either, limits) ==
        Reason::codec_inflate_too_large);
  std::string bomb = redirect_query(std::string(4 << 20, 'a'));
  CHECK(redirect_reason(bomb) == Reason::codec_inflate_too_large);
  CHECK(redirect_reason(bomb, Accepts::either, BindingLimits{}) == Reason::binding_too_large);
}

TEST_CASE("binding: the form media type, case and parameters aside", "[core][binding]") {
  CHECK(is_form_content_type("application/x-www-form-urlencoded"));
  CHECK(is_form_content_type("Application/X-WWW-Form-URLEncoded; charset=UTF-8"));
  CHECK(is_form_content_type(" application/x-www-form-urlencoded ;charset=utf-8"));
  CHECK_FALSE(is_form_content_type(""));
  CHECK_FALSE(is_form_content_type("text/xml"));
  CHECK_FALSE(is_form_content_type("multipart/form-data; boundary=x"));
  CHECK_FALSE(is_form_content_type("application/x-www-form-urlencodedx"));
}
