/**
 * What an order should cost: the total of the same cart, address and delivery method in a clean run, without
 * a fault, on an emulator of its own (in this process, instant: timeScale 0). A scripted client (no engine)
 * starts the scenario's checkout, sends the address, picks the method by name and reads the grand total.
 * Prices, promotions, shipping and tax are deterministic in the emulator, so each combination runs once.
 */
import type {
    Checkout,
    CheckoutAddress
} from '../../force-app/main/default/lwc/checkoutStore/types';
import { startEmulatorServer, type EmulatorServer } from '../../emulator/src/index';
import { httpJson, type HttpAnswer } from './http';
import { connectUrl } from './node-transport';
import { defaultGroup } from './shopper';
import { TYPED_ADDRESS_FIELDS } from './soak-intents';

/** What decides a price: the cart (the scenario's), where it goes and how. */
export interface PricedCheckout {
    scenario: string;
    address: CheckoutAddress;
    methodName: string;
}

export class ReferencePrices {
    private server: Promise<EmulatorServer> | undefined;
    private readonly totals = new Map<string, Promise<string>>();
    /** Clean runs go one at a time: they share the reference emulator. */
    private queue: Promise<unknown> = Promise.resolve();

    /** The clean grand total of the checkout; rejects when the clean run cannot price it. */
    total(checkout: PricedCheckout): Promise<string> {
        const address: CheckoutAddress = {};
        for (const field of TYPED_ADDRESS_FIELDS) {
            if (checkout.address[field]) address[field] = checkout.address[field];
        }
        const key = JSON.stringify([checkout.scenario, address, checkout.methodName]);
        let total = this.totals.get(key);
        if (!total) {
            total = this.queue.then(() => this.cleanRun({ ...checkout, address }));
            this.queue = total.catch(() => undefined);
            this.totals.set(key, total);
        }
        return total;
    }

    async close(): Promise<void> {
        if (this.server) await (await this.server).close();
    }

    private async cleanRun({ scenario, address, methodName }: PricedCheckout): Promise<string> {
        this.server ??= startEmulatorServer({ port: 0 });
        const server = await this.server;
        const state = server.emulator.reset({
            scenario,
            seed: 1,
            timeScale: 0,
            idempotentOrders: true,
            faults: {}
        });
        const call = (method: string, path: string, body?: unknown): Promise<HttpAnswer> =>
            httpJson(method, connectUrl(server.url, state.webstoreId, path), {
                body,
                headers: method === 'GET' ? {} : { 'CSRF-Token': state.csrfToken }
            });
        const ready = async (id: string): Promise<Checkout> => {
            for (let attempt = 0; attempt < 50; attempt++) {
                const answer = await call('GET', `/checkouts/${id}`);
                if (answer.status === 200) return answer.body as Checkout;
                if (answer.status !== 202) break;
            }
            throw new Error(`the clean ${scenario} checkout did not get ready`);
        };
        const started = await call('PUT', '/checkouts', { cartId: 'active' });
        const id = (started.body as { checkoutId: string }).checkoutId;
        await ready(id);
        await call('PATCH', `/checkouts/${id}`, { deliveryAddress: address });
        const priced = await ready(id);
        const group = defaultGroup(priced.deliveryGroups.items);
        const method = group?.availableDeliveryMethods.find((m) => m.name === methodName);
        if (!method) throw new Error(`no ${methodName} for ${JSON.stringify(address)}`);
        if (group?.selectedDeliveryMethod?.id !== method.id)
            await call('PATCH', `/checkouts/${id}`, { deliveryMethodId: method.id });
        const total = (await ready(id)).cartSummary?.grandTotalAmount;
        if (!total) throw new Error(`the clean ${scenario} checkout has no total`);
        return total;
    }
}
