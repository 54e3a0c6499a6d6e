#!/usr/bin/env bash
# Compiles the engine and deploys force-app (components, Apex, labels, permission sets) to an org.
#
#   scripts/org/deploy.sh [--alias NAME] [--dry-run]
#
# --dry-run validates the deployment (runs the checks, saves nothing).
source "$(dirname "$0")/common.sh"

DRY_RUN=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --alias) ORG_ALIAS="$2"; shift 2 ;;
        --dry-run) DRY_RUN=(--dry-run); shift ;;
        -h | --help) sed -n '2,6p' "$0"; exit 0 ;;
        *) fail "unknown option $1" ;;
    esac
done
require_sf
build_engine

step "Deploying force-app to '$ORG_ALIAS'"
sf project deploy start \
    --source-dir force-app \
    --target-org "$ORG_ALIAS" \
    --wait 30 \
    "${DRY_RUN[@]}"
