<?php
// SPDX-License-Identifier: Apache-2.0
// Router for PHP's built-in server (php -S 127.0.0.1:PORT -t /usr/share/simplesamlphp/www router.php):
// this SP's own pages are served from this folder, everything else is SimpleSAMLphp's www/ (module.php,
// saml2/, admin/ …), run by the built-in server itself with PATH_INFO.
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
$pages = [
    '/' => 'index.php',
    '/login' => 'login.php',
    '/me' => 'me.php',
];
if (isset($pages[$path])) {
    require __DIR__ . '/' . $pages[$path];
    return true;
}
return false;
