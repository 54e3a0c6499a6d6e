/** Readable tables for the console and the README. */
import type { BenchReport, StrategyRow } from './bench';
import type { LatencyModelRecord } from './latency';
import type { TargetResult } from './targets';

export function table(headers: string[], rows: Array<Array<string | number>>): string {
    const cells = [headers, ...rows.map((row) => row.map((cell) => String(cell)))];
    const widths = headers.map((_, column) => Math.max(...cells.map((row) => row[column].length)));
    const line = (row: string[]) =>
        row
            .map((cell, column) => cell.padEnd(widths[column]))
            .join('  ')
            .trimEnd();
    return [
        line(cells[0]),
        widths.map((width) => '-'.repeat(width)).join('  '),
        ...cells.slice(1).map(line)
    ].join('\n');
}

export function markdownTable(headers: string[], rows: Array<Array<string | number>>): string {
    const line = (row: Array<string | number>) => `| ${row.join(' | ')} |`;
    return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

type Audience = 'console' | 'readme';

interface StrategyColumn {
    header: string;
    /** The README's header where it differs; null keeps the column to the console. */
    readmeHeader?: string | null;
    cell: (row: StrategyRow, audience: Audience) => string | number;
}

const STRATEGY_COLUMNS: StrategyColumn[] = [
    { header: 'scenario', cell: (row) => row.scenario },
    { header: 'strategy', cell: (row) => row.strategy },
    { header: 'runs', readmeHeader: null, cell: (row) => row.runs },
    { header: 'fail', readmeHeader: null, cell: (row) => row.failures },
    {
        header: 'wall/bound',
        readmeHeader: 'wall ÷ bound',
        // The README shows every ratio with three decimals, so its column lines up.
        cell: (row, audience) =>
            audience === 'readme' ? row.wallOverLowerBound.toFixed(3) : row.wallOverLowerBound
    },
    { header: 'wall ms', cell: (row) => Math.round(row.wallMs) },
    { header: 'bound ms', cell: (row) => Math.round(row.lowerBoundMs) },
    { header: 'requests', cell: (row) => row.requests },
    { header: 'PATCH', cell: (row) => row.patches },
    { header: 'GET', cell: (row) => row.gets },
    { header: 'polls/wait', cell: (row) => row.pollsPerWait },
    { header: 'lag p50', readmeHeader: 'lag p50 ms', cell: (row) => row.lagP50Ms },
    { header: 'lag p95', readmeHeader: 'lag p95 ms', cell: (row) => row.lagP95Ms },
    // Engine rows: the oracle in the same scenario, at the engine's polls per wait.
    {
        header: 'oracle p50',
        readmeHeader: 'oracle p50 ms',
        cell: (row) => row.oracleLagP50AtEnginePolls ?? ''
    },
    {
        header: 'oracle p95',
        readmeHeader: 'oracle p95 ms',
        cell: (row) => row.oracleLagP95AtEnginePolls ?? ''
    },
    {
        header: 'p95/oracle',
        readmeHeader: 'p95 ÷ oracle',
        cell: (row, audience) => ratioCell(row.lagP95OverOracle, audience)
    },
    {
        header: 'p95/model',
        readmeHeader: 'p95 ÷ oracle model',
        cell: (row, audience) => ratioCell(row.lagP95OverOracleModel, audience)
    }
];

function ratioCell(value: number | undefined, audience: Audience): string | number {
    if (value === undefined) return '';
    return audience === 'readme' ? value.toFixed(3) : value;
}

/** One row per scenario and strategy: aligned text for the console, or a Markdown table for the README. */
export function strategyTable(rows: readonly StrategyRow[], audience: Audience): string {
    const columns = STRATEGY_COLUMNS.filter(
        (column) => audience === 'console' || column.readmeHeader !== null
    );
    const headers = columns.map((column) =>
        audience === 'readme' ? (column.readmeHeader ?? column.header) : column.header
    );
    const cells = rows.map((row) => columns.map((column) => column.cell(row, audience)));
    return audience === 'readme' ? markdownTable(headers, cells) : table(headers, cells);
}

/** Engine and oracle rows per kind of wait: where the lag comes from. */
export function waitTable(rows: readonly StrategyRow[], audience: Audience): string {
    const headers = [
        'scenario',
        'strategy',
        'wait',
        'waits',
        'polls/wait',
        'lag p50',
        'lag p95',
        'avoidable mean'
    ];
    const cells = rows
        .filter((row) => row.strategy === 'engine' || row.strategy === 'oracle')
        .flatMap((row) =>
            Object.entries(row.byWait).map(([kind, wait]) => [
                row.scenario,
                row.strategy,
                kind,
                wait.waits,
                wait.pollsPerWait,
                wait.lagP50Ms,
                wait.lagP95Ms,
                wait.avoidableLagMeanMs
            ])
        );
    return audience === 'readme' ? markdownTable(headers, cells) : table(headers, cells);
}

/** The latency model a report ran under, in one line. */
export function modelLine(model: LatencyModelRecord): string {
    const range = ([min, max]: [number, number]) => `${min}–${max}`;
    return (
        `Latency model "${model.name}" (ms): round trip ${range(model.latencyMs)}, shipping ` +
        `${range(model.shipping)}, tax ${range(model.tax)}, pricing ${range(model.pricing)}, inventory ` +
        `${range(model.inventory)}, promotions ${range(model.promotions)}`
    );
}

/** Each target with its figure, limit and verdict. */
export function targetTable(targets: readonly TargetResult[], audience: Audience): string {
    const rows = targets.map((target) => [
        target.target,
        target.scenario ?? '',
        target.value,
        `${target.comparison} ${target.limit}`,
        target.met ? 'met' : 'missed'
    ]);
    const headers = ['target', 'scenario', 'value', 'limit', 'verdict'];
    return audience === 'readme' ? markdownTable(headers, rows) : table(headers, rows);
}

/** The README tables of a bench report. */
export function benchMarkdown(report: BenchReport): string {
    const runs = strategyTable(report.runs, 'readme');
    const sizes = markdownTable(
        ['bundle', 'min + gzip bytes'],
        Object.entries(report.sizes).map(([name, bytes]) => [name, bytes])
    );
    const { burst } = report;
    return [
        modelLine(report.settings.latency),
        '',
        runs,
        '',
        waitTable(report.runs, 'readme'),
        '',
        `Burst: ${burst.edits} edits within ${burst.windowMs} ms → at most ${burst.patches} PATCHes, ${burst.lost} edits lost (${burst.runs} runs).`,
        '',
        sizes,
        '',
        targetTable(report.targets, 'readme')
    ].join('\n');
}
