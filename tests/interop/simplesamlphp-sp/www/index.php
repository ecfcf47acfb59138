<?php
// SPDX-License-Identifier: Apache-2.0
header('Content-Type: application/json');
echo json_encode([
    'sp' => 'simplesamlphp',
    'login' => '/login',
    'session' => '/me',
    'metadata' => '/module.php/saml/sp/metadata.php/default-sp',
    'acs' => '/module.php/saml/sp/saml2-acs.php/default-sp',
]), "\n";
