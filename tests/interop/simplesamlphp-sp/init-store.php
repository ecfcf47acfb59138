<?php
// SPDX-License-Identifier: Apache-2.0
// Creates SimpleSAMLphp's SQL store tables (key-value store, table versions, the SAML logout store)
// before the server starts. SimpleSAMLphp creates them lazily on first use, and when several of the
// built-in server's workers do that at once, one fails with "table … already exists".
// Run by the start script: SIMPLESAMLPHP_CONFIG_DIR=DIR/config php init-store.php
require_once '/usr/share/simplesamlphp/lib/_autoload.php';

$store = \SimpleSAML\Store::getInstance();
if (!($store instanceof \SimpleSAML\Store\SQL)) {
    fwrite(STDERR, "init-store.php: store.type is not 'sql'\n");
    exit(1);
}
$create = new ReflectionMethod(\SimpleSAML\Module\saml\SP\LogoutStore::class, 'createLogoutTable');
$create->setAccessible(true);
$create->invoke(null, $store);
echo "store ready\n";
