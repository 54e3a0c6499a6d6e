import type { EmulatorState } from '../../emulator/src/index';

/**
 * The LWR site context the preview's stand-in modules export (`@salesforce/user/isGuest`,
 * `@salesforce/webstore/Id`, …): taken from the emulator on every page load, so it follows the scenario.
 */
export interface StoreContext {
    scenario: string;
    isGuest: boolean;
    webstoreId: string;
    userId: string;
    effectiveAccountId: string | null;
    cartId: string;
    /** The Industries CPQ cart (its header record id), in the `cpq` scenario. */
    cpqCartId: string | null;
    cpqNamespace: string | null;
    /** What `@app/csrfToken` gives the page: the emulator session's token, required on signed-in writes. */
    csrfToken: string;
}

const GUEST_USER_ID = '005SG000000PrvGYAS';
const BUYER_USER_ID = '005SG000000PrvBYAS';

export function storeContextOf(state: EmulatorState): StoreContext {
    const isGuest = state.accountId === null;
    return {
        scenario: state.scenario,
        isGuest,
        webstoreId: state.webstoreId,
        userId: isGuest ? GUEST_USER_ID : BUYER_USER_ID,
        effectiveAccountId: state.accountId,
        cartId: state.cartId,
        cpqCartId: state.cpqCartId,
        cpqNamespace: state.cpqNamespace,
        csrfToken: state.csrfToken
    };
}

export function renderContextModule(context: StoreContext): string {
    return (
        Object.entries(context)
            .map(([name, value]) => `export const ${name} = ${JSON.stringify(value)};`)
            .join('\n') + '\n'
    );
}
