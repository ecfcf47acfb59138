// SPDX-License-Identifier: Apache-2.0
#include "samlt/sp/store.hpp"
#include "support/temp_dir.hpp"
#include "support/test_certs.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <filesystem>

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
  }
  auto store = sp::Store::open(path);
  REQUIRE(store);
  CHECK(*store->find_idp("entra"));
  CHECK(*store->find_account("a@x"));
  CHECK(*store->find_outstanding("_r1"));
  CHECK_FALSE(*store->remember_assertion("_a1", "e", k_now + 1h, k_now));
  CHECK(*store->find_session("s1", k_now));
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

TEST_CASE("store: the IdPs' version moves with every change to them, here or from another process", "[sp][store]") {
  test::TempDir dir;
  auto path = (dir / "sp.sqlite").string();
  auto store = sp::Store::open(path);
  REQUIRE(store);
  auto v0 = store->idps_version();
  REQUIRE(v0);
  CHECK(*store->idps_version() == *v0);  // nothing changed
  REQUIRE(store->upsert_idp({"entra", "e", "http://x/", "", {}, true, false, ""}));
  auto v1 = *store->idps_version();
  CHECK(v1 != *v0);
  REQUIRE(*store->set_idp_enabled("entra", false));
  auto v2 = *store->idps_version();
  CHECK(v2 != v1);
  // A second connection, as the `idp` command opens while `serve` runs.
  {
    auto other = sp::Store::open(path);
    REQUIRE(other);
    REQUIRE(*other->remove_idp("entra"));
  }
  CHECK(*store->idps_version() != v2);
  CHECK(store->list_idps()->empty());
}

TEST_CASE("store: a transaction commits what its body did, whatever the body answers", "[sp][store]") {
  test::TempDir dir;
  auto path = (dir / "sp.sqlite").string();
  {
    auto store = sp::Store::open(path);
    REQUIRE(store);
    auto outcome = store->in_transaction([&]() -> core::Result<void> {
      REQUIRE(*store->remember_assertion("_a1", "e", k_now + 1h, k_now));
      CHECK_FALSE(*store->remember_assertion("_a1", "e", k_now + 1h, k_now));  // seen inside it
      return core::fail(core::Reason::account_unknown, "a later step refused");
    });
    REQUIRE_FALSE(outcome);
    CHECK(outcome.error().reason == core::Reason::account_unknown);
  }
  auto reopened = sp::Store::open(path);
  REQUIRE(reopened);
  CHECK_FALSE(*reopened->remember_assertion("_a1", "e", k_now + 1h, k_now));  // durable
}

TEST_CASE("store: a version 1 database is migrated: its verdicts table goes, the purges get indexes, the rest stays", "[sp][store]") {
  test::TempDir dir;
  auto path = (dir / "sp.sqlite").string();
  // A second connection, as another process would open it.
  struct Raw {
    explicit Raw(const std::string& file) { REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK); }
    ~Raw() { sqlite3_close(db); }
    void run(const char* sql) const { REQUIRE(sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK); }
    std::int64_t count(const char* sql) const {
      sqlite3_stmt* statement = nullptr;
      REQUIRE(sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) == SQLITE_OK);
      REQUIRE(sqlite3_step(statement) == SQLITE_ROW);
      std::int64_t value = sqlite3_column_int64(statement, 0);
      sqlite3_finalize(statement);
      return value;
    }
    sqlite3* db = nullptr;
  };
  REQUIRE(sp::Store::open(path));
  {
    // Back to what version 1 left: its verdicts table, no index, no later version row.
    Raw raw(path);
    raw.run("CREATE TABLE verdicts (seq INTEGER PRIMARY KEY AUTOINCREMENT, request_id TEXT NOT NULL UNIQUE,"
            " json TEXT NOT NULL, created_at INTEGER NOT NULL)");
    raw.run("INSERT INTO verdicts (request_id, json, created_at) VALUES ('v1', '{}', 0)");
    raw.run("DELETE FROM schema_version WHERE version >= 2");
    raw.run("DROP INDEX replay_cache_keep_until");
    raw.run("INSERT INTO replay_cache (assertion_id, issuer, keep_until) VALUES ('_kept', 'e', 9999999999999)");
  }
  auto store = sp::Store::open(path);
  REQUIRE(store);
  CHECK_FALSE(*store->remember_assertion("_kept", "e", k_now + 1h, k_now));
  Raw raw(path);
  auto verdict_tables = raw.count("SELECT COUNT(*) FROM sqlite_master WHERE name = 'verdicts'");
  auto indexes = raw.count(
      "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name IN ('replay_cache_keep_until',"
      " 'sessions_expires_at', 'outstanding_requests_expires_at')");
  auto version = raw.count("SELECT MAX(version) FROM schema_version");
  CHECK(verdict_tables == 0);
  CHECK(indexes == 3);
  CHECK(version == 3);
}
