import { LightningElement } from 'lwc';
import { scenario as activeScenario } from '/__preview/context.js';
import { faultsBody, NO_FAULTS, panelFaults, PERCENT_FAULTS } from './faultSettings';

const SCENARIOS = [
    {
        value: 'd2c-guest',
        label: 'D2C guest',
        description: 'A guest shopper: contact details and a new address to enter.'
    },
    {
        value: 'b2b-buyer',
        label: 'B2B buyer',
        description: 'A signed-in buyer with saved account addresses.'
    },
    {
        value: 'multi-group',
        label: 'Multiple delivery groups',
        description: 'One cart shipped to several addresses.'
    },
    {
        value: 'digital-only',
        label: 'Digital only',
        description: 'Nothing to ship: no address or delivery method needed.'
    },
    {
        value: 'cpq',
        label: 'Industries CPQ',
        description: 'A quote-to-order cart submitted through Industries CPQ.'
    }
];

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Apex methods that only read (every Apex call is a POST). */
const APEX_READS = [
    '/apex/CheckoutSessionController/getSession',
    '/apex/CpqCheckoutController/getCartSummary'
];
const SETTINGS_KEY = 'checkoutKitPreview.developerPanel';
const POLL_MS = 1000;
const SHOWN_REQUESTS = 200;

/**
 * The preview's developer panel: switch the emulator's scenario, turn faults on, and watch every request the
 * engine sends, live. Talks only to the emulator's admin API (`/__emulator/*`) on the same origin.
 */
export default class DeveloperPanel extends LightningElement {
    /** Collapsed to its bar until the developer opens it: expanded, it covers half the page. */
    collapsed = true;
    scenario = activeScenario || 'd2c-guest';
    faults = { ...NO_FAULTS };
    faultDefaults = null;
    requests = [];
    pollTimer;

    connectedCallback() {
        const saved = readSettings();
        const fromUrl = new URLSearchParams(window.location.search).get('panel');
        if (fromUrl === 'expanded' || fromUrl === 'collapsed') {
            this.collapsed = fromUrl === 'collapsed';
        } else {
            this.collapsed = saved.collapsed !== false;
        }
        fetchJson('/__preview/fault-defaults').then((defaults) => {
            this.faultDefaults = defaults;
            this.poll();
        });
        this.pollTimer = setInterval(() => this.poll(), POLL_MS);
        this.reserveSpace();
    }

    disconnectedCallback() {
        clearInterval(this.pollTimer);
    }

    renderedCallback() {
        this.reserveSpace();
    }

    /** Keeps the page's end visible above the docked panel. */
    reserveSpace() {
        const panel = this.template.querySelector('section');
        if (panel) {
            document.body.style.paddingBottom = `${panel.offsetHeight}px`;
        }
    }

    get panelClass() {
        return this.collapsed ? 'panel panel_collapsed' : 'panel';
    }

    get expandedText() {
        return this.collapsed ? 'false' : 'true';
    }

    get toggleIcon() {
        return this.collapsed ? 'utility:chevronup' : 'utility:chevrondown';
    }

    get scenarioOptions() {
        return SCENARIOS.map(({ value, label }) => ({ value, label }));
    }

    get scenarioDescription() {
        const current = SCENARIOS.find((option) => option.value === this.scenario);
        return current ? current.description : '';
    }

    get faultControls() {
        return [
            {
                name: 'latency',
                label: 'Latency, slowest (ms)',
                min: 0,
                max: 3000,
                step: 50,
                value: this.faults.latency
            },
            {
                name: 'calculatorTime',
                label: 'Calculator time (×)',
                min: 1,
                max: 20,
                step: 1,
                value: this.faults.calculatorTime
            },
            ...PERCENT_FAULTS.map((fault) => ({
                ...fault,
                min: 0,
                max: 100,
                step: 5,
                value: this.faults[fault.name]
            }))
        ];
    }

    get noFaults() {
        return Object.keys(NO_FAULTS).every((name) => this.faults[name] === NO_FAULTS[name]);
    }

    get faultSummary() {
        if (this.noFaults) {
            return 'Faults off';
        }
        const on = [];
        if (this.faults.latency !== NO_FAULTS.latency)
            on.push(`latency ≤ ${this.faults.latency} ms`);
        if (this.faults.calculatorTime !== 1) on.push(`calculators ×${this.faults.calculatorTime}`);
        for (const fault of PERCENT_FAULTS) {
            if (this.faults[fault.name])
                on.push(`${fault.label.replace(' (%)', '')} ${this.faults[fault.name]}%`);
        }
        return `Faults on: ${on.join(', ')}`;
    }

    get faultChipClass() {
        return this.noFaults ? 'panel-chip' : 'panel-chip panel-chip_warning';
    }

    get visibleRequests() {
        return this.requests.filter((request) => !request.path.startsWith('/__'));
    }

    get requestCount() {
        return this.visibleRequests.length;
    }

    get requestSummary() {
        const requests = this.requestCount;
        const writes = this.writeCount;
        return `${requests} ${requests === 1 ? 'request' : 'requests'} · ${writes} ${writes === 1 ? 'write' : 'writes'}`;
    }

    get writes() {
        return this.visibleRequests.filter(
            (request) => WRITE_METHODS.has(request.method) && !request.path.startsWith('/apex/')
        );
    }

    get writeCount() {
        return this.writes.length;
    }

