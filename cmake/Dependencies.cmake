# SPDX-License-Identifier: Apache-2.0
# Every third-party dependency, found once and exposed as a dep_* INTERFACE target.
# All come from Debian packages installed by `./harness` (keep the two lists in step).
find_package(PkgConfig REQUIRED)
find_package(OpenSSL 3 REQUIRED)
find_package(LibXml2 REQUIRED)
find_package(ZLIB REQUIRED)
find_package(tl-expected REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(Poco REQUIRED COMPONENTS Foundation Net NetSSL Util JSON Crypto)
find_package(SQLite3 REQUIRED)
pkg_check_modules(XMLSEC1 REQUIRED IMPORTED_TARGET xmlsec1-openssl)

add_library(dep_xml INTERFACE)
target_link_libraries(dep_xml INTERFACE LibXml2::LibXml2 PkgConfig::XMLSEC1 OpenSSL::Crypto OpenSSL::SSL)

add_library(dep_openssl INTERFACE)
target_link_libraries(dep_openssl INTERFACE OpenSSL::Crypto OpenSSL::SSL)

add_library(dep_zlib INTERFACE)
target_link_libraries(dep_zlib INTERFACE ZLIB::ZLIB)

add_library(dep_expected INTERFACE)
target_link_libraries(dep_expected INTERFACE tl::expected)

add_library(dep_json INTERFACE)
target_link_libraries(dep_json INTERFACE nlohmann_json::nlohmann_json)


add_library(dep_poco_server INTERFACE)
target_link_libraries(dep_poco_server INTERFACE Poco::Net Poco::NetSSL Poco::Util Poco::JSON Poco::Foundation)

# SQLite's own C API: the SP's store keeps its statements compiled (sp_under_test/src/store).
add_library(dep_sqlite INTERFACE)
target_link_libraries(dep_sqlite INTERFACE SQLite::SQLite3)

if(SAMLT_BUILD_TESTS)
  find_package(Catch2 2 REQUIRED)
  include(Catch)
endif()
