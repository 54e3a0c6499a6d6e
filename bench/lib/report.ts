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
