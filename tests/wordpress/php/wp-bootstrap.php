<?php
// Loads WordPress for the command-line scripts of the test tier.
//
// Debian's wp-config.php chooses /etc/wordpress/config-<name>.php from $_SERVER['WORDPRESS_CONFIG']
// or the Host header; under php-cli neither exists, so set them from the environment first.
// Environment: WP_LOCAL_HOST ("127.0.0.1:PORT"), WP_LOCAL_CONFIG (the <name>),
// WP_LOCAL_ABSPATH (default /usr/share/wordpress).

$host = getenv('WP_LOCAL_HOST') ?: '127.0.0.1';
[$server_name, $server_port] = array_pad(explode(':', $host, 2), 2, '80');
$_SERVER['HTTP_HOST'] = $host;
$_SERVER['SERVER_NAME'] = $server_name;
$_SERVER['SERVER_PORT'] = $server_port;
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
$_SERVER['REMOTE_ADDR'] = '127.0.0.1';
$config = getenv('WP_LOCAL_CONFIG');
if ($config) {
    $_SERVER['WORDPRESS_CONFIG'] = $config;
}

require rtrim(getenv('WP_LOCAL_ABSPATH') ?: '/usr/share/wordpress', '/') . '/wp-load.php';

// Drawn, never downloaded: a 640x360 JPEG with GD, different for every $n.
function wp_local_draw_jpeg(int $n, string $label): string
{
    $img = imagecreatetruecolor(640, 360);
    $bg = imagecolorallocate($img, (37 * $n) % 256, (91 * $n + 60) % 256, (53 * $n + 120) % 256);
    imagefilledrectangle($img, 0, 0, 639, 359, $bg);
    $fg = imagecolorallocate($img, 255, 255, 255);
    for ($i = 0; $i < 6; $i++) {
        $c = imagecolorallocate($img, (40 * $i + 13 * $n) % 256, (70 * $i) % 256, (29 * $n) % 256);
        imagefilledellipse($img, 60 + 100 * $i, 180 + (int) (80 * sin($n + $i)), 70, 70, $c);
    }
    imagestring($img, 5, 20, 20, $label, $fg);
    ob_start();
    imagejpeg($img, null, 85);
    imagedestroy($img);
    return ob_get_clean();
}

// Uploads a drawn JPEG as an attachment (with WordPress's sub-sizes) in the month of $date_gmt.
function wp_local_add_image(int $n, string $label, string $slug, string $date_gmt): array
{
    $bits = wp_upload_bits("$slug.jpg", null, wp_local_draw_jpeg($n, $label), gmdate('Y/m', strtotime($date_gmt . ' UTC')));
    if (!empty($bits['error'])) {
        fwrite(STDERR, "upload failed: {$bits['error']}\n");
        exit(1);
    }
    $att_id = wp_insert_attachment([
        'post_mime_type' => 'image/jpeg',
        'post_title' => $label,
        'post_status' => 'inherit',
        'post_date_gmt' => $date_gmt,
    ], $bits['file'], 0, true);
    if (is_wp_error($att_id)) {
        fwrite(STDERR, 'attachment failed: ' . $att_id->get_error_message() . "\n");
        exit(1);
    }
    // Only the 300 px "medium" copy (it is what the content's srcset offers): resizing with GD
    // is the slowest part of seeding, and the 150 px crop appears in no feed.
    $only_medium = fn(array $sizes): array => array_intersect_key($sizes, ['medium' => true]);
    add_filter('intermediate_image_sizes_advanced', $only_medium);
    wp_update_attachment_metadata($att_id, wp_generate_attachment_metadata($att_id, $bits['file']));
    remove_filter('intermediate_image_sizes_advanced', $only_medium);
    update_post_meta($att_id, '_wp_attachment_image_alt', $label);
    return ['id' => $att_id, 'url' => $bits['url'], 'file' => $bits['file']];
}

// Creates one published post with its own image in the content and as featured image.
function wp_local_create_post(int $n, array $spec): array
{
    $slug = $spec['slug'];
    $image = wp_local_add_image($n, $spec['title'], $slug, $spec['date_gmt']);
    $link_html = $spec['link_html'] ?? '';
    $content = "<!-- wp:paragraph -->\n<p>{$spec['text']} {$link_html}</p>\n<!-- /wp:paragraph -->\n\n"
        . "<!-- wp:image {\"id\":{$image['id']},\"sizeSlug\":\"full\"} -->\n"
        . "<figure class=\"wp-block-image size-full\"><img src=\"{$image['url']}\" alt=\""
        . esc_attr($spec['title']) . "\" class=\"wp-image-{$image['id']}\"/></figure>\n"
        . "<!-- /wp:image -->";
    $post_id = wp_insert_post([
        'post_title' => $spec['title'],
        'post_name' => $slug,
        'post_content' => $content,
        'post_excerpt' => '',
        'post_status' => 'publish',
        'post_author' => $spec['author'],
        'post_date_gmt' => $spec['date_gmt'],
        'post_category' => $spec['category_ids'],
        'tags_input' => $spec['tags'],
    ], true);
    if (is_wp_error($post_id)) {
        fwrite(STDERR, 'post failed: ' . $post_id->get_error_message() . "\n");
        exit(1);
    }
    // Attach the image to its post. A direct update: wp_update_post() would re-run the whole
    // insert machinery for the attachment, for one column.
    global $wpdb;
    $wpdb->update($wpdb->posts, ['post_parent' => $post_id], ['ID' => $image['id']]);
    clean_post_cache($image['id']);
    set_post_thumbnail($post_id, $image['id']);
    return wp_local_describe_post($post_id, $image['url']);
}

// What a test needs to know about a post, as WordPress itself renders it.
function wp_local_describe_post(int $post_id, string $image_url): array
{
    $post = get_post($post_id);
    return [
        'id' => $post_id,
        'title' => html_entity_decode(get_the_title($post), ENT_QUOTES | ENT_HTML5, 'UTF-8'),
        'link' => get_permalink($post),
        'guid' => $post->guid,
        'date_gmt' => gmdate('Y-m-d\TH:i:s\Z', strtotime($post->post_date_gmt . ' UTC')),
        'author' => get_the_author_meta('display_name', $post->post_author),
        'categories' => wp_get_post_categories($post_id, ['fields' => 'names']),
        'tags' => wp_get_post_tags($post_id, ['fields' => 'names']),
        'image_url' => $image_url,
    ];
}
