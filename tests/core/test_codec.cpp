// SPDX-License-Identifier: Apache-2.0
#include "samlt/core/codec.hpp"

#include <catch2/catch.hpp>

using namespace samlt::core;

TEST_CASE("base64 round trip and whitespace tolerance", "[core][codec]") {
  std::string bytes("\x00\x01\xfe\xffSAML", 8);
  std::string text = base64_encode(bytes);
  CHECK(text == "AAH+/1NBTUw=");
  CHECK(base64_decode(text) == bytes);
  CHECK(base64_decode("AAH+\r\n/1NB\tTUw=\n") == bytes);
  CHECK(base64_decode("") == std::string());
  CHECK(base64_encode("ab") == "YWI=");
  CHECK(base64_decode("YWI=") == "ab");
}

TEST_CASE("base64_decode inverts OpenSSL's encoder at every length and byte, wrapped or not", "[core][codec]") {
  std::string bytes;
  for (int n = 0; n < 300; ++n) {
    INFO(n);
    std::string text = base64_encode(bytes);  // EVP_EncodeBlock
    REQUIRE(base64_decode(text) == bytes);
    std::string wrapped;
    for (std::size_t i = 0; i < text.size(); i += 76) {
      wrapped += text.substr(i, 76) + "\r\n";
    }
    REQUIRE(base64_decode(wrapped) == bytes);
    bytes.push_back(static_cast<char>((n * 131 + 7) & 0xff));
  }
}

TEST_CASE("base64_decode refuses invalid text", "[core][codec]") {
  for (const char* bad : {"YWI", "YW=I", "Y===", "YWI*", "YWI=YWI=", "=YWI", "PHh=", "YR=="}) {
    INFO(bad);
    auto decoded = base64_decode(bad);
    REQUIRE_FALSE(decoded);
    CHECK(decoded.error().reason == Reason::codec_base64_invalid);
  }
}

TEST_CASE("raw DEFLATE round trip, caps and corruption", "[core][codec]") {
  std::string xml(5000, 'x');
  std::string packed = deflate_raw(xml);
  CHECK(packed.size() < 100);
  CHECK(inflate_raw(packed, 10000) == xml);

  auto bomb = inflate_raw(packed, 4999);
  REQUIRE_FALSE(bomb);
  CHECK(bomb.error().reason == Reason::codec_inflate_too_large);

  auto garbage = inflate_raw("not deflate at all", 1000);
  REQUIRE_FALSE(garbage);
  CHECK(garbage.error().reason == Reason::codec_inflate_failed);

  auto truncated = inflate_raw(std::string_view(packed).substr(0, packed.size() / 2), 10000);
  REQUIRE_FALSE(truncated);
  CHECK(truncated.error().reason == Reason::codec_inflate_failed);

  auto trailing = inflate_raw(packed + "extra", 10000);
  REQUIRE_FALSE(trailing);
  CHECK(trailing.error().reason == Reason::codec_inflate_failed);
}

TEST_CASE("URL and form encoding", "[core][codec]") {
  CHECK(url_encode("a b/c?d=e&f~_.-") == "a%20b%2Fc%3Fd%3De%26f~_.-");
  CHECK(url_encode("https://x/", HexCase::lower) == "https%3a%2f%2fx%2f");
  CHECK(url_encode("山") == "%E5%B1%B1");
  CHECK(url_decode("a+b%2Fc") == "a b/c");
  auto bad = url_decode("%zz");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().reason == Reason::codec_url_invalid);

  auto fields = parse_form("?SAMLResponse=a%2Bb&RelayState=%2Fhome&SAMLResponse=x&empty=");
  REQUIRE(fields);
  REQUIRE(fields->size() == 4);
  CHECK(form_values(*fields, "SAMLResponse") == std::vector<std::string>{"a+b", "x"});
  CHECK(form_values(*fields, "empty") == std::vector<std::string>{""});
  CHECK(encode_form({{"a", "1 2"}, {"b", "/"}}) == "a=1%202&b=%2F");
  CHECK(url_decode("%e5%B1%b1%41") == "山A");
  for (const char* truncated : {"%", "%4", "a%4", "%4g"}) {
    INFO(truncated);
    auto cut = url_decode(truncated);
    REQUIRE_FALSE(cut);
    CHECK(cut.error().reason == Reason::codec_url_invalid);
  }
  auto broken = parse_form("a=%G0");
  REQUIRE_FALSE(broken);
  CHECK(broken.error().reason == Reason::codec_url_invalid);
}

TEST_CASE("html_escape", "[core][codec]") {
  CHECK(html_escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
}
