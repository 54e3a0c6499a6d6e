/** Command-line options shared by `npm run bench` and `npm run soak`. */
export interface ParsedArgs {
    values: Map<string, string>;
    get(name: string): string | undefined;
    number(name: string, fallback: number): number;
    range(name: string, fallback: [number, number]): [number, number];
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
    const values = new Map<string, string>();
    for (let index = 0; index < argv.length; index++) {
        const arg = argv[index];
        if (!arg.startsWith('--')) throw new Error(`Unexpected argument ${arg}`);
        const [name, inline] = arg.slice(2).split('=', 2);
        if (inline !== undefined) {
            values.set(name, inline);
        } else if (index + 1 < argv.length && !argv[index + 1].startsWith('--')) {
            values.set(name, argv[++index]);
        } else {
            values.set(name, 'true');
        }
    }
    return {
        values,
        get: (name) => values.get(name),
        number(name, fallback) {
            const raw = values.get(name);
            if (raw === undefined) return fallback;
            const value = Number(raw);
            if (!Number.isFinite(value)) throw new Error(`--${name} needs a number, not ${raw}`);
            return value;
        },
        range(name, fallback) {
            const raw = values.get(name);
            if (raw === undefined) return fallback;
            const parts = raw.split(',').map(Number);
            if (
                parts.length !== 2 ||
                parts.some((part) => !Number.isFinite(part)) ||
                parts[0] > parts[1]
            ) {
                throw new Error(`--${name} needs MIN,MAX, not ${raw}`);
            }
            return [parts[0], parts[1]];
        }
    };
}
