<?php
// Adds comments to one post and prints them as JSON (ids, as WordPress stored them).
// Usage: php wp-comments.php POST_ID < comments.json   (environment: see wp-bootstrap.php)
//
// stdin is a JSON list of {"author", "email", "content", "parent", "approved"}; "parent" is the
// position (0-based) of an earlier comment of the same list, or null. wp_insert_comment stores
// exactly what it is given (no moderation rules, no kses): the test decides what is approved
// and what hostile markup a comment carries, as a partner's blog might hold it.
//
// Comment feeds' validators (Last-Modified, ETag) come from the newest comment, with one-second
// resolution, so the comments are dated now, after waiting until the clock is past the last one.

require __DIR__ . '/wp-bootstrap.php';

$post_id = (int) ($argv[1] ?? 0);
if (!get_post($post_id)) {
    fwrite(STDERR, "no post $post_id\n");
    exit(1);
}
$specs = json_decode(stream_get_contents(STDIN), true);
$last = get_lastcommentmodified('GMT');
if ($last) {
    while (time() <= strtotime($last . ' UTC')) {
        usleep(100000);
    }
}
$made = [];
foreach ($specs as $i => $spec) {
    $parent = $spec['parent'] === null ? 0 : $made[$spec['parent']]['id'];
    $id = wp_insert_comment([
        'comment_post_ID' => $post_id,
        'comment_author' => $spec['author'],
        'comment_author_email' => $spec['email'],
        'comment_author_url' => '',
        'comment_content' => $spec['content'],
        'comment_parent' => $parent,
        'comment_approved' => $spec['approved'] ? 1 : 0,
        'comment_date_gmt' => gmdate('Y-m-d H:i:s'),
        'comment_date' => current_time('mysql'),
        'comment_type' => 'comment',
    ]);
    if (!$id) {
        fwrite(STDERR, "comment $i failed\n");
        exit(1);
    }
    $made[] = [
        'id' => $id,
        'post_id' => $post_id,
        'parent' => $parent,
        'author' => $spec['author'],
        'approved' => (bool) $spec['approved'],
        'link' => get_comment_link($id),
    ];
}
echo json_encode($made, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE), "\n";
