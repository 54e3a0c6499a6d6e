import type { BenchReport } from './bench';
/** Readable tables for the console and the README. */

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

/** The README tables of a bench report. */
export function benchMarkdown(report: BenchReport): string {
    const runs = markdownTable(
        [
            'scenario',
            'strategy',
            'wall ÷ bound',
            'wall ms',
            'bound ms',
            'requests',
            'PATCH',
            'GET',
            'polls/wait',
            'lag p50 ms',
            'lag p95 ms'
        ],
        report.runs.map((row) => [
            row.scenario,
            row.strategy,
            row.wallOverLowerBound.toFixed(3),
            Math.round(row.wallMs),
            Math.round(row.lowerBoundMs),
            row.requests,
            row.patches,
            row.gets,
            row.pollsPerWait,
            row.lagP50Ms,
            row.lagP95Ms
        ])
    );
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
