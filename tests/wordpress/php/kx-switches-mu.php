<?php
// A must-use plugin of the test site (copied into wp-content/mu-plugins by server.py): switches
// that make the site behave as real school blogs sometimes do, set by wp-switch.php.
//   kx_app_passwords_off  application passwords unavailable (a security plugin, plain http)
//   kx_rest_blocked       the REST API refused to everyone (a "disable REST API" plugin)
//   kx_comment_flood_off  no "You are posting comments too quickly" (every test comments from
//                         127.0.0.1, which WordPress would otherwise hold to one per 15 s)

if (get_option('kx_app_passwords_off')) {
    add_filter('wp_is_application_passwords_available', '__return_false');
}
if (get_option('kx_rest_blocked')) {
    add_filter('rest_authentication_errors', function () {
        return new WP_Error('rest_disabled', 'The REST API is disabled on this site.', ['status' => 403]);
    }, 99);
}
if (get_option('kx_comment_flood_off')) {
    add_filter('comment_flood_filter', '__return_false', 20);
}
