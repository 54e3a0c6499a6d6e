/**
 * The soak's shopper: random but seeded edits through a store's intent API, the way a person clicks and types,
 * and a record of what it last asked for on every field (the soak's lost-edit check compares against it).
 */
import type {
    CheckoutAddress,
    CheckoutSnapshot,
    CheckoutStore
} from '../../force-app/main/default/lwc/checkoutStore/types';
import { settle } from './engine-checkout';
import { between, pick, sleep, type Random } from './random';
import { defaultGroup, guestAddress, toCheckoutAddress } from './shopper';

const ADDRESSES: CheckoutAddress[] = [
    guestAddress,
    {
        name: 'Maria Garcia',
        firstName: 'Maria',
        lastName: 'Garcia',
        street: '100 Folsom Street',
        city: 'San Francisco',
        region: 'CA',
        postalCode: '94105',
        country: 'US'
    },
    {
        name: 'Dana Lee',
        firstName: 'Dana',
        lastName: 'Lee',
        street: '1 Main St',
        city: 'Boston',
        region: 'MA',
        postalCode: '02110',
        country: 'US'
    },
    {
        name: 'Sam Roe',
        firstName: 'Sam',
        lastName: 'Roe',
        street: '50 Queen St W',
        city: 'Toronto',
        region: 'ON',
        postalCode: 'M5H 2N2',
        country: 'CA'
    }
];
const FIRST_NAMES = ['Alan', 'Ana', 'Noor', 'Kenji', 'Zoë'];
const INSTRUCTIONS = ['Leave at the door', 'Ring twice', 'Gate code 1234', 'Back entrance'];
const CUSTOM_TEXT = ['Foo', 'Bar', 'Gift for Sam', 'PO 4711'];

/** The shopper's last word on one field, and the tab it was given in. */
export interface Intent {
    value: unknown;
    tab: string;
}

/** One store instance on the page, as a browser tab holds it. */
export interface Tab {
    name: string;
    store: CheckoutStore;
}

/**
 * The random, seeded shopper: edits in bursts, picks delivery methods, retries failed edits and answers what
 * blocks the place-order button, remembering the last intent for every field it touched.
 */
export class Shopper {
    readonly intents = new Map<string, Intent>();
    private methodAfterAddress = true;

    constructor(
        private readonly random: Random,
        private readonly timeScale: number,
        private readonly buyer: boolean
    ) {}

    pause(maxMs: number): Promise<void> {
        return sleep(between(this.random, 0, maxMs) * this.timeScale);
    }

    groupId(store: CheckoutStore): string | undefined {
        return defaultGroup(store.getSnapshot().deliveryGroups)?.id;
    }

    editContact(tab: Tab): void {
        if (this.buyer) return;
        const first = pick(this.random, FIRST_NAMES);
        const email = `${first.toLowerCase().replace('ë', 'e')}.${Math.floor(this.random() * 1000)}@example.com`;
        // Typed in several steps: every intermediate value is valid, only the last one must survive.
        const steps = 1 + Math.floor(this.random() * 3);
        for (let step = 1; step <= steps; step++) {
            const values = {
                firstName: first,
                lastName: 'Tester',
                email: step === steps ? email : `x${step}${email}`
            };
            tab.store.updateContact(values);
            for (const [key, value] of Object.entries(values))
                this.intents.set(`contact.${key}`, { value, tab: tab.name });
        }
    }

    editAddress(tab: Tab): void {
        const groupId = this.groupId(tab.store);
        if (!groupId) return;
        const snapshot = tab.store.getSnapshot();
        const saved = snapshot.accountAddresses;
        let address: CheckoutAddress;
        if (this.buyer && saved.length > 0 && this.random() < 0.7) {
            address = toCheckoutAddress(pick(this.random, saved));
        } else {
            address = pick(this.random, ADDRESSES);
        }
        tab.store.updateShipping(groupId, { deliveryAddress: address });
        this.intents.set(`group.${groupId}.deliveryAddress`, { value: address, tab: tab.name });
        this.methodAfterAddress = false;
    }

