/**
 * The scripted clients: the two baselines and the oracle do the same checkout steps as the engine run, each
 * waiting in its own way. They send exactly the writes the shopper script implies (contact and address together
 * for a guest, as the API's own guest example does), so only the waiting differs between strategies.
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

/** A wait after a write, named as the engine names its operation kinds. */
export type WaitKind = 'start' | 'startWithAddress' | 'shipping' | 'deliveryMethod' | 'conflict';

/** How a client waits after a write answered 202: it sends `get` (one GET of the checkout) until 200 or 422. */
export type Waiter = (kind: WaitKind, get: () => Promise<HttpResponse>) => Promise<HttpResponse>;

const isSettled = (answer: HttpResponse): boolean => answer.status === 200 || answer.status === 422;

/** One GET after another, each `schedule` ms after the previous answer (times `timeScale`). */
export function scheduledWaiter(schedule: PollSchedule, random: Random, timeScale: number): Waiter {
    return async (_kind, get) => {
        let waited = 0;
        for (let attempt = 0; ; attempt++) {
            const delay = schedule(attempt, waited, random);
            if (delay === null) throw new Error('The checkout did not become ready in time');
            waited += delay;
            if (delay > 0) await sleep(delay * timeScale);
            const answer = await get();
            if (isSettled(answer)) return answer;
            if (answer.status !== 202) throw new Error(`GET checkout answered ${answer.status}`);
        }
    };
}

/**
 * Sends a GET at each offset `offsetsFor(kind)` gives (ms after the write's answer, times `timeScale`) without
 * waiting for earlier answers, and settles with the first answer that sees the result. Past the last offset it
 * goes on every `thenEveryMs`, in case a GET drew a round trip shorter than planned for, and gives up after
 * `giveUpMs`, as the baselines do.
 */
export function timedWaiter(
    offsetsFor: (kind: WaitKind) => number[],
    timeScale: number,
    thenEveryMs = 50,
    giveUpMs = 120_000
): Waiter {
    return (kind, get) =>
        new Promise((resolve, reject) => {
            const offsets = offsetsFor(kind);
            const timers: NodeJS.Timeout[] = [];
            let settled = false;
            const finish = (settle: () => void) => {
                if (settled) return;
                settled = true;
                timers.forEach((timer) => clearTimeout(timer));
                settle();
            };
            const poll = () =>
                get().then(
                    (answer) => {
                        if (isSettled(answer)) finish(() => resolve(answer));
                        else if (answer.status !== 202)
                            finish(() =>
                                reject(new Error(`GET checkout answered ${answer.status}`))
                            );
                    },
                    (error: unknown) => finish(() => reject(error))
                );
            offsets.forEach((offset) =>
                timers.push(setTimeout(() => void poll(), offset * timeScale))
            );
            const started = Date.now();
            const keepPolling = () => {
                if (settled) return;
                if (Date.now() - started > giveUpMs * timeScale) {
                    finish(() => reject(new Error('The checkout did not become ready in time')));
                    return;
                }
                void poll();
                timers.push(setTimeout(keepPolling, thenEveryMs * timeScale));
            };
            const last = offsets[offsets.length - 1] ?? 0;
            timers.push(setTimeout(keepPolling, (last + thenEveryMs) * timeScale));
        });
}

const CONFLICT_ATTEMPTS = 4;

export interface ScriptedClientContext {
    transport: CheckoutTransport;
    waiter: Waiter;
    scenario: string;
    accountId: string | null;
}

/** The checkout steps the shopper script implies, with no policy of its own but how it waits. */
class ScriptedClient {
    private checkoutId = '';

    constructor(private readonly context: ScriptedClientContext) {}

    private get query(): Record<string, string> | undefined {
        return this.context.accountId ? { effectiveAccountId: this.context.accountId } : undefined;
    }

    async waitUntilReady(kind: WaitKind): Promise<Checkout> {
        const answer = await this.context.waiter(kind, () =>
            this.context.transport.connect('GET', `/checkouts/${this.checkoutId}`, {
                query: this.query
            })
        );
        return answer.body as Checkout;
    }

    private async settle(answer: HttpResponse, kind: WaitKind): Promise<Checkout | null> {
        if (answer.status === 202) return this.waitUntilReady(kind);
        if (answer.status === 200) return answer.body as Checkout;
        return null;
    }

    async start(kind: WaitKind): Promise<Checkout> {
        const answer = await this.context.transport.connect('POST', '/checkouts', {
            query: this.query,
            body: { cartId: 'active' }
        });
        if (answer.status !== 200 && answer.status !== 202) {
            throw new Error(`Start answered ${answer.status}`);
        }
        this.checkoutId = (answer.body as { checkoutId: string }).checkoutId;
        return answer.status === 202 ? this.waitUntilReady(kind) : (answer.body as Checkout);
    }

    /** PATCH with the UC conflict policy: on 409, wait for readiness and try again, 4 attempts in all. */
    async patch(body: Record<string, unknown>, kind: WaitKind): Promise<Checkout> {
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
                await this.waitUntilReady('conflict');
                continue;
            }
            const checkout = await this.settle(answer, kind);
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

/** One full checkout waiting as `context.waiter` does; resolves with the order reference number. */
export async function runScriptedCheckout(context: ScriptedClientContext): Promise<string> {
    const client = new ScriptedClient(context);
    const buyer = isBuyerScenario(context.scenario, context.accountId);
    let checkout: Checkout;
    if (buyer) {
        // The address book does not depend on the checkout: fetch both at once, as any good client would.
        const [started, addresses] = await Promise.all([
            client.start('startWithAddress'),
            client.accountAddresses()
        ]);
        checkout = started;
        const chosen = chooseAccountAddress(addresses);
        if (chosen) {
            checkout = await client.patch(
                { deliveryAddress: toCheckoutAddress(chosen) },
                'shipping'
            );
        }
    } else {
        await client.start('start');
        checkout = await client.patch(
            { contactInfo: guestContact, deliveryAddress: guestAddress },
            'shipping'
        );
    }
    const group = defaultGroup(checkout.deliveryGroups.items);
    const method = group && chooseDeliveryMethod(group, group.selectedDeliveryMethod?.id);
    if (method) await client.patch({ deliveryMethodId: method.id }, 'deliveryMethod');
    return client.placeOrder();
}
