/**
 * The write queue and its executor: one write in flight, always. The queue plans the next write only after
 * the last one settled; the executor sends it, waits for readiness and settles its edits.
 */
import { isCheckoutBody, readRefusal } from './answers';
import { nextRecalculation, recordCalculations } from './calculations';
import type { Refusal } from './answers';
import {
    applyCheckout,
    dropEditsMatchingServer,
    findGroup,
    reapplyMethodIntent,
    serverValue
} from './checkoutState';
import { changed, dropEngineMessages, engineMessage, pendingCustomKeys } from './context';
import type { EngineContext, PlannedWrite, SentEdit } from './context';
import { setCustomWaiting } from './customFieldsWaiting';
import { failEdit, failSentEdits, markSending } from './editLedger';
import { ENGINE_CODES } from './engineCodes';
import { addressPartKey, contactKey, groupKey, parseKey, sameForKey } from './fields';
import * as labels from './labels';
import { restart, startAgain } from './loading';
import { patchBodyViolations } from './patchRules';
import { readSession, waitUntilReady } from './readiness';
import type { Readiness } from './readiness';
import { connectQuery } from './connectQuery';
import { send, signedOutMessage } from './request';
import type { RequestFailure } from './request';
import type { CheckoutAddress, ContactInfo } from './types';
import { afterWriteLanded, hasPaymentToSend, sendPayment } from './payment';
import { tellTabs } from './tabSync';
import { planNextWrite } from './writePlanner';

/** Starts the queue on the next microtask, so a burst of synchronous intents merges into one write. */
export function scheduleWrites(ctx: EngineContext): void {
    if (ctx.writeQueueScheduled || ctx.disposed) return;
    ctx.writeQueueScheduled = true;
    void Promise.resolve().then(() => {
        ctx.writeQueueScheduled = false;
        void runWriteQueue(ctx);
    });
}

async function runWriteQueue(ctx: EngineContext): Promise<void> {
    if (ctx.writeQueueRunning || ctx.disposed || ctx.starting || !ctx.checkout || !ctx.checkoutId) {
        changed(ctx);
        return;
    }
    ctx.writeQueueRunning = true;
    let waiting = false;
    try {
        while (!ctx.disposed && ctx.checkoutId && !ctx.starting) {
            const write = nextWrite(ctx) ?? nextRecalculation(ctx);
            if (write === 'start') {
                await startAgain(ctx);
                continue;
            }
            // The payment goes last: after every write that could clear it.
            if (!write && hasPaymentToSend(ctx)) {
                const payment = await sendPayment(ctx);
                if (payment === 'cancelled') break;
                if (payment === 'gone' && !(await restart(ctx))) break;
                continue;
            }
            if (!write) {
                waiting = pendingCustomKeys(ctx).length > 0;
                break;
            }
            setCustomWaiting(ctx, false);
            const goOn = await executeWrite(ctx, write);
            if (!goOn) break;
        }
    } finally {
        ctx.writeQueueRunning = false;
        setCustomWaiting(ctx, waiting);
        changed(ctx);
    }
}

function nextWrite(ctx: EngineContext): PlannedWrite | null {
    const plan = planNextWrite(ctx);
    for (const { key, message, code } of plan.failures) failEdit(ctx, key, message, code);
    return plan.write;
}

/** Sends one planned write and waits for the checkout to be ready. False stops the queue. */
async function executeWrite(ctx: EngineContext, write: PlannedWrite): Promise<boolean> {
    // The last line of defence: a body the API would reject for its structure is never sent. Reaching
    // this means a planner bug; the edits fail visibly (values kept) instead of the request going out.
    if (patchBodyViolations(write.body, write.resource).length > 0) {
        failSentEdits(ctx, write, labels.errorRejected, ENGINE_CODES.forbiddenBody);
        return true;
    }
    keepSelectedMethod(ctx, write);
    markSending(ctx, write);
    ctx.inFlight = write;
    changed(ctx);
    try {
        const sent = await send(
            ctx,
            'PATCH',
            write.path,
            { body: write.body, query: connectQuery(ctx, true) },
            true
        );
        if ('failure' in sent) {
            if (sent.failure === 'cancelled') return false;
            failWrite(ctx, write, sent.failure);
            return true;
        }
        const { status, body } = sent.response;
        let readiness: Readiness;
        if (status === 200 && write.resource === 'checkout' && isCheckoutBody(body)) {
            applyCheckout(ctx, body);
            recordCalculations(ctx, write.kind, write.groupId);
            readiness = 'ready';
        } else if (status === 200 || status === 202) {
            readiness = await waitUntilReady(ctx, write.kind, write.groupId);
        } else if (status === 404 || status === 410) {
            readiness = 'gone';
        } else {
            // The order may have been placed meanwhile (another tab): then the checkout is complete.
            await readSession(ctx);
            if (ctx.order?.outcome === 'success') return false;
            rejectWrite(ctx, write, readRefusal(body, labels.errorRejected));
            return true;
        }
        if (readiness === 'gone') {
            ctx.inFlight = null;
            return restart(ctx);
        }
        if (readiness === 'cancelled') return false;
        if (readiness === 'signed-out') {
            failWrite(ctx, write, 'signed-out');
            return true;
        }
        if (readiness === 'timeout') {
            failSentEdits(ctx, write, labels.errorTimeout, ENGINE_CODES.timeout);
            return true;
        }
        confirmWrite(ctx, write, readiness === 'calculator-error');
        return true;
    } finally {
        ctx.inFlight = null;
        changed(ctx);
    }
}

