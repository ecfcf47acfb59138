// SPDX-License-Identifier: Apache-2.0
#include "samlt/sp/store.hpp"
#include "support/temp_dir.hpp"
#include "support/test_certs.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using namespace std::chrono_literals;

namespace {

sp::Store memory() {
  auto store = sp::Store::open(":memory:");
  REQUIRE(store);
  return std::move(*store);
}

const core::TimePoint k_now = core::TimePoint(core::Millis(1'700'000'000'000));

}  // namespace

TEST_CASE("store: IdPs", "[sp][store]") {
  auto store = memory();
  sp::IdpRecord idp{"entra", "https://sts.windows.net/t/", "http://127.0.0.1:8080/t/saml2", "", {"PEM1", "PEM2"}, true, false, ""};
  REQUIRE(store.upsert_idp(idp));
  auto found = store.find_idp("entra");
  REQUIRE(found);
  REQUIRE(*found);
  CHECK((*found)->certificates_pem == std::vector<std::string>{"PEM1", "PEM2"});
  idp.sso_url = "http://127.0.0.1:8080/t/saml2/new";
  REQUIRE(store.upsert_idp(idp));
  CHECK((*store.find_idp("entra"))->sso_url == idp.sso_url);
  CHECK(*store.set_idp_enabled("entra", false));
  CHECK_FALSE((*store.find_idp("entra"))->enabled);
  CHECK_FALSE(*store.set_idp_enabled("nobody", true));
  sp::IdpRecord clash = idp;
  clash.name = "other";
  auto conflict = store.upsert_idp(clash);  // entity IDs are unique
  REQUIRE_FALSE(conflict);
  CHECK(conflict.error().reason == core::Reason::store_failed);
  CHECK(store.list_idps()->size() == 1);
  CHECK(*store.remove_idp("entra"));
  CHECK_FALSE(*store.find_idp("entra"));
}

TEST_CASE("store: accounts are keyed by email without case", "[sp][store]") {
  auto store = memory();
  sp::Account account{"Alex.Wilber@Contoso.Example", "Alex Wilber", "user", true, true, "entra", ""};
  CHECK(*store.insert_account_if_absent(account));
  CHECK_FALSE(*store.insert_account_if_absent(account));
  auto found = store.find_account("alex.wilber@contoso.example");
  REQUIRE(*found);
  CHECK((*found)->email == "alex.wilber@contoso.example");
  CHECK((*found)->display_name == "Alex Wilber");
  CHECK_FALSE(*store.find_account("megan@contoso.example"));
}

TEST_CASE("store: outstanding requests are consumed once, by their browser, before expiry", "[sp][store]") {
  auto store = memory();
  REQUIRE(store.add_outstanding({"_r1", sp::RequestKind::authn, "entra", "b1", "/x", k_now + 30min, false}));
  auto found = store.find_outstanding("_r1");
  REQUIRE(*found);
  CHECK((*found)->relay_state == "/x");
  CHECK_FALSE(*store.consume_outstanding("_r1", "b2", k_now));
  CHECK_FALSE(*store.consume_outstanding("_r1", "b1", k_now + 30min));
  CHECK(*store.consume_outstanding("_r1", "b1", k_now));
  CHECK_FALSE(*store.consume_outstanding("_r1", "b1", k_now));
  CHECK((*store.find_outstanding("_r1"))->consumed);
  CHECK_FALSE(*store.find_outstanding("_never"));
}

TEST_CASE("store: the replay cache is insert-if-absent until expiry", "[sp][store]") {
  auto store = memory();
  CHECK(*store.remember_assertion("_a1", "idp", k_now + 1h, k_now));
  CHECK_FALSE(*store.remember_assertion("_a1", "idp", k_now + 1h, k_now + 59min));
  CHECK(*store.remember_assertion("_a1", "idp", k_now + 3h, k_now + 1h));  // expired row purged first
}

TEST_CASE("store: sessions expire and end by NameID and SessionIndex", "[sp][store]") {
  auto store = memory();
  sp::SessionRecord s{"s1", "alex@x", "entra", "https://idp/", "alex@x", "f", "_a1", "{}", k_now, k_now + 1h};
  REQUIRE(store.create_session(s));
  s.id = "s2";
  s.session_index = "_a2";
  REQUIRE(store.create_session(s));
  CHECK(*store.find_session("s1", k_now + 59min));
  CHECK_FALSE(*store.find_session("s1", k_now + 1h));
  CHECK(*store.delete_sessions_for("https://idp/", "alex@x", "_a1") == 1);
  CHECK(*store.delete_sessions_for("https://idp/", "alex@x", "") == 1);
  CHECK_FALSE(*store.find_session("s2", k_now));
}

TEST_CASE("store: verdicts are kept, bounded", "[sp][store]") {
  auto store = memory();
  REQUIRE(store.save_verdict("v0", "{\"n\":0}", k_now));
  for (int i = 1; i <= sp::Store::k_max_verdicts; ++i) {
    REQUIRE(store.save_verdict("v" + std::to_string(i), "{}", k_now));
  }
  CHECK_FALSE(*store.find_verdict("v0"));
  CHECK(*store.find_verdict("v1"));
  CHECK(**store.find_verdict("v" + std::to_string(sp::Store::k_max_verdicts)) == "{}");
}

TEST_CASE("store: everything survives reopening the file", "[sp][store]") {
  test::TempDir dir;
  std::string path = (dir / "state.sqlite").string();
  {
    auto store = sp::Store::open(path);
    REQUIRE(store);
    REQUIRE(store->upsert_idp({"entra", "e", "http://x/", "", {}, true, false, ""}));
    REQUIRE(store->insert_account_if_absent({"a@x", "A", "user", true, true, "entra", ""}));
    REQUIRE(store->add_outstanding({"_r1", sp::RequestKind::authn, "entra", "b", "", k_now + 1h, false}));
    REQUIRE(store->remember_assertion("_a1", "e", k_now + 1h, k_now));
    REQUIRE(store->create_session({"s1", "a@x", "entra", "e", "a@x", "", "", "{}", k_now, k_now + 1h}));
    REQUIRE(store->save_verdict("v1", "{}", k_now));
  }
  auto store = sp::Store::open(path);
  REQUIRE(store);
  CHECK(*store->find_idp("entra"));
  CHECK(*store->find_account("a@x"));
  CHECK(*store->find_outstanding("_r1"));
  CHECK_FALSE(*store->remember_assertion("_a1", "e", k_now + 1h, k_now));
  CHECK(*store->find_session("s1", k_now));
  CHECK(*store->find_verdict("v1"));
}

TEST_CASE("store: an unopenable file is store.failed, not an exception", "[sp][store]") {
  auto store = sp::Store::open("/nonexistent-dir/for/sure/x.sqlite");
  REQUIRE_FALSE(store);
  CHECK(store.error().reason == core::Reason::store_failed);
}

TEST_CASE("store: a file database commits to a write-ahead log", "[sp][store]") {
  test::TempDir dir;
  auto path = (dir / "sp.sqlite").string();
  auto store = sp::Store::open(path);
  REQUIRE(store);
  REQUIRE(*store->remember_assertion("_a1", "https://sts.windows.net/t/", k_now + 1h, k_now));
  // WAL mode (https://www.sqlite.org/wal.html): the commit is in the log beside the database.
  CHECK(std::filesystem::exists(path + "-wal"));
}
