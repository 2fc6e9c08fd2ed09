<?php
// Router for `php -S` in front of Debian's WordPress (see ../README.md).
//
// 1. Serves /wp-content/* from WP_LOCAL_CONTENT_DIR (Debian keeps wp-content outside the docroot
//    and expects an Apache Alias), with Content-Type, Content-Length and Last-Modified.
// 2. Hands other existing docroot files back to the built-in server.
// 3. Sends everything else to index.php (pretty permalinks, /wp-json/, /feed/ ...).
// Every request is appended to WP_LOCAL_REQUEST_LOG as one JSON line, so tests can check what the
// client really asked for (conditional headers, paging, media fetched once, no HEAD).

$request_log = getenv('WP_LOCAL_REQUEST_LOG');
if ($request_log) {
    // Read the request now: WordPress later adds slashes to $_SERVER (wp_magic_quotes).
    $logged = [
        't' => microtime(true),
        'method' => $_SERVER['REQUEST_METHOD'] ?? '',
        'uri' => $_SERVER['REQUEST_URI'] ?? '',
        'status' => null,
        'if_none_match' => $_SERVER['HTTP_IF_NONE_MATCH'] ?? null,
        'if_modified_since' => $_SERVER['HTTP_IF_MODIFIED_SINCE'] ?? null,
        'user_agent' => $_SERVER['HTTP_USER_AGENT'] ?? null,
        'accept_encoding' => $_SERVER['HTTP_ACCEPT_ENCODING'] ?? null,
        'ms' => null,
    ];
    register_shutdown_function(function () use ($request_log, $logged) {
        $code = http_response_code();
        $logged['status'] = is_int($code) ? $code : null;
        $logged['ms'] = round((microtime(true) - $logged['t']) * 1000, 1);
        $line = json_encode($logged, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
        file_put_contents($request_log, $line . "\n", FILE_APPEND | LOCK_EX);
    });
}

// A crash test's hold (server.py `hold`): the first successful request (below the hold's "below"
// status, 300 unless told: the comment form answers with a redirect) matching the hold file's
// method and path prefix is done by WordPress, then its answer is held back until the test
// removes the "held" file, so the test can kill the client after the site did the work and
// before the client heard of it.
$hold_file = getenv('WP_LOCAL_HOLD_FILE');
if ($hold_file && is_file($hold_file)) {
    register_shutdown_function(function () use ($hold_file) {
        $hold = json_decode((string) @file_get_contents($hold_file), true);
        $code = http_response_code();
        $uri = $_SERVER['REQUEST_URI'] ?? '';
        if (!is_array($hold) || ($_SERVER['REQUEST_METHOD'] ?? '') !== $hold['method']
            || !str_contains(urldecode($uri), $hold['path']) || !is_int($code) || $code >= ($hold['below'] ?? 300)) {
            return;
        }
        if (($hold['skip'] ?? 0) > 0) {  // let this one through: hold a later one
            $hold['skip']--;
            file_put_contents($hold_file, json_encode($hold));
            return;
        }
        $held = $hold_file . '.held';
        if (!@rename($hold_file, $held)) {
            return;  // another request claimed it
        }
        $deadline = microtime(true) + 120;
        while (is_file($held) && microtime(true) < $deadline) {
            usleep(20000);
        }
    });
}

// Debian's wp-config.php picks /etc/wordpress/config-<name>.php from this variable (before the
// Host header), which lets several instances share 127.0.0.1 on different ports.
$config = getenv('WP_LOCAL_CONFIG');
if ($config) {
    $_SERVER['WORDPRESS_CONFIG'] = $config;
}

$path = rawurldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? '/');
$content_dir = getenv('WP_LOCAL_CONTENT_DIR');

if ($content_dir && str_starts_with($path, '/wp-content/')) {
    $relative = substr($path, strlen('/wp-content/'));
    $file = realpath($content_dir . '/' . $relative);
    // Symlinked themes resolve outside the content dir; allow them, refuse only "..".
    if ($file === false || !is_file($file) || str_contains($relative, '..')) {
        http_response_code(404);
        header('Content-Type: text/plain');
        echo "Not found\n";
        return true;
    }
    if (str_ends_with($file, '.php')) {
        chdir(dirname($file));
        require $file;
        return true;
    }
    $types = [
        'jpg' => 'image/jpeg', 'jpeg' => 'image/jpeg', 'png' => 'image/png', 'gif' => 'image/gif',
        'webp' => 'image/webp', 'svg' => 'image/svg+xml', 'pdf' => 'application/pdf',
        'mp4' => 'video/mp4', 'css' => 'text/css', 'js' => 'text/javascript',
        'json' => 'application/json', 'woff2' => 'font/woff2', 'txt' => 'text/plain',
    ];
    $ext = strtolower(pathinfo($file, PATHINFO_EXTENSION));
    $mtime = filemtime($file);
    $etag = '"' . dechex($mtime) . '-' . dechex(filesize($file)) . '"';
    header('Content-Type: ' . ($types[$ext] ?? 'application/octet-stream'));
    header('Last-Modified: ' . gmdate('D, d M Y H:i:s', $mtime) . ' GMT');
    header('ETag: ' . $etag);
    if (($_SERVER['HTTP_IF_NONE_MATCH'] ?? null) === $etag) {
        http_response_code(304);
        return true;
    }
    header('Content-Length: ' . filesize($file));
    if ($_SERVER['REQUEST_METHOD'] !== 'HEAD') {
        readfile($file);
    }
    return true;
}

$docroot = $_SERVER['DOCUMENT_ROOT'];
if ($path !== '/' && file_exists($docroot . $path)) {
    if (is_dir($docroot . $path) && is_file(rtrim($docroot . $path, '/') . '/index.php')) {
        $path = rtrim($path, '/') . '/index.php';  // /wp-admin/ runs /wp-admin/index.php below
    } elseif (!str_ends_with($path, '.php')) {
        return false;  // a static file: the built-in server sends it
    }
    // An existing PHP script (wp-login.php, wp-admin/...): run it ourselves so that
    // WORDPRESS_CONFIG set above is seen by wp-config.php.
    $_SERVER['SCRIPT_NAME'] = $path;
    $_SERVER['PHP_SELF'] = $path;
    $_SERVER['SCRIPT_FILENAME'] = $docroot . $path;
    chdir(dirname($docroot . $path));
    require $docroot . $path;
    return true;
}

$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['PHP_SELF'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $docroot . '/index.php';
chdir($docroot);
require $docroot . '/index.php';
