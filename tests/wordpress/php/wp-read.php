<?php
// Reads the site straight from WordPress (not through the REST API under test), as JSON:
//   php wp-read.php posts        every post of any status but auto-draft, with its content,
//                                slug, author, categories, tags, featured image and comments
//   php wp-read.php media        every attachment: id, title, slug, file on disk, URL, alt text

require __DIR__ . '/wp-bootstrap.php';

$what = $argv[1] ?? 'posts';
$out = [];
if ($what === 'posts') {
    $posts = get_posts([
        'post_type' => 'post', 'post_status' => ['publish', 'pending', 'draft', 'future', 'private', 'trash'],
        'numberposts' => -1, 'orderby' => 'ID', 'order' => 'ASC', 'suppress_filters' => true,
    ]);
    foreach ($posts as $post) {
        $out[] = [
            'id' => $post->ID,
            'title' => $post->post_title,
            'slug' => $post->post_name,
            'status' => $post->post_status,
            'content' => $post->post_content,
            'author' => get_the_author_meta('user_login', $post->post_author),
            'categories' => wp_get_post_categories($post->ID, ['fields' => 'names']),
            'tags' => wp_get_post_tags($post->ID, ['fields' => 'names']),
            'featured_media' => (int) get_post_thumbnail_id($post->ID),
            'link' => get_permalink($post),
            'comments' => array_map(fn($c) => ['content' => $c->comment_content, 'approved' => $c->comment_approved],
                get_comments(['post_id' => $post->ID, 'status' => 'all'])),
        ];
    }
} elseif ($what === 'media') {
    $items = get_posts(['post_type' => 'attachment', 'post_status' => 'any', 'numberposts' => -1,
        'orderby' => 'ID', 'order' => 'ASC']);
    foreach ($items as $item) {
        $out[] = [
            'id' => $item->ID,
            'title' => $item->post_title,
            'slug' => $item->post_name,
            'parent' => $item->post_parent,
            'mime' => $item->post_mime_type,
            'file' => get_attached_file($item->ID),
            'url' => wp_get_attachment_url($item->ID),
            'alt' => get_post_meta($item->ID, '_wp_attachment_image_alt', true),
        ];
    }
} else {
    fwrite(STDERR, "unknown: $what\n");
    exit(2);
}
echo json_encode($out, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE), "\n";
