<?php
// Comments read and changed straight in WordPress (not through the REST API under test).
//   php wp-comment-admin.php comments POST_ID     every comment of the post, any status, as JSON
//   php wp-comment-admin.php status COMMENT_ID approve|hold|spam|trash
//   php wp-comment-admin.php comments-open POST_ID 0|1
//   php wp-comment-admin.php disallowed WORDS   Settings → Discussion's "Disallowed Comment Keys"

require __DIR__ . '/wp-bootstrap.php';

[$what, $id, $value] = [$argv[1] ?? '', (int) ($argv[2] ?? 0), $argv[3] ?? ''];
if ($what === 'comments') {
    global $wpdb;
    $rows = $wpdb->get_results($wpdb->prepare(
        "SELECT comment_ID AS id, comment_author AS author, comment_author_email AS email,
                comment_content AS content, comment_approved AS approved, comment_parent AS parent,
                comment_author_IP AS ip
         FROM $wpdb->comments WHERE comment_post_ID = %d ORDER BY comment_ID", $id), ARRAY_A);
    echo json_encode($rows, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE), "\n";
} elseif ($what === 'status') {
    if (!wp_set_comment_status($id, $value)) {
        fwrite(STDERR, "could not set comment $id to $value\n");
        exit(1);
    }
    echo "$id=$value\n";
} elseif ($what === 'comments-open') {
    wp_update_post(['ID' => $id, 'comment_status' => $value === '1' ? 'open' : 'closed']);
    echo "$id comments " . ($value === '1' ? 'open' : 'closed') . "\n";
} elseif ($what === 'disallowed') {
    update_option('disallowed_keys', (string) ($argv[2] ?? ''));
    echo "disallowed_keys=" . get_option('disallowed_keys') . "\n";
} else {
    fwrite(STDERR, "unknown: $what\n");
    exit(2);
}
