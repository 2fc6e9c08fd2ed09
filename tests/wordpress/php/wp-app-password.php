<?php
// Prints "admin:<application password>" for HTTP Basic auth against the REST API.
// Replaces any earlier password of the same name, so each start gets a fresh one.
// Over plain http WordPress accepts it only with WP_ENVIRONMENT_TYPE 'local' (set in the config).

require __DIR__ . '/wp-bootstrap.php';

$user = get_user_by('login', 'admin');
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
echo "admin:{$created[0]}\n";
