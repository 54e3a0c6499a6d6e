/** The soak's invariants, checked from the outside: the emulator's request log, its state, the client journals. */
import type {
    CheckoutAddress,
    Checkout
} from '../../force-app/main/default/lwc/checkoutStore/types';
import { isWrite } from './analysis';
import type { ServerRequest } from './emulator';
import type { JournalEntry } from './node-transport';
import { patchViolations } from './patch-rules';
import { customLabels } from './platform-modules';
import { ADDRESS_FIELDS } from './shopper';

export interface Violation {
    invariant: string;
    detail: string;
}

/** PATCHes that reached the server in breach of the documented rules. */
export function forbiddenBodies(requests: readonly ServerRequest[]): Violation[] {
    return requests.flatMap((request) =>
        patchViolations(request.method, request.path, request.body).map((problem) => ({
            invariant: 'forbiddenBodies',
            detail: `${request.method} ${request.path}: ${problem} in ${JSON.stringify(request.body)}`
        }))
    );
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

let labelPatterns: RegExp[] | undefined;

function escapeRegExp(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * True when a shopper-facing message comes from a Custom Label (placeholders filled in) or is a localized
 * text the server sent. Anything else (a raw code, an exception text, an empty string) is unlabelled.
 */
export function isLabelled(message: string | undefined, serverTexts: ReadonlySet<string>): boolean {
    if (!message || !message.trim()) return false;
    if (serverTexts.has(message)) return true;
    labelPatterns ??= [...customLabels().values()].map(
        (value) =>
            new RegExp(
                '^' +
                    value
                        .split(/\{\d+\}/)
                        .map(escapeRegExp)
                        .join('[\\s\\S]*') +
                    '$'
            )
    );
    return labelPatterns.some((pattern) => pattern.test(message));
}

/** Every localized text the server answered with (error details, titles, messages), from the journals. */
export function serverTexts(entries: readonly JournalEntry[]): Set<string> {
    const texts = new Set<string>();
    const visit = (value: unknown, depth: number): void => {
        if (depth > 6 || value === null || typeof value !== 'object') return;
        if (Array.isArray(value)) {
            value.forEach((item) => visit(item, depth + 1));
            return;
        }
        for (const [key, item] of Object.entries(value)) {
            if (typeof item === 'string' && ['message', 'detail', 'title'].includes(key))
                texts.add(item);
            else visit(item, depth + 1);
        }
    };
    for (const entry of entries)
        if (entry.status !== undefined && entry.status >= 300) visit(entry.responseBody, 0);
    for (const entry of entries)
        visit((entry.responseBody as { errors?: unknown } | undefined)?.errors, 0);
    return texts;
}

/** The server's value of one field key (see FieldKey in types.ts), for comparison with the shopper's intent. */
export function serverValue(checkout: Checkout | null | undefined, field: string): unknown {
    if (!checkout) return undefined;
    const parts = field.split('.');
    if (parts[0] === 'contact')
        return checkout.contactInfo?.[parts[1] as keyof typeof checkout.contactInfo];
    if (parts[0] === 'group') {
        const group = checkout.deliveryGroups.items.find((item) => item.id === parts[1]);
        if (!group) return undefined;
        if (parts[2] === 'deliveryMethodId') return group.selectedDeliveryMethod?.id;
        return group[
            parts[2] as 'deliveryAddress' | 'desiredDeliveryDate' | 'shippingInstructions'
        ];
    }
    if (parts[0] === 'custom') {
        const type = parts[1];
        const name = parts[parts.length - 1];
        const groupId = parts.length === 4 ? parts[2] : undefined;
        const item = checkout.customFields?.find(
            (candidate) =>
                candidate.attributes.type === type &&
                (groupId === undefined || candidate.Id === groupId)
        );
        return item?.[name];
    }
    return undefined;
}

/** Whether the server holds what the shopper last asked for (addresses: the fields the shopper gave). */
export function matchesIntent(field: string, intent: unknown, actual: unknown): boolean {
    if (field.endsWith('.deliveryAddress')) {
        const wanted = intent as CheckoutAddress;
        const saved = (actual ?? {}) as CheckoutAddress;
        return ADDRESS_FIELDS.every(
            (key) => wanted[key] === undefined || wanted[key] === saved[key]
        );
    }
    if (
        field.endsWith('.desiredDeliveryDate') &&
        typeof intent === 'string' &&
        typeof actual === 'string'
    ) {
        return actual.startsWith(intent);
    }
    if (typeof intent === 'number' && typeof actual === 'number')
        return Math.abs(intent - actual) < 1e-9;
    return (
        intent === actual ||
        ((intent === '' || intent === null) && (actual === null || actual === undefined))
    );
}
