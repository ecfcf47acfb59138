<?php
// SPDX-License-Identifier: Apache-2.0
// The session probe: 200 and the session as JSON when this browser has a SimpleSAMLphp session,
// 401 {"result":"NO_SESSION"} otherwise.
require_once '/usr/share/simplesamlphp/lib/_autoload.php';

header('Content-Type: application/json; charset=utf-8');
header('Cache-Control: no-store');
$as = new \SimpleSAML\Auth\Simple('default-sp');
if (!$as->isAuthenticated()) {
    http_response_code(401);
    echo json_encode(['result' => 'NO_SESSION']), "\n";
    exit;
}
$attributes = $as->getAttributes();
$nameId = $as->getAuthData('saml:sp:NameID');
$email = $attributes['http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress'][0] ?? null;
echo json_encode([
    'result' => 'ACCEPT',
    'sp' => 'simplesamlphp',
    'name_id' => $nameId ? $nameId->getValue() : null,
    'name_id_format' => $nameId ? $nameId->getFormat() : null,
    'issuer' => $as->getAuthData('saml:sp:IdP'),
    'email' => $email,
    'session_index' => $as->getAuthData('saml:sp:SessionIndex'),
    'authn_context' => $as->getAuthData('saml:sp:AuthnContext'),
    'attributes' => $attributes,
], JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE), "\n";
