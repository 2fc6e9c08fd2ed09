# Sourced by the install scripts: find which Debian packages are missing, and install them.
# Idempotent and quiet when everything is there (no apt-get update, no network).
#
#   . scripts/apt-missing.sh
#   missing=$(missing_packages pkg1 pkg2 ...)     # "" when all are installed
#   install_packages "$label" $missing             # as root, or through sudo
#   ensure_packages "$label" "${1:-}" pkg1 pkg2 ...  # both: an install script's whole work

missing_packages() {
    _missing=""
    for _pkg in "$@"; do
        case "$(dpkg-query -W -f='${Status}' "$_pkg" 2>/dev/null || true)" in
            "install ok installed") ;;
            *) _missing="$_missing $_pkg" ;;
        esac
    done
    echo "$_missing"
}

install_packages() {
    _label=$1
    shift
    if [ "$(id -u)" -eq 0 ]; then
        _run=""
    elif command -v sudo >/dev/null 2>&1; then
        _run="sudo"
    else
        echo "$_label missing: $*; run this as root (it uses apt-get install)." >&2
        return 1
    fi
    echo "Installing $_label: $*"
    # Refresh the package lists only when apt cannot find what it needs (fresh image, stale
    # lists), and once more if a download fails (lists naming versions the mirror dropped).
    if ! $_run apt-get install -s -y --no-install-recommends "$@" >/dev/null 2>&1; then
        $_run apt-get update -q
    fi
    if ! $_run env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -q --no-install-recommends "$@"; then
        echo "apt-get install failed: refreshing the package lists and trying once more" >&2
        $_run apt-get update -q
        $_run env DEBIAN_FRONTEND=noninteractive \
            apt-get install -y -q --no-install-recommends "$@"
    fi
}

# What every install-packages.sh does with its list: say "all present", or with --check
# name the missing packages (status 1), or else install them.
ensure_packages() {
    _label=$1
    _mode=$2
    shift 2
    _absent=$(missing_packages "$@")
    if [ -z "$_absent" ]; then
        echo "$_label: all present"
        return 0
    fi
    if [ "$_mode" = "--check" ]; then
        echo "$_label missing:$_absent"
        return 1
    fi
    # shellcheck disable=SC2086  # the list is meant to split into words
    install_packages "$_label" $_absent
}