/**
 * A shipping write without a new address (a date, instructions, shipping run again) resets the method as a side
 * effect: the one the checkout holds, chosen on this page or before a reload, comes back after it.
 */
function keepSelectedMethod(ctx: EngineContext, write: PlannedWrite): void {
    const groupId = write.groupId;
    if (write.kind !== 'shipping' || !groupId || ctx.methodIntent.has(groupId)) return;
    if (write.edits.has(groupKey(groupId, 'deliveryAddress'))) return;
    const selected = findGroup(ctx.checkout, groupId)?.selectedDeliveryMethod?.id;
    if (!selected) return;
    ctx.methodIntent.set(groupId, selected);
    ctx.keptMethods.add(groupId);
}

/** The server has the sent values: forget the edits that were not replaced meanwhile. */
function confirmWrite(ctx: EngineContext, write: PlannedWrite, calculatorFailed: boolean): void {
    ctx.restarts = 0;
    tellTabs(ctx, { saved: true });
    afterWriteLanded(ctx, write);
    dropEngineMessages(ctx, [
        ENGINE_CODES.conflict,
        ENGINE_CODES.network,
        ENGINE_CODES.server,
        ENGINE_CODES.restarted
    ]);
    for (const [key, sent] of write.edits) {
        const edit = ctx.edits.get(key);
        if (!edit) continue;
        if (edit.revision !== sent.revision) {
            if (edit.status === 'saving') edit.status = 'pending';
        } else if (
            calculatorFailed &&
            !sameForKey(key, sent.value, serverValue(ctx.checkout, key))
        ) {
            // A failed calculation may leave the value unapplied: keep it, shown as failed, for retryFailed.
            Object.assign(edit, {
                status: 'failed',
                message: labels.errorCalculation,
                code: ENGINE_CODES.calculation
            });
        } else {
            ctx.edits.delete(key);
        }
    }
    // A failed calculation says nothing reliable about the methods: keep the shopper's choice silently.
    if (!calculatorFailed && write.kind === 'shipping' && write.groupId) {
        const addressKey = groupKey(write.groupId, 'deliveryAddress');
        reapplyMethodIntent(ctx, write.groupId, write.edits.has(addressKey));
        // Kept for this write only: not a choice to bring back over a later one made elsewhere.
        if (ctx.keptMethods.delete(write.groupId)) ctx.methodIntent.delete(write.groupId);
    }
    dropEditsMatchingServer(ctx, true);
}

/**
 * A refused write. When the server names a field (`contactInfo.firstName …`), that edit fails with the
 * message in our words, on its field; the write's other edits were fine and go again without it.
 */
function rejectWrite(ctx: EngineContext, write: PlannedWrite, refusal: Refusal): void {
    const code = refusal.code || ENGINE_CODES.rejected;
    const field = refusal.field;
    const named = field
        ? [...write.edits.keys()].find((key) =>
              field.area === 'contactInfo'
                  ? key === contactKey(field.name as keyof ContactInfo)
                  : key.endsWith('.deliveryAddress')
          )
        : undefined;
    if (!field || !named) {
        failSentEdits(ctx, write, refusal.message, code);
        return;
    }
    const sent = write.edits.get(named) as SentEdit;
    failSentEdits(ctx, { ...write, edits: new Map([[named, sent]]) }, refusal.message, code);
    for (const key of write.edits.keys()) {
        const edit = ctx.edits.get(key);
        if (key !== named && edit?.status === 'saving') edit.status = 'pending';
    }
    const parsed = parseKey(named);
    if (field.area === 'deliveryAddress' && parsed && 'groupId' in parsed) {
        ctx.validation.set(
            addressPartKey(parsed.groupId, field.name as keyof CheckoutAddress),
            refusal.message
        );
    }
}

function failWrite(ctx: EngineContext, write: PlannedWrite, failure: RequestFailure): void {
    const [code, message] =
        failure === 'signed-out'
            ? [ENGINE_CODES.signedOut, signedOutMessage(ctx)]
            : failure === 'conflict'
              ? [ENGINE_CODES.conflict, labels.errorConflict]
              : failure === 'server'
                ? [ENGINE_CODES.server, labels.errorServer]
                : [ENGINE_CODES.network, labels.errorNetwork];
    failSentEdits(ctx, write, message, code);
    engineMessage(ctx, code, 'checkout', message);
}
