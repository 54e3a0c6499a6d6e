/**
 * The soak's invariants that need nothing but the record: the emulator's request log, the clients' journal,
 * and what a message says. Checks that need the shopper's intents live in soak-verdict.ts.
 */
import {
    CALCULATOR_ERROR,
    CONTACT_INCOMPLETE,
    NO_DELIVERY_METHODS,
    PAYMENT_DECLINED,
    missingForGroup
} from '../../emulator/src/model/errorCatalogue';
import type { GroupState } from '../../emulator/src/model/records';
import { loggedJson } from '../../emulator/src/index';
import { isWrite } from './analysis';
import type { ServerRequest } from './emulator';
import type { JournalEntry } from './node-transport';
import { isCheckoutPatch, isDeliveryGroupPatch, patchViolations } from './patch-rules';
import { customLabels } from './platform-modules';

export interface Violation {
    invariant: string;
    detail: string;
}

/**
 * PATCHes that reached the server in breach of the documented rules, their bodies read from the log's text;
 * a body the log cut short cannot be cleared, so it counts.
 */
export function forbiddenBodies(requests: readonly ServerRequest[]): Violation[] {
    return requests.flatMap((request) => {
        const ruled =
            isCheckoutPatch(request.method, request.path) ||
            isDeliveryGroupPatch(request.method, request.path);
        const problems = !ruled
            ? []
            : request.bodyTruncated
              ? [`a body of ${request.bodyBytes} bytes, too long to check`]
              : patchViolations(request.method, request.path, loggedJson(request));
        return problems.map((problem) => ({
            invariant: 'forbiddenBodies',
            detail: `${request.method} ${request.path}: ${problem} in ${request.body}`
        }));
    });
}

/** Writes one client had in flight at the same time (sent before the previous one's answer arrived). */
export function overlappingWrites(entries: readonly JournalEntry[]): Violation[] {
    const violations: Violation[] = [];
    const byClient = new Map<string, JournalEntry[]>();
    for (const entry of entries.filter(isWrite)) {
        byClient.set(entry.client, [...(byClient.get(entry.client) ?? []), entry]);
    }
    for (const [client, writes] of byClient) {
        const sorted = [...writes].sort((a, b) => a.sentAt - b.sentAt);
        let busyUntil = -Infinity;
        let busyWith: JournalEntry | undefined;
        for (const write of sorted) {
            if (write.sentAt < busyUntil && busyWith) {
                violations.push({
                    invariant: 'overlappingWrites',
                    detail: `${client}: ${write.method} ${write.path} sent while ${busyWith.method} ${busyWith.path} was in flight`
                });
            }
            const end = write.receivedAt ?? Infinity;
            if (end > busyUntil) {
                busyUntil = end;
                busyWith = write;
            }
        }
    }
    return violations;
}

/**
 * The server texts a shopper may read, and no other: the `title`s the emulator's integrations write for
 * shoppers (calculator failures, no delivery methods, a declined payment, what place order misses). Details,
 * platform `message`s and exception texts are for developers and never count as labelled.
 */
export const SHOPPER_SAFE_SERVER_TEXTS: ReadonlySet<string> = new Set(
    [
        ...Object.values(CALCULATOR_ERROR),
        NO_DELIVERY_METHODS,
        PAYMENT_DECLINED,
        CONTACT_INCOMPLETE,
        missingForGroup('shippingAddress', { id: '', name: '' } as GroupState),
        missingForGroup('deliveryMethod', { id: '', name: '' } as GroupState)
    ].map((error) => error.title)
);

let labelPatterns: RegExp[] | undefined;
let compositions: RegExp[] | undefined;

/**
 * A label that only composes others ("{0}: {1}", "{0} for {1}: {2}": a field's name and its message) would match
 * any text with a colon; its last part, the message, must itself be labelled.
 */
function isComposition(value: string): boolean {
    return value.replace(/\{\d+\}/g, '').replace(/[^\p{L}]/gu, '').length < 4;
}

function compositionPattern(value: string): RegExp {
    return new RegExp(
        '^' +
            value
                .split(/\{\d+\}/)
                .map(escapeRegExp)
                .join('([\\s\\S]+?)') +
            '$'
    );
}

function escapeRegExp(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A Custom Label's value as a pattern: each `{n}` placeholder matches the text filled in for it. */
function labelPattern(value: string): RegExp {
    return new RegExp(
        '^' +
            value
                .split(/\{\d+\}/)
                .map(escapeRegExp)
                .join('[\\s\\S]+') +
            '$'
    );
}

/**
 * True when a shopper-facing message is a Custom Label's value (placeholders filled in) or one of the
 * `allowed` server texts. Anything else (a raw code, an exception text, an empty string, any other server
 * message) is unlabelled.
 */
export function isLabelled(
    message: string | undefined,
    allowed: ReadonlySet<string> = SHOPPER_SAFE_SERVER_TEXTS
): boolean {
    if (!message || !message.trim()) return false;
    if (allowed.has(message)) return true;
    const values = [...customLabels().values()];
    labelPatterns ??= values.filter((value) => !isComposition(value)).map(labelPattern);
    compositions ??= values.filter(isComposition).map(compositionPattern);
    if (labelPatterns.some((pattern) => pattern.test(message))) return true;
    return compositions.some((pattern) => {
        const parts = pattern.exec(message);
        return parts !== null && parts.length > 1 && isLabelled(parts[parts.length - 1], allowed);
    });
}

/** The value of one Custom Label (by API name without `c.`): the shopper's reading of a message is by its text. */
export function labelText(name: string): string {
    const value = customLabels().get(name);
    if (value === undefined) throw new Error(`No Custom Label named ${name}`);
    return value;
}
