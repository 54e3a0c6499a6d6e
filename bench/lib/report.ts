/** Readable tables for the console and the README. */
import type { BenchReport, StrategyRow } from './bench';

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
    { header: 'lag p95', readmeHeader: 'lag p95 ms', cell: (row) => row.lagP95Ms }
];

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

/** The README tables of a bench report. */
export function benchMarkdown(report: BenchReport): string {
    const runs = strategyTable(report.runs, 'readme');
    const sizes = markdownTable(
        ['bundle', 'min + gzip bytes'],
        Object.entries(report.sizes).map(([name, bytes]) => [name, bytes])
    );
    const { burst } = report;
    return [
        runs,
        '',
        `Burst: ${burst.edits} edits within ${burst.windowMs} ms → at most ${burst.patches} PATCHes, ${burst.lost} edits lost (${burst.runs} runs).`,
        '',
        sizes
    ].join('\n');
}
