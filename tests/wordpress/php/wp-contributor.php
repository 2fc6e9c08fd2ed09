<?php
// Creates (once) the user "pupilforum" with WordPress's Contributor role, as a pupil forum's PC
// would use, and prints "pupilforum:<application password>" (a fresh one each start).
// A Contributor can write posts but not publish them (they wait as 'pending') nor upload files.

require __DIR__ . '/wp-bootstrap.php';

$login = 'pupilforum';
$user = get_user_by('login', $login);
if (!$user) {
    $id = wp_insert_user([
        'user_login' => $login,
        'user_pass' => wp_generate_password(24),
        'user_email' => 'pupilforum@example.invalid',
        'display_name' => 'Pupil Forum',
        'role' => 'contributor',
    ]);
    if (is_wp_error($id)) {
        fwrite(STDERR, $id->get_error_message() . "\n");
        exit(1);
    }
    $user = get_user_by('id', $id);
}
$name = 'integration-tests';
foreach (WP_Application_Passwords::get_user_application_passwords($user->ID) as $item) {
    if ($item['name'] === $name) {
        WP_Application_Passwords::delete_application_password($user->ID, $item['uuid']);
    }
}
$created = WP_Application_Passwords::create_new_application_password($user->ID, ['name' => $name]);
if (is_wp_error($created)) {
    fwrite(STDERR, $created->get_error_message() . "\n");
    exit(1);
}
echo "{$login}:{$created[0]}\n";
