#!/usr/bin/env bash
# Everything from nothing to a scratch org with Checkout Kit deployed, permissions assigned and Apex tests run.
#
#   scripts/org/setup.sh [--alias NAME] [--days N] [--dev-hub ALIAS]
#
# Then create a store (Commerce app > Create a Store, LWR template) and place the components: see
# README.md, "Place the components in Experience Builder".
source "$(dirname "$0")/common.sh"

CREATE_ARGS=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --alias) ORG_ALIAS="$2"; CREATE_ARGS+=(--alias "$2"); shift 2 ;;
        --days) CREATE_ARGS+=(--days "$2"); shift 2 ;;
        --dev-hub) CREATE_ARGS+=(--dev-hub "$2"); shift 2 ;;
        -h | --help) sed -n '2,7p' "$0"; exit 0 ;;
        *) fail "unknown option $1" ;;
    esac
done

scripts/org/create-scratch-org.sh "${CREATE_ARGS[@]}"
scripts/org/deploy.sh --alias "$ORG_ALIAS"
scripts/org/assign-permission-sets.sh --alias "$ORG_ALIAS"
scripts/org/run-apex-tests.sh --alias "$ORG_ALIAS"

step "Done"
echo "Open the org: sf org open --target-org $ORG_ALIAS"
