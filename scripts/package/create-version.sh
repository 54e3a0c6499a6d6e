#!/usr/bin/env bash
# Creates a new version of the Checkout Kit unlocked package, with Apex code coverage computed (required to
# promote it). Creates the package itself first when sfdx-project.json does not know it yet.
#
#   scripts/package/create-version.sh [--dev-hub ALIAS] [--installation-key KEY]
#
# Without --installation-key the version installs without a key. Prints the new version's 04t id.
source "$(dirname "$0")/../org/common.sh"

KEY_FLAGS=(--installation-key-bypass)
while [[ $# -gt 0 ]]; do
    case "$1" in
        --dev-hub) DEV_HUB="$2"; shift 2 ;;
        --installation-key) KEY_FLAGS=(--installation-key "$2"); shift 2 ;;
        -h | --help) sed -n '2,8p' "$0"; exit 0 ;;
        *) fail "unknown option $1" ;;
    esac
done
require_sf
mapfile -t hub < <(dev_hub_flag)

if ! node -e "process.exit(require('./sfdx-project.json').packageAliases?.['$PACKAGE_NAME'] ? 0 : 1)"; then
    step "Creating the unlocked package '$PACKAGE_NAME' (once; its 0Ho id is added to sfdx-project.json: commit it)"
    sf package create \
        --name "$PACKAGE_NAME" \
        --package-type Unlocked \
        --path force-app \
        --no-namespace \
        "${hub[@]}"
fi

build_engine

step "Creating a package version with code coverage (this takes several minutes)"
result="$(sf package version create \
    --package "$PACKAGE_NAME" \
    --code-coverage \
    "${KEY_FLAGS[@]}" \
    --wait 60 \
    --json \
    "${hub[@]}")" || {
    echo "$result" >&2
    fail "the package version was not created"
}
version_id="$(node -e "const r = JSON.parse(process.argv[1]).result; console.log(r.SubscriberPackageVersionId)" "$result")"

echo
echo "Created package version $version_id (an alias for it was added to sfdx-project.json: commit it)."
echo "Install it:  scripts/package/install.sh $version_id --target-org <alias>"
echo "Promote it:  scripts/package/promote-version.sh $version_id"
