<?php
// SPDX-License-Identifier: Apache-2.0
// SP-initiated sign-in: login() sends the browser to the IdP with an HTTP-Redirect AuthnRequest.
// ?RelayState=/path (a local path) becomes the ReturnTo URL; the default is /me.
require_once '/usr/share/simplesamlphp/lib/_autoload.php';

$as = new \SimpleSAML\Auth\Simple('default-sp');
$base = \SimpleSAML\Utils\HTTP::getSelfURLHost();
$relay = isset($_GET['RelayState']) ? (string)$_GET['RelayState'] : '';
$returnTo = (strlen($relay) > 0 && $relay[0] === '/' && substr($relay, 0, 2) !== '//') ? $base . $relay : $base . '/me';
// login(), unlike requireAuth(), always starts a new sign-in at the IdP, session or not.
$as->login(['ReturnTo' => $returnTo, 'KeepPost' => false]);
