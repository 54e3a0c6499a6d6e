/**
 * The emulated org: one webstore, one buyer, one cart and its checkout sessions, with the ids, seeded streams
 * and clock every resource draws on, and the lookups they share. The resources themselves are in their own
 * modules, as functions of an Org; `OrgModel` (../model.ts) is the façade over them.
 */
import { ApiError, invalidInput, notFound } from '../errors';
import type { Faults } from '../faults';
import { IdFactory, PREFIX, makeId, sameId } from '../ids';
import { Random, deriveSeed } from '../random';
import { SCENARIOS, type Scenario } from '../scenarios';
import { csrfTokenFor } from './accounts';
import { settleCheckout } from './calculatorTimeline';
import { buildCpq } from './cpq';
import type {
    CheckoutState,
    CpqState,
    GroupState,
    ModelOptions,
    OrderRecord,
    ProcessingRecord,
    SavedAddress
} from './records';

export class Org {
    readonly scenario: Scenario;
    readonly webstoreId: string;
    readonly cartId: string;
    readonly accountId: string;
    readonly ownerId: string;
    readonly cartName = 'Cart';
    readonly accountAddresses: SavedAddress[];
    readonly cpq: CpqState | null;
    readonly history: ProcessingRecord[] = [];
    readonly orders: OrderRecord[] = [];
    readonly checkouts: CheckoutState[] = [];
    readonly ids: IdFactory;
    /** Calculator and order durations and calculator failures, in the order the writes ask for them. */
    readonly calcRandom: Random;
    /** Order reference numbers. */
    readonly orderRandom: Random;
    readonly today: number;
    /** The signed-in session's CSRF token (a guest's page has one too, but guest writes don't need it). */
    readonly csrfToken: string;
    activeCheckout: CheckoutState | null = null;
    /** Place order refuses a checkout without an authorized payment. */
    readonly paymentRequired: boolean;
    cpqOutcomes: string[];

    constructor(
        readonly options: ModelOptions,
        readonly faults: () => Faults,
        readonly now: () => number
    ) {
        const scenario = SCENARIOS[options.scenario];
        if (!scenario)
            throw invalidInput(
                `Unknown scenario "${options.scenario}". Known: ${Object.keys(SCENARIOS).join(', ')}.`
            );
        this.scenario = scenario;
        this.ids = new IdFactory(1000 + (deriveSeed(options.seed, 0) % 50000) * 100);
        this.calcRandom = new Random(deriveSeed(options.seed, 1));
        this.orderRandom = new Random(deriveSeed(options.seed, 2));
        this.today = parseToday(options.today);
        this.csrfToken = csrfTokenFor(options.seed, options.scenario);
        // Fixed per scenario so that a page reload after a reset still finds the same store.
        this.webstoreId = makeId(PREFIX.webstore, 7001);
        this.accountId = makeId(PREFIX.account, 7002);
        this.ownerId = makeId('005', 7003);
        this.cartId = this.ids.next(PREFIX.cart);
        this.accountAddresses = scenario.accountAddresses.map((a) => ({
            ...a,
            addressId: this.ids.next(PREFIX.address)
        }));
        this.cpq = scenario.cpq
            ? buildCpq(this.ids, scenario, options.cpqOrder, options.cpqSettings)
            : null;
        this.cpqOutcomes = [...(options.cpqOutcome ?? [])];
        this.paymentRequired = options.paymentRequired ?? scenario.paymentRequired ?? false;
    }

    groupsById(checkout: CheckoutState, ids: string[]): GroupState[] {
        return checkout.groups.filter((g) => ids.includes(g.id));
    }

    resolveCheckout(idOrActive: string): CheckoutState {
        if (idOrActive === 'active') {
            if (!this.activeCheckout)
                throw checkoutNotFound(
                    'There is no active checkout for this cart. Start one first.'
                );
            return this.activeCheckout;
        }
        const checkout = this.checkouts.find((c) => sameId(c.id, idOrActive));
        if (!checkout) throw checkoutNotFound(`Checkout "${idOrActive}" was not found.`);
        if (checkout.deleted)
            throw new ApiError(
                410,
                'GONE',
                `Checkout "${idOrActive}" is gone (deleted or expired). Start a new checkout.`
            );
        return checkout;
    }

    /** The checkout a request targets, with its due steps applied. */
    checkoutFor(idOrActive: string): CheckoutState {
        const checkout = this.resolveCheckout(idOrActive);
        settleCheckout(this, checkout, this.now());
        return checkout;
    }

    defaultGroup(checkout: CheckoutState): GroupState {
        return checkout.groups.find((g) => g.isDefault) ?? checkout.groups[0];
    }

    checkCart(cartIdOrActive: string): void {
        if (cartIdOrActive !== 'active' && !sameId(cartIdOrActive, this.cartId)) {
            throw notFound(`Cart "${cartIdOrActive}" was not found for this buyer.`);
        }
    }

    checkEffectiveAccount(effectiveAccountId: string | undefined): void {
        if (effectiveAccountId === undefined || effectiveAccountId === '') return;
        if (this.scenario.isGuest || !sameId(effectiveAccountId, this.accountId)) {
            throw notFound(
                `Effective account "${effectiveAccountId}" was not found or isn't accessible to this user.`
            );
        }
    }

    get currentCheckoutId(): string | null {
        return this.activeCheckout?.id ?? this.checkouts[this.checkouts.length - 1]?.id ?? null;
    }

    findAny(id: string): CheckoutState {
        const checkout = this.checkouts.find((c) => sameId(c.id, id));
        if (!checkout) throw notFound(`Checkout "${id}" was not found.`);
        return checkout;
    }
}

/** The platform's 404 for a checkout (its code as Salesforce's own storefront tests expect it). */
function checkoutNotFound(message: string): ApiError {
    return new ApiError(404, 'CHECKOUT_NOT_FOUND', message);
}

function parseToday(today: string | undefined): number {
    if (today !== undefined) {
        const t = Date.parse(`${today}T00:00:00.000Z`);
        if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(t))
            throw invalidInput('today must be yyyy-MM-dd.');
        return t;
    }
    const now = new Date();
    return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
}