    editInstructions(tab: Tab): void {
        const groupId = this.groupId(tab.store);
        if (!groupId) return;
        const value = `${pick(this.random, INSTRUCTIONS)} #${Math.floor(this.random() * 100)}`;
        tab.store.updateShipping(groupId, { shippingInstructions: value });
        this.intents.set(`group.${groupId}.shippingInstructions`, { value, tab: tab.name });
    }

    editDate(tab: Tab): void {
        const groupId = this.groupId(tab.store);
        if (!groupId) return;
        const day = new Date(
            Date.UTC(2027, Math.floor(this.random() * 12), 1 + Math.floor(this.random() * 28))
        );
        const value = day.toISOString().slice(0, 10);
        tab.store.updateShipping(groupId, { desiredDeliveryDate: value });
        this.intents.set(`group.${groupId}.desiredDeliveryDate`, { value, tab: tab.name });
    }

    editCustomField(tab: Tab): void {
        const value = pick(this.random, CUSTOM_TEXT);
        tab.store.updateCustomFields({ type: 'WebCart' }, { MyCustomTextField__c: value });
        this.intents.set('custom.WebCart.MyCustomTextField__c', { value, tab: tab.name });
    }

    /** Picks a delivery method the server offers now (when the store knows any). */
    selectMethod(tab: Tab): void {
        const group = defaultGroup(tab.store.getSnapshot().deliveryGroups);
        if (!group || group.availableDeliveryMethods.length === 0) return;
        const method = pick(this.random, group.availableDeliveryMethods);
        tab.store.selectDeliveryMethod(group.id, method.id);
        this.intents.set(`group.${group.id}.deliveryMethodId`, { value: method.id, tab: tab.name });
        this.methodAfterAddress = true;
    }

    /**
     * The server no longer shows the method the shopper chose (a failed shipping calculation clears it): a
     * shopper who looks at the page picks one again; with none on offer the choice is void.
     */
    methodWasDropped(tab: Tab): boolean {
        const group = defaultGroup(tab.store.getSnapshot().deliveryGroups);
        if (!group) return false;
        const key = `group.${group.id}.deliveryMethodId`;
        const intent = this.intents.get(key);
        if (!intent || group.selectedDeliveryMethodId === intent.value) return false;
        if (tab.store.getSnapshot().edits[key]) return false; // still on its way
        if (group.availableDeliveryMethods.length === 0) {
            this.intents.delete(key);
            return false;
        }
        return true;
    }

    /** Presses "retry" on the tab's failed edits: their kept values become the shopper's latest word. */
    retryFailed(tab: Tab, snapshot: CheckoutSnapshot): boolean {
        const failed = Object.entries(snapshot.edits).filter(
            ([, edit]) => edit.status === 'failed'
        );
        if (failed.length === 0) return false;
        for (const [field, edit] of failed)
            this.intents.set(field, { value: edit.value, tab: tab.name });
        tab.store.retryFailed();
        return true;
    }

    /**
     * What a shopper does when the button stays blocked: fills in what is missing, and after a failed
     * calculation enters the address again (which runs the calculators again).
     */
    async respondToBlockers(tab: Tab, snapshot: CheckoutSnapshot, limitMs: number): Promise<void> {
        const blockers = new Set(snapshot.placeOrderBlockers);
        if (blockers.has('missing-contact')) this.editContact(tab);
        if (blockers.has('missing-address') || blockers.has('session-error')) this.editAddress(tab);
        await settle(tab.store, limitMs);
        if (
            blockers.has('missing-delivery-method') ||
            this.needsMethod ||
            this.methodWasDropped(tab)
        ) {
            this.selectMethod(tab);
        }
    }

    get needsMethod(): boolean {
        return !this.methodAfterAddress;
    }

    /** A random burst of edits, some of them while the server is still processing the previous ones. */
    async editRandomly(tab: Tab, count: number): Promise<void> {
        const actions = [
            () => this.editContact(tab),
            () => this.editAddress(tab),
            () => this.editInstructions(tab),
            () => this.editDate(tab),
            () => this.editCustomField(tab),
            () => this.selectMethod(tab)
        ];
        for (let index = 0; index < count; index++) {
            pick(this.random, actions)();
            await this.pause(this.random() < 0.5 ? 30 : 600);
        }
    }
}
