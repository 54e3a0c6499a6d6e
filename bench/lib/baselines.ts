/**
 * The two baselines: small clients that do the same checkout steps as the engine run, each with its own poll
 * schedule. They send exactly the writes the shopper script implies (contact and address together for a guest,
 * as the API's own guest example does), so only the waiting differs between strategies.
 */
import type {
    AccountAddress,
    Checkout,
    CheckoutTransport,
    HttpResponse
} from '../../force-app/main/default/lwc/checkoutStore/types';
import { between, sleep, type Random } from './random';
import {
    chooseAccountAddress,
    chooseDeliveryMethod,
    defaultGroup,
    guestAddress,
    guestContact,
    isBuyerScenario,
    toCheckoutAddress
} from './shopper';

export type BaselineName = 'uc-backoff' | 'fixed-1s';

/** The delay before poll number `attempt` (0-based) of one wait, or null to give up. */
export type PollSchedule = (attempt: number, waitedMs: number, random: Random) => number | null;

/** The UC data layer: 4 immediate GETs, then 100–400 ms, then 750·2^n ms, giving up after about 95 s. */
export const ucBackoffSchedule: PollSchedule = (attempt, waitedMs, random) => {
    if (waitedMs > 95_000) return null;
    if (attempt < 4) return 0;
    if (attempt === 4) return between(random, 100, 400);
    return 750 * 2 ** (attempt - 5);
};

/** A fixed poll: one GET right after the write, then one every second, giving up after 2 minutes. */
export const fixedOneSecondSchedule: PollSchedule = (attempt, waitedMs) => {
    if (waitedMs > 120_000) return null;
    return attempt === 0 ? 0 : 1_000;
};

export const baselineSchedules: Record<BaselineName, PollSchedule> = {
    'uc-backoff': ucBackoffSchedule,
    'fixed-1s': fixedOneSecondSchedule
};

const CONFLICT_ATTEMPTS = 4;

export interface BaselineContext {
    transport: CheckoutTransport;
    schedule: PollSchedule;
    random: Random;
    scenario: string;
    accountId: string | null;
    /** Multiplies every poll delay, as the emulator's timeScale multiplies its delays (0.05 = 20× faster). */
    timeScale: number;
}

class BaselineClient {
    private checkoutId = '';

    constructor(private readonly context: BaselineContext) {}

    private get query(): Record<string, string> | undefined {
        return this.context.accountId ? { effectiveAccountId: this.context.accountId } : undefined;
    }

    async waitUntilReady(): Promise<Checkout> {
        const { schedule, random, timeScale, transport } = this.context;
        let waited = 0;
        for (let attempt = 0; ; attempt++) {
            const delay = schedule(attempt, waited, random);
            if (delay === null) throw new Error('The checkout did not become ready in time');
            waited += delay;
            if (delay > 0) await sleep(delay * timeScale);
            const answer = await transport.connect('GET', `/checkouts/${this.checkoutId}`, {
                query: this.query
            });
            if (answer.status === 200 || answer.status === 422) return answer.body as Checkout;
            if (answer.status !== 202) throw new Error(`GET checkout answered ${answer.status}`);
        }
    }

    private async settle(answer: HttpResponse): Promise<Checkout | null> {
        if (answer.status === 202) return this.waitUntilReady();
        if (answer.status === 200) return answer.body as Checkout;
        return null;
    }

    async start(): Promise<Checkout> {
        const answer = await this.context.transport.connect('POST', '/checkouts', {
            query: this.query,
            body: { cartId: 'active' }
        });
        if (answer.status !== 200 && answer.status !== 202) {
            throw new Error(`Start answered ${answer.status}`);
        }
        this.checkoutId = (answer.body as { checkoutId: string }).checkoutId;
        return answer.status === 202 ? this.waitUntilReady() : (answer.body as Checkout);
    }

    /** PATCH with the UC conflict policy: on 409, wait for readiness and try again, 4 attempts in all. */
    async patch(body: Record<string, unknown>): Promise<Checkout> {
        for (let attempt = 1; attempt <= CONFLICT_ATTEMPTS; attempt++) {
            const answer = await this.context.transport.connect(
                'PATCH',
                `/checkouts/${this.checkoutId}`,
                {
                    query: this.query,
                    body
                }
            );
            if (answer.status === 409) {
                await this.waitUntilReady();
                continue;
            }
            const checkout = await this.settle(answer);
            if (!checkout) throw new Error(`PATCH answered ${answer.status}`);
            return checkout;
        }
        throw new Error('PATCH kept conflicting');
    }

    async accountAddresses(): Promise<AccountAddress[]> {
        const answer = await this.context.transport.connect(
            'GET',
            `/accounts/${this.context.accountId}/addresses`,
            { query: { addressType: 'Shipping', pageSize: '50' } }
        );
        if (answer.status !== 200) throw new Error(`Addresses answered ${answer.status}`);
        return (answer.body as { items?: AccountAddress[] }).items ?? [];
    }

    async placeOrder(): Promise<string> {
        const answer = await this.context.transport.connect(
            'POST',
            `/checkouts/${this.checkoutId}/orders`,
            { query: this.query }
        );
        if (answer.status !== 201 && answer.status !== 200) {
            throw new Error(`Place order answered ${answer.status}`);
        }
        return (answer.body as { orderReferenceNumber: string }).orderReferenceNumber;
    }
}

/** One full checkout with a baseline's poll schedule; resolves with the order reference number. */
export async function runBaselineCheckout(context: BaselineContext): Promise<string> {
    const client = new BaselineClient(context);
    const buyer = isBuyerScenario(context.scenario, context.accountId);
    let checkout: Checkout;
    if (buyer) {
        // The address book does not depend on the checkout: fetch both at once, as any good client would.
        const [started, addresses] = await Promise.all([client.start(), client.accountAddresses()]);
        checkout = started;
        const chosen = chooseAccountAddress(addresses);
        if (chosen) checkout = await client.patch({ deliveryAddress: toCheckoutAddress(chosen) });
    } else {
        await client.start();
        checkout = await client.patch({ contactInfo: guestContact, deliveryAddress: guestAddress });
    }
    const group = defaultGroup(checkout.deliveryGroups.items);
    const method = group && chooseDeliveryMethod(group, group.selectedDeliveryMethod?.id);
    if (method) await client.patch({ deliveryMethodId: method.id });
    return client.placeOrder();
}
