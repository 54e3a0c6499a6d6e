#!/usr/bin/env bash
# Installs a Checkout Kit package version into an org (sandbox, scratch or production).
#
#   scripts/package/install.sh 04t… --target-org ALIAS [--installation-key KEY]
#
# Admins only get access; assign the permission sets afterwards (scripts/org/assign-permission-sets.sh).
source "$(dirname "$0")/../org/common.sh"

VERSION=""
KEY_FLAGS=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --target-org) ORG_ALIAS="$2"; shift 2 ;;
        --installation-key) KEY_FLAGS=(--installation-key "$2"); shift 2 ;;
        -h | --help) sed -n '2,6p' "$0"; exit 0 ;;
        -*) fail "unknown option $1" ;;
        *) VERSION="$1"; shift ;;
    esac
done
[[ -n "$VERSION" ]] || fail "name the package version to install (its 04t id)"
require_sf

step "Installing $VERSION into '$ORG_ALIAS'"
sf package install \
    --package "$VERSION" \
    --target-org "$ORG_ALIAS" \
    --security-type AdminsOnly \
    --wait 30 \
    --publish-wait 10 \
    --no-prompt \
    "${KEY_FLAGS[@]}"
