/** The panel's fault settings and the emulator's `PUT /__emulator/faults` body, both ways. */

/** Every rate the emulator's `PUT /__emulator/faults` takes, as the panel shows it. */
export const PERCENT_FAULTS = [
    { name: 'conflictRate', label: '409 conflicts (%)' },
    { name: 'calculatorFailureRate', label: 'Calculator failures (%)' },
    { name: 'sessionErrorRate', label: 'Session errors (%)' },
    { name: 'serverErrorRate', label: '5xx errors (%)' },
    { name: 'dropRate', label: 'Dropped connections (%)' },
    { name: 'lockRate', label: '423 locked records (%)' },
    { name: 'authExpiryRate', label: 'Expired site sessions (%)' },
    { name: 'goneRate', label: '410 expired checkouts (%)' },
    { name: 'hangRate', label: 'Requests never answered (%)' }
];

/** Faults off, as the emulator starts. `latency` is the slowest round trip in ms; `calculatorTime` a multiplier. */
export const NO_FAULTS = {
    latency: 150,
    calculatorTime: 1,
    ...Object.fromEntries(PERCENT_FAULTS.map((fault) => [fault.name, 0]))
};

/** The emulator's faults body for the panel's settings (PUT replaces the whole setting). */
export function faultsBody(faults, defaults) {
    const body = {
        latencyMs: [Math.round(faults.latency / 3), faults.latency]
    };
    for (const fault of PERCENT_FAULTS) {
        body[fault.name] = faults[fault.name] / 100;
    }
    if (defaults && defaults.processingMs) {
        body.processingMs = {};
        for (const [phase, [min, max]] of Object.entries(defaults.processingMs)) {
            body.processingMs[phase] = [min * faults.calculatorTime, max * faults.calculatorTime];
        }
    }
    return body;
}

/** The panel's settings for the emulator's faults (the inverse of faultsBody). */
export function panelFaults(faults, defaults) {
    const settings = { latency: faults.latencyMs[1], calculatorTime: 1 };
    for (const fault of PERCENT_FAULTS) {
        settings[fault.name] = Math.round(faults[fault.name] * 100);
    }
    const normalShipping =
        defaults && defaults.processingMs ? defaults.processingMs.shipping[1] : 0;
    if (normalShipping > 0 && faults.processingMs && faults.processingMs.shipping) {
        settings.calculatorTime = Math.max(
            1,
            Math.round(faults.processingMs.shipping[1] / normalShipping)
        );
    }
    return settings;
}
