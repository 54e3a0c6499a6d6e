/**
 * The emulated org behind one façade: the HTTP side calls these methods, each of which is one resource's
 * function in model/ applied to the org's records (model/org.ts). Calculators run on a timeline
 * (model/calculatorTimeline.ts), so answers depend only on the clock and the seeded draws.
 */
import type { Calculator, Faults } from './faults';
import { accountAddressesPage, sessionContext } from './model/accounts';
import {
    currentCheckout,
    currentBillingAddress,
    currentPayments,
    getCheckout,
    getDeliveryGroup,
    processing
} from './model/checkoutReads';
import { startCheckout } from './model/checkoutStart';
import {
    deleteCheckout,
    expireCheckout,
    patchCheckout,
    patchDeliveryGroup
} from './model/checkoutWrites';
import { cpqCheckout, cpqSummary, setCpqOutcomes } from './model/cpq';
import { Org } from './model/org';
import { placeOrder } from './model/orders';
import { postPayment } from './model/payments';
import type {
    AddressOut,
    ApiResult,
    CpqState,
    ModelOptions,
    OrderRecord,
    PaymentRecord,
    ProcessingRecord
} from './model/records';
import { sessionRecord } from './model/session';
import type { Scenario } from './scenarios';

export type { ApiResult, CpqOrderOverrides } from './model/records';

export class OrgModel {
    private readonly org: Org;

    constructor(options: ModelOptions, faults: () => Faults, now: () => number) {
        this.org = new Org(options, faults, now);
    }

    get scenario(): Scenario {
        return this.org.scenario;
    }
    get webstoreId(): string {
        return this.org.webstoreId;
    }
    get cartId(): string {
        return this.org.cartId;
    }
    get accountId(): string {
        return this.org.accountId;
    }
    get cpq(): CpqState | null {
        return this.org.cpq;
    }
    get history(): ProcessingRecord[] {
        return this.org.history;
    }
    get orders(): OrderRecord[] {
        return this.org.orders;
    }
    get currentCheckoutId(): string | null {
        return this.org.currentCheckoutId;
    }
    get csrfToken(): string {
        return this.org.csrfToken;
    }
    get idempotentOrders(): boolean {
        return this.org.options.idempotentOrders !== false;
    }

    checkEffectiveAccount(effectiveAccountId: string | undefined): void {
        this.org.checkEffectiveAccount(effectiveAccountId);
    }

    // Connect REST
    startCheckout(body: unknown, apiVersion: number): ApiResult {
        return startCheckout(this.org, body, apiVersion);
    }
    getCheckout(idOrActive: string): ApiResult {
        return getCheckout(this.org, idOrActive);
    }
    patchCheckout(idOrActive: string, body: unknown, apiVersion: number): ApiResult {
        return patchCheckout(this.org, idOrActive, body, apiVersion);
    }
    deleteCheckout(idOrActive: string): ApiResult {
        return deleteCheckout(this.org, idOrActive);
    }
    /** The goneRate fault: the checkout expires (410 from now on); false when it can't. */
    expireCheckout(idOrActive: string): boolean {
        return expireCheckout(this.org, idOrActive);
    }
    getDeliveryGroup(cartIdOrActive: string, groupId: string): ApiResult {
        return getDeliveryGroup(this.org, cartIdOrActive, groupId);
    }
    patchDeliveryGroup(cartIdOrActive: string, groupId: string, body: unknown): ApiResult {
        return patchDeliveryGroup(this.org, cartIdOrActive, groupId, body);
    }
    postPayment(idOrActive: string, body: unknown): ApiResult {
        return postPayment(this.org, idOrActive, body);
    }
    placeOrder(idOrActive: string, body: unknown): ApiResult {
        return placeOrder(this.org, idOrActive, body);
    }
    accountAddressesPage(accountId: string, query: URLSearchParams): ApiResult {
        return accountAddressesPage(this.org, accountId, query);
    }
    sessionContext(): ApiResult {
        return sessionContext(this.org);
    }

    // Apex: CartCheckoutSession
    sessionRecord(idOrActive: string): Record<string, unknown> | null {
        return sessionRecord(this.org, idOrActive);
    }

    // Industries CPQ
    cpqSummary(namespace: string, cartId: string, href: string): ApiResult {
        return cpqSummary(this.org, namespace, cartId, href);
    }
    cpqCheckout(namespace: string, cartId: string, body: unknown): ApiResult {
        return cpqCheckout(this.org, namespace, cartId, body);
    }
    setCpqOutcomes(outcomes: string[] | undefined): void {
        setCpqOutcomes(this.org, outcomes);
    }

    // The admin state's views
    currentCheckout(): { status: number; body: Record<string, unknown> | null } | null {
        return currentCheckout(this.org);
    }
    currentBillingAddress(): AddressOut | null {
        return currentBillingAddress(this.org);
    }
    get paymentRequired(): boolean {
        return this.org.paymentRequired;
    }
    currentPayments(): PaymentRecord[] {
        return currentPayments(this.org);
    }
    processing(): { running: boolean; readyAt: number | null; calculators: Calculator[] } {
        return processing(this.org);
    }
}
