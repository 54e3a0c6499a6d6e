import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(
    createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
    'utf8'
);

export interface AxeViolation {
    id: string;
    impact: string | null;
    help: string;
    targets: string[];
}

/** Runs axe-core in the page (WCAG 2.x A and AA rules) and returns the serious and critical violations. */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
    if (!(await page.evaluate(() => 'axe' in window))) {
        await page.addScriptTag({ content: AXE_SOURCE });
    }
    const violations = await page.evaluate(async () => {
        const axe = (
            window as unknown as {
                axe: { run(context: unknown, options: unknown): Promise<unknown> };
            }
        ).axe;
        const results = (await axe.run(document, {
            runOnly: {
                type: 'tag',
                values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']
            },
            resultTypes: ['violations']
        })) as {
            violations: Array<{
                id: string;
                impact: string | null;
                help: string;
                nodes: Array<{ target: unknown[] }>;
            }>;
        };
        return results.violations.map((violation) => ({
            id: violation.id,
            impact: violation.impact,
            help: violation.help,
            targets: violation.nodes.map((node) => node.target.join(' '))
        }));
    });
    return violations.filter(
        (violation) => violation.impact === 'serious' || violation.impact === 'critical'
    );
}
