#!/usr/bin/env bash
# Creates a B2B/D2C Commerce scratch org from config/project-scratch-def.json and makes it the default org.
#
#   scripts/org/create-scratch-org.sh [--alias NAME] [--days N] [--dev-hub ALIAS]
#
# Needs a Dev Hub with Commerce scratch org features (sf org login web --set-default-dev-hub).
source "$(dirname "$0")/common.sh"

DAYS=7
while [[ $# -gt 0 ]]; do
    case "$1" in
        --alias) ORG_ALIAS="$2"; shift 2 ;;
        --days) DAYS="$2"; shift 2 ;;
        --dev-hub) DEV_HUB="$2"; shift 2 ;;
        -h | --help) sed -n '2,6p' "$0"; exit 0 ;;
        *) fail "unknown option $1" ;;
    esac
done
require_sf

step "Creating scratch org '$ORG_ALIAS' for $DAYS days"
mapfile -t hub < <(dev_hub_flag)
sf org create scratch \
    --definition-file config/project-scratch-def.json \
    --alias "$ORG_ALIAS" \
    --set-default \
    --duration-days "$DAYS" \
    --wait 30 \
    "${hub[@]}"

echo
echo "Scratch org '$ORG_ALIAS' is ready. Next: scripts/org/deploy.sh --alias $ORG_ALIAS"
