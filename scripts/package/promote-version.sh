#!/usr/bin/env bash
# Promotes a package version to released, so production orgs can install it. Its Apex code coverage must be
# at least 75% (create-version.sh computes it).
#
#   scripts/package/promote-version.sh 04t… | "Checkout Kit@0.1.0-1" [--dev-hub ALIAS]
source "$(dirname "$0")/../org/common.sh"

VERSION=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --dev-hub) DEV_HUB="$2"; shift 2 ;;
        -h | --help) sed -n '2,6p' "$0"; exit 0 ;;
        -*) fail "unknown option $1" ;;
        *) VERSION="$1"; shift ;;
    esac
done
[[ -n "$VERSION" ]] || fail "name the package version to promote (its 04t id or alias)"
require_sf
mapfile -t hub < <(dev_hub_flag)

step "Checking the version's code coverage"
sf package version report --package "$VERSION" --verbose "${hub[@]}"

step "Promoting $VERSION"
sf package version promote --package "$VERSION" --no-prompt "${hub[@]}"