    /** The engine's promise: never two writes in flight. */
    get overlappingWrites() {
        const writes = [...this.writes].sort((a, b) => a.startedAt - b.startedAt);
        let overlaps = 0;
        let latestEnd = -Infinity;
        for (const write of writes) {
            if (write.startedAt < latestEnd) overlaps += 1;
            latestEnd = Math.max(latestEnd, write.endedAt ?? Infinity);
        }
        return overlaps;
    }

    get invariantSummary() {
        const overlaps = this.overlappingWrites;
        return overlaps === 0 ? 'One write in flight at most' : `${overlaps} overlapping writes`;
    }

    get invariantChipClass() {
        return this.overlappingWrites === 0
            ? 'panel-chip panel-chip_success'
            : 'panel-chip panel-chip_error';
    }

    get requestRows() {
        const visible = this.visibleRequests;
        const origin = visible.length ? visible[0].startedAt : 0;
        return visible
            .slice(-SHOWN_REQUESTS)
            .reverse()
            .map((request) => {
                const isWrite = WRITE_METHODS.has(request.method);
                const failed = !request.status || request.status >= 400;
                return {
                    key: String(request.seq),
                    className: [
                        'request',
                        isWrite ? 'request_write' : '',
                        failed ? 'request_failed' : ''
                    ]
                        .join(' ')
                        .trim(),
                    time: `+${((request.startedAt - origin) / 1000).toFixed(2)} s`,
                    method: request.method,
                    fullPath: request.path,
                    path: shortPath(request.path),
                    status: request.status || request.fault || 'no answer',
                    duration: request.endedAt
                        ? `${Math.round(request.endedAt - request.startedAt)} ms`
                        : '…',
                    body: requestDetails(request)
                };
            });
    }

    handleToggle() {
        this.collapsed = !this.collapsed;
        writeSettings({ collapsed: this.collapsed });
    }

    async handleScenarioChange(event) {
        this.scenario = event.detail.value;
        await this.restart();
    }

    async handleRestart() {
        await this.restart();
    }

    async restart() {
        await fetchJson('/__emulator/reset', {
            method: 'POST',
            body: { scenario: this.scenario, seed: 1, timeScale: 1 }
        });
        await this.applyFaults();
        // A new scenario is a new visit: nothing the last one kept in this tab (unsaved edits) comes back.
        try {
            window.sessionStorage.clear();
        } catch {
            // Blocked storage keeps nothing to clear.
        }
        window.location.reload();
    }

    async handleFaultChange(event) {
        this.faults = { ...this.faults, [event.target.dataset.name]: Number(event.detail.value) };
        await this.applyFaults();
    }

    async handleClearFaults() {
        this.faults = { ...NO_FAULTS };
        await this.applyFaults();
    }

    applyFaults() {
        return fetchJson('/__emulator/faults', {
            method: 'PUT',
            body: faultsBody(this.faults, this.faultDefaults)
        });
    }

    /** The emulator's request log and its faults as they are now (tests and scripts change them too). */
    async poll() {
        try {
            const [requests, faults] = await Promise.all([
                fetchJson('/__emulator/requests'),
                fetchJson('/__emulator/faults')
            ]);
            const last = requests[requests.length - 1];
            const shown = this.requests[this.requests.length - 1];
            // Re-render only when the log changed: keeps open rows open and the page quiet.
            if (requests.length !== this.requests.length || last?.seq !== shown?.seq) {
                this.requests = requests;
            }
            const faultsNow = panelFaults(faults, this.faultDefaults);
            if (JSON.stringify(faultsNow) !== JSON.stringify(this.faults)) {
                this.faults = faultsNow;
            }
        } catch {
            // The server restarted or is rebuilding: the next poll catches up.
        }
    }
}

/**
 * What a row shows when opened: the query as sent, the CSRF token a write carried, and the body (the log
 * keeps it as text, truncated when long: pretty-printed when it is whole JSON).
 */
function requestDetails(request) {
    const lines = [];
    if (request.queryString) lines.push(`?${request.queryString}`);
    const token = request.headers && request.headers['csrf-token'];
    if (WRITE_METHODS.has(request.method) && !request.path.startsWith('/apex/')) {
        lines.push(token ? `CSRF-Token: ${token.slice(0, 8)}…` : 'No CSRF-Token header');
    }
    lines.push(bodyText(request));
    return lines.join('\n');
}

function bodyText(request) {
    if (request.body === undefined || request.body === null) return '(no body)';
    if (request.bodyTruncated) {
        return `${request.body}\n… (truncated: ${request.bodyBytes} bytes in all)`;
    }
    try {
        return JSON.stringify(JSON.parse(request.body), null, 2);
    } catch {
        return request.body;
    }
}

/** `/webruntime/api/services/data/v66.0/commerce/webstores/0ZE…/checkouts/2z9…` → `…/checkouts/2z9…`. */
function shortPath(path) {
    const match = /\/commerce\/webstores\/[^/]+(\/.*)?$/.exec(path);
    return match ? `…${match[1] || '/'}` : path;
}

async function fetchJson(url, { method = 'GET', body } = {}) {
    const response = await fetch(url, {
        method,
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body)
    });
    if (!response.ok) {
        throw new Error(`${method} ${url} answered ${response.status}`);
    }
    const text = await response.text();
    return text ? JSON.parse(text) : null;
}

function readSettings() {
    try {
        return JSON.parse(window.localStorage.getItem(SETTINGS_KEY)) || {};
    } catch {
        return {};
    }
}

function writeSettings(changes) {
    try {
        window.localStorage.setItem(
            SETTINGS_KEY,
            JSON.stringify({ ...readSettings(), ...changes })
        );
    } catch {
        // Private browsing: settings last for this page only.
    }
}
