<?php
// Publishes one new post, dated now, with its own image, and prints it as JSON.
// Usage: php wp-publish.php [TITLE]   (environment: see wp-bootstrap.php)
//
// WordPress's feed validators (Last-Modified, ETag) have one-second resolution and come from the
// newest modification on the site, so wait until the clock is past it: the feed must change.

require __DIR__ . '/wp-bootstrap.php';
require_once ABSPATH . 'wp-admin/includes/image.php';
require_once ABSPATH . 'wp-admin/includes/file.php';
require_once ABSPATH . 'wp-admin/includes/media.php';

$admin = get_user_by('login', 'admin');
wp_set_current_user($admin->ID);

$last = strtotime(get_lastpostmodified('GMT') . ' UTC');
while (time() <= $last) {
    usleep(100000);
}
$n = (int) wp_count_posts()->publish + 1000;
$title = $argv[1] ?? sprintf('Fresh news %d: our class garden', $n);
$category = term_exists('Reflective', 'category') ?: wp_insert_term('Reflective', 'category');
$post = wp_local_create_post($n, [
    'slug' => sanitize_title($title) ?: "fresh-$n",
    'title' => $title,
    'text' => 'Published during the test run.',
    'date_gmt' => gmdate('Y-m-d H:i:s'),
    'author' => $admin->ID,
    'category_ids' => [(int) $category['term_id']],
    'tags' => ['kaizen', 'fresh'],
]);
echo json_encode($post, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE), "\n";
