#!/usr/bin/env bash
# Assigns Checkout Kit's permission sets.
#
#   scripts/org/assign-permission-sets.sh [--alias NAME] [--buyer USERNAME]... [--cpq-buyer USERNAME]...
#                                         [--guest USERNAME]
#
# CheckoutKit_Buyer goes to the org's admin (to try the components in Experience Builder) and to every
# --buyer user; CheckoutKit_CPQ (Industries CPQ submission) only to --cpq-buyer users, never the guest;
# CheckoutKit_Guest goes to the store site's guest user when --guest names it (Setup > Digital Experiences >
# your site > Workspaces > Administration > Pages > Go to Force.com > Public Access Settings shows it).
source "$(dirname "$0")/common.sh"

BUYERS=()
CPQ_BUYERS=()
GUEST=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --alias) ORG_ALIAS="$2"; shift 2 ;;
        --buyer) BUYERS+=("$2"); shift 2 ;;
        --cpq-buyer) CPQ_BUYERS+=("$2"); shift 2 ;;
        --guest) GUEST="$2"; shift 2 ;;
        -h | --help) sed -n '2,11p' "$0"; exit 0 ;;
        *) fail "unknown option $1" ;;
    esac
done
require_sf

step "Assigning CheckoutKit_Buyer to the admin of '$ORG_ALIAS'"
sf org assign permset --name CheckoutKit_Buyer --target-org "$ORG_ALIAS"

for buyer in "${BUYERS[@]}"; do
    step "Assigning CheckoutKit_Buyer to $buyer"
    sf org assign permset --name CheckoutKit_Buyer --target-org "$ORG_ALIAS" --on-behalf-of "$buyer"
done

for buyer in "${CPQ_BUYERS[@]}"; do
    step "Assigning CheckoutKit_CPQ to $buyer"
    sf org assign permset --name CheckoutKit_CPQ --target-org "$ORG_ALIAS" --on-behalf-of "$buyer"
done

if [[ -n "$GUEST" ]]; then
    step "Assigning CheckoutKit_Guest to the site guest user $GUEST"
    sf org assign permset --name CheckoutKit_Guest --target-org "$ORG_ALIAS" --on-behalf-of "$GUEST"
fi
