<?php
// Usage: php wp-switch.php NAME 0|1   (NAME: see kx-switches-mu.php)

require __DIR__ . '/wp-bootstrap.php';

[$name, $on] = [$argv[1] ?? '', ($argv[2] ?? '1') === '1'];
if (!in_array($name, ['kx_app_passwords_off', 'kx_rest_blocked', 'kx_comment_flood_off'], true)) {
    fwrite(STDERR, "unknown switch: $name\n");
    exit(2);
}
$on ? update_option($name, 1) : delete_option($name);
echo "$name=" . ($on ? '1' : '0') . "\n";
