#!/usr/bin/env bash
# Shared by the org and package scripts: strict mode, the repository root, the Salesforce CLI check and
# the option defaults. Source it; do not run it.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO_ROOT"

# Defaults, each overridable by an option or by the environment.
ORG_ALIAS="${CHECKOUT_KIT_ORG:-checkout-kit}"
DEV_HUB="${CHECKOUT_KIT_DEVHUB:-}"
PACKAGE_NAME="Checkout Kit"

fail() {
    echo "error: $*" >&2
    exit 1
}

step() {
    echo
    echo "==> $*"
}

require_sf() {
    command -v sf >/dev/null 2>&1 ||
        fail "the Salesforce CLI (sf) is not installed: see https://developer.salesforce.com/tools/salesforcecli"
}

# --target-dev-hub only when one was named; otherwise sf uses the default Dev Hub (sf config set target-dev-hub=…).
dev_hub_flag() {
    if [[ -n "$DEV_HUB" ]]; then
        printf -- '--target-dev-hub\n%s\n' "$DEV_HUB"
    fi
}

# The platform does not compile TypeScript: the engine's .js must exist before a deploy or a package version.
build_engine() {
    step "Compiling the engine (npm run build)"
    npm run build --silent
}
