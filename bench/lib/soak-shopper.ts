/**
 * The soak's shopper: random but seeded edits through a store's intent API, the way a person clicks and types,
 * each one written to the intent log from the shopper's own choice. It reads the page as a person does (the
 * forms, the options offered, the messages) to decide what to do next, never to decide what it wanted.
 */
import type {
    CheckoutAddress,
    CheckoutSnapshot
} from '../../force-app/main/default/lwc/checkoutStore/types';
import { ENGINE_CODES } from '../../force-app/main/default/lwc/checkoutStore/engineCodes';
import { labelText } from './invariants';
import { between, pick, sleep, type Random } from './random';
import { defaultGroup, toCheckoutAddress } from './shopper';
import {
    CONTACT_INTENTS,
    CUSTOM_FIELD,
    IntentLog,
    sameAsIntent,
    shownValue,
    type IntentField
} from './soak-intents';
import type { SoakTab } from './soak-page';

/** Addresses as the shipping form takes them (the API derives its own `name`: the soak never compares it). */
const ADDRESSES: CheckoutAddress[] = [
    {
        name: 'Alan Johnson',
        firstName: 'Alan',
        lastName: 'Johnson',
        street: '415 Mission St',
        city: 'San Francisco',
        region: 'CA',
        postalCode: '94105',
        country: 'US'
    },
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

/** Messages that tell the shopper to sign in again or reload the page. */
const RELOAD_LABELS = [
    'CheckoutKit_ErrorSignedOut',
    'CheckoutKit_ErrorGuestSessionEnded',
    'CheckoutKit_ErrorLoad'
];
/** Messages whose way forward is the section's "Try again" (`retryFailed`). */
const TRY_AGAIN_CODES = new Set<string>([
    ENGINE_CODES.conflict,
    ENGINE_CODES.network,
    ENGINE_CODES.server,
    ENGINE_CODES.timeout,
    ENGINE_CODES.session
]);
/** Messages that ask the shopper to check the delivery method. */
const METHOD_CODES = [ENGINE_CODES.methodReset, ENGINE_CODES.methodUnavailable];

export type Reaction = 'reload' | 'acted' | 'nothing';

export class Shopper {
    /** Reloaded tabs whose lost method could not be entered again yet. */
    private readonly methodToReenter = new Set<string>();
    /** Values entered again after a reload because the page did not show them as the shopper left them. */
    reenteredAfterReload = 0;

    constructor(
        private readonly random: Random,
        private readonly timeScale: number,
        private readonly buyer: boolean,
        readonly intents = new IntentLog()
    ) {}

    pause(maxMs: number): Promise<void> {
        return sleep(between(this.random, 0, maxMs) * this.timeScale);
    }

    /**
     * Enters `value` in `field` on the tab's page and logs it; false (nothing logged) when the page has no
     * control for it now (no delivery group shown yet, the method not offered).
     */
    enter(tab: SoakTab, field: IntentField, value: unknown, again = false): boolean {
        const { store } = tab;
        const group = defaultGroup(store.getSnapshot().deliveryGroups);
        switch (field) {
            case 'contact.firstName':
            case 'contact.lastName':
            case 'contact.email':
                store.updateContact({ [field.slice('contact.'.length)]: value as string });
                break;
            case 'shipping.deliveryAddress':
            case 'shipping.shippingInstructions':
            case 'shipping.desiredDeliveryDate':
                if (!group) return false;
                store.updateShipping(group.id, { [field.slice('shipping.'.length)]: value });
                break;
            case 'shipping.deliveryMethod': {
                const method = group?.availableDeliveryMethods.find((m) => m.name === value);
                if (!group || !method) return false;
                store.selectDeliveryMethod(group.id, method.id);
                break;
            }
            case 'custom.MyCustomTextField__c':
                store.updateCustomFields({ type: 'WebCart' }, { [CUSTOM_FIELD]: value });
                break;
            case 'payment.purchaseOrderNumber':
                store.updatePayment({
                    purchaseOrderNumber: value as string,
                    billingAddress: 'shipping'
                });
                break;
        }
        this.intents.record(tab.name, field, value, again);
        return true;
    }

    editContact(tab: SoakTab): void {
        if (this.buyer) return; // a buyer's contact comes from the account
        const first = pick(this.random, FIRST_NAMES);
        const email = `${first.toLowerCase().replace('ë', 'e')}.${Math.floor(this.random() * 1000)}@example.com`;
        // Typed in several steps: every intermediate value is valid, only the last one must survive.
        const steps = 1 + Math.floor(this.random() * 3);
        for (let step = 1; step <= steps; step++) {
            this.enter(tab, 'contact.firstName', first);
            this.enter(tab, 'contact.lastName', 'Tester');
            this.enter(tab, 'contact.email', step === steps ? email : `x${step}${email}`);
        }
    }

    editAddress(tab: SoakTab): void {
        const saved = tab.store.getSnapshot().accountAddresses;
        const address =
            this.buyer && saved.length > 0 && this.random() < 0.7
                ? (() => {
                      const chosen = pick(this.random, saved);
                      return { ...toCheckoutAddress(chosen), id: chosen.addressId };
                  })()
                : pick(this.random, ADDRESSES);
        this.enter(tab, 'shipping.deliveryAddress', address);
    }

    editInstructions(tab: SoakTab): void {
        const value = `${pick(this.random, INSTRUCTIONS)} #${Math.floor(this.random() * 100)}`;
        this.enter(tab, 'shipping.shippingInstructions', value);
    }

    editDate(tab: SoakTab): void {
        const day = new Date(
            Date.UTC(2027, Math.floor(this.random() * 12), 1 + Math.floor(this.random() * 28))
        );
        this.enter(tab, 'shipping.desiredDeliveryDate', day.toISOString().slice(0, 10));
    }

    editCustomField(tab: SoakTab): void {
        this.enter(tab, 'custom.MyCustomTextField__c', pick(this.random, CUSTOM_TEXT));
    }

    /** A purchase-order number, billed to the shipping address. */
    pay(tab: SoakTab): void {
        this.enter(tab, 'payment.purchaseOrderNumber', `PO-${Math.floor(this.random() * 100000)}`);
    }

    /** Picks a delivery method on offer: `preferred` when it is, otherwise any; false with none offered. */
    selectMethod(tab: SoakTab, preferred?: unknown): boolean {
        const group = defaultGroup(tab.store.getSnapshot().deliveryGroups);
        const offered = group?.availableDeliveryMethods ?? [];
        if (offered.length === 0) return false;
        const method =
            offered.find((candidate) => candidate.name === preferred) ?? pick(this.random, offered);
        return this.enter(tab, 'shipping.deliveryMethod', method.name, method.name === preferred);
    }

    /** A random burst of edits, some of them while the server is still processing the previous ones. */
    async editRandomly(tab: SoakTab, count: number): Promise<void> {
        const actions = [
            () => this.editContact(tab),
            () => this.editAddress(tab),
            () => this.editInstructions(tab),
            () => this.editDate(tab),
            () => this.editCustomField(tab),
            () => this.selectMethod(tab),
            () => this.pay(tab)
        ];
        for (let index = 0; index < count; index++) {
            pick(this.random, actions)();
            await this.pause(this.random() < 0.5 ? 30 : 600);
        }
    }

    /**
     * Does what the settled page says: reload when the session ended, "Try again" on failed edits and
     * calculations, save a failed payment again, check the delivery method when told it changed, fill in
     * what Place Order says is missing. Re-entered values are the shopper's own, from the intent log.
     */
    react(tab: SoakTab, snapshot: CheckoutSnapshot): Reaction {
        if (snapshot.phase === 'complete') return 'nothing'; // the page shows the order: done
        const texts = new Set(snapshot.messages.map((message) => message.message));
        if (RELOAD_LABELS.some((label) => texts.has(labelText(label)))) return 'reload';
        let acted = false;
        const codes = snapshot.messages.map((message) => message.code);
        const failedEdit = Object.values(snapshot.edits).some((edit) => edit.status === 'failed');
        if (failedEdit || codes.some((code) => TRY_AGAIN_CODES.has(code))) {
            tab.store.retryFailed();
            acted = true;
        } else if (snapshot.failedCalculations.length > 0) {
            tab.store.retryCalculation();
            acted = true;
        }
        const last = this.intents.last();
        const payment = last.get('payment.purchaseOrderNumber');
        if (payment && snapshot.payment?.status === 'failed')
            acted = this.enter(tab, payment.field, payment.value, true) || acted;
        if (this.methodToReenter.has(tab.name)) {
            this.reenterMethod(tab, snapshot);
            acted = true;
        }
        const blockers = new Set(snapshot.placeOrderBlockers);
        const methodNews = codes.some((code) => METHOD_CODES.some((m) => code.startsWith(m)));
        if (methodNews || blockers.has('missing-delivery-method'))
            acted = this.selectMethod(tab, last.get('shipping.deliveryMethod')?.value) || acted;
        if (blockers.has('missing-contact')) {
            const typed = CONTACT_INTENTS.flatMap((field) => last.get(field) ?? []);
            if (typed.length === 0) this.editContact(tab);
            for (const entry of typed) this.enter(tab, entry.field, entry.value, true);
            acted = true;
        }
        if (blockers.has('missing-address')) {
            const address = last.get('shipping.deliveryAddress');
            acted = address ? this.enter(tab, address.field, address.value, true) || acted : true;
            if (!address) this.editAddress(tab);
        }
        return acted ? 'acted' : 'nothing';
    }

    /**
     * After a reload, the shopper enters again whatever the page does not show as they left it (the method
     * waits for `reenterMethod`, once the address is in and its options are known).
     */
    reenter(tab: SoakTab, snapshot: CheckoutSnapshot): void {
        for (const [field, entry] of this.intents.last()) {
            if (field === 'shipping.deliveryMethod') continue;
            if (!sameAsIntent(field, entry.value, shownValue(snapshot, field)))
                this.reenteredAfterReload += Number(this.enter(tab, field, entry.value, true));
        }
    }

    /**
     * After a reload, the method the page lost, once its options are known: while none are offered (a shipping
     * calculation that failed) it waits for a later round (`react`).
     */
    reenterMethod(tab: SoakTab, snapshot: CheckoutSnapshot): void {
        const method = this.intents.last().get('shipping.deliveryMethod');
        const shown = !method || shownValue(snapshot, method.field) === method.value;
        const done = shown || this.selectMethod(tab, method.value);
        if (!shown && done) this.reenteredAfterReload++;
        if (done) this.methodToReenter.delete(tab.name);
        else this.methodToReenter.add(tab.name);
    }
}
