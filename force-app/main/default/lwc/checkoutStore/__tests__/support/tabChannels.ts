/**
 * Browser tabs' BroadcastChannel, in memory: every channel of one `tabChannels()` group hears what the others
 * post (never its own post), a task later, as copies (JSON here; BroadcastChannel clones structurally).
 */
import type { TabChannel } from '../../storeTypes';

export interface FakeTabChannel extends TabChannel {
    /** Posts as another tab would. */
    postMessage(message: unknown): void;
}

export function tabChannels(): () => FakeTabChannel {
    const members = new Set<FakeTabChannel>();
    return () => {
        const channel: FakeTabChannel = {
            onmessage: null,
            postMessage(message) {
                for (const other of members) {
                    if (other === channel) continue;
                    const data: unknown = JSON.parse(JSON.stringify(message));
                    void Promise.resolve().then(() => other.onmessage?.({ data }));
                }
            },
            close() {
                members.delete(channel);
            }
        };
        members.add(channel);
        return channel;
    };
}
