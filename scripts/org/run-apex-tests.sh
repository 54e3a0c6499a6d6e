#!/usr/bin/env bash
# Runs the package's Apex tests in an org with code coverage, and fails when one fails.
#
#   scripts/org/run-apex-tests.sh [--alias NAME] [--output-dir DIR]
#
# Results (JUnit and coverage JSON) go to DIR, test-results/apex by default.
source "$(dirname "$0")/common.sh"

OUTPUT_DIR="test-results/apex"
while [[ $# -gt 0 ]]; do
    case "$1" in
        --alias) ORG_ALIAS="$2"; shift 2 ;;
        --output-dir) OUTPUT_DIR="$2"; shift 2 ;;
        -h | --help) sed -n '2,6p' "$0"; exit 0 ;;
        *) fail "unknown option $1" ;;
    esac
done
require_sf

step "Running local Apex tests in '$ORG_ALIAS'"
mkdir -p "$OUTPUT_DIR"
sf apex run test \
    --test-level RunLocalTests \
    --code-coverage \
    --result-format human \
    --output-dir "$OUTPUT_DIR" \
    --wait 30 \
    --target-org "$ORG_ALIAS"
