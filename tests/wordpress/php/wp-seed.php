<?php
// Seeds WP_POSTS (default 50) published posts, one a day back from now, each with its own
// GD-drawn JPEG (attachment + sub-sizes + featured image + <img> in the content), a category
// and tags. Prints a JSON list describing the posts, newest first. Runs once (option
// wp_local_seeded); a second run prints the same description without adding posts.

require __DIR__ . '/wp-bootstrap.php';
require_once ABSPATH . 'wp-admin/includes/image.php';
require_once ABSPATH . 'wp-admin/includes/file.php';
require_once ABSPATH . 'wp-admin/includes/media.php';

$admin = get_user_by('login', 'admin');
wp_set_current_user($admin->ID);

if (!get_option('wp_local_seeded')) {
    $count = (int) (getenv('WP_POSTS') ?: 50);
    $qualities = ['Resilient', 'Resourceful', 'Reflective', 'Risk-taking'];
    $subjects = ['Café & maths', 'Rock pools', 'Times tables', 'Kites', 'Our Anzac biscuits',
        'Pen pals', 'Coding robots', 'Weather watch', 'Bush dance', 'Fractions pizza'];
    wp_defer_term_counting(true);
    $category_ids = [];
    foreach ($qualities as $q) {
        $term = term_exists($q, 'category') ?: wp_insert_term($q, 'category');
        $category_ids[$q] = (int) $term['term_id'];
    }
    $now = time();
    $previous_link = home_url('/');
    // Oldest first, so that internal links point back to posts that already exist.
    for ($i = $count; $i >= 1; $i--) {
        $quality = $qualities[$i % count($qualities)];
        $subject = $subjects[$i % count($subjects)];
        $date_gmt = gmdate('Y-m-d H:i:s', $now - $i * 86400 - 3600);
        $post = wp_local_create_post($i, [
            'slug' => sprintf('seed-post-%02d', $i),
            'title' => sprintf('%s — day %02d', $subject, $i),
            'text' => sprintf('Day %d: Year 4 was %s today.', $i, strtolower($quality)),
            'link_html' => '<a href="' . esc_url($previous_link) . '">Read the previous post</a>.',
            'date_gmt' => $date_gmt,
            'author' => $admin->ID,
            'category_ids' => [$category_ids[$quality]],
            'tags' => ['kaizen', 'year 4'],
        ]);
        $previous_link = $post['link'];
    }
    wp_defer_term_counting(false);
    $hello = get_page_by_path('hello-world', OBJECT, 'post');
    if ($hello) {
        wp_delete_post($hello->ID, true);
    }
    update_option('wp_local_seeded', 1);
}

$posts = get_posts(['numberposts' => -1, 'post_status' => 'publish', 'orderby' => 'date',
    'order' => 'DESC']);
$out = [];
foreach ($posts as $post) {
    $thumb = get_post_thumbnail_id($post);
    $out[] = wp_local_describe_post($post->ID, $thumb ? wp_get_attachment_url($thumb) : '');
}
echo json_encode($out, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_PRETTY_PRINT), "\n";
