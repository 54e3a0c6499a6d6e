import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/**
 * What a keyboard or screen-reader shopper meets, read from the page: the focused element (through the
 * components' shadow trees) and axe's findings of every impact from moderate up.
 */

export interface FocusedElement {
    tag: string;
    /** Its label text, else its aria-label, else its text. */
    name: string;
    role: string | null;
    type: string | null;
    checked: boolean;
    ariaInvalid: string | null;
    /** The computed top border colour, e.g. `rgb(234, 0, 30)` for SLDS's error red. */
    borderColor: string;
}

// Scripts go to the page as strings: the test runner's transpiler decorates named functions with helpers
// (`__name`) the page does not have.
const FOCUSED_ELEMENT = `(() => {
    let element = document.activeElement;
    while (element && element.shadowRoot && element.shadowRoot.activeElement) {
        element = element.shadowRoot.activeElement;
    }
    if (!element) return null;
    const label = element.labels && element.labels.length > 0 ? element.labels[0].textContent : null;
    const name = label ?? element.getAttribute('aria-label') ?? element.textContent ?? '';
    return {
        tag: element.tagName.toLowerCase(),
        name: name.replace(/\\s+/g, ' ').trim(),
        role: element.getAttribute('role'),
        type: element.getAttribute('type'),
        checked: Boolean(element.checked),
        ariaInvalid: element.getAttribute('aria-invalid'),
        borderColor: getComputedStyle(element).borderTopColor
    };
})()`;

/** The element that has focus, looked up through shadow roots; null when nothing (not even the body) has it. */
export async function focusedElement(page: Page): Promise<FocusedElement | null> {
    return (await page.evaluate(FOCUSED_ELEMENT)) as FocusedElement | null;
}

const AXE_SOURCE = readFileSync(
    createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
    'utf8'
);

export interface AxeFinding {
    id: string;
    impact: string;
    help: string;
    targets: string[];
    /** Each flagged element's opening markup, as axe reports it. */
    html: string[];
}

const RUN_AXE = `(async () => {
    const results = await window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
        resultTypes: ['violations']
    });
    return results.violations
        .filter((violation) => ['moderate', 'serious', 'critical'].includes(violation.impact))
        .map((violation) => ({
            id: violation.id,
            impact: violation.impact,
            help: violation.help,
            targets: violation.nodes.map((node) => node.target.join(' ')),
            html: violation.nodes.map((node) => node.html)
        }));
})()`;

/** axe-core's WCAG 2.x A/AA and best-practice violations of impact moderate, serious or critical. */
export async function axeFindings(page: Page): Promise<AxeFinding[]> {
    if (!(await page.evaluate(`'axe' in window`))) {
        await page.addScriptTag({ content: AXE_SOURCE });
    }
    return (await page.evaluate(RUN_AXE)) as AxeFinding[];
}

export interface SkipLinkEvidence {
    /** The link's fragment, e.g. `#checkout-main-0` (LWC suffixes template ids). */
    href: string | null;
    /** The element with that id exists in the page, found by walking every shadow root. */
    targetInPage: boolean;
    /** What axe uses: the document's own lookup, which synthetic shadow keeps out of component trees. */
    targetByDocumentLookup: boolean;
}

const SKIP_LINK_EVIDENCE = `(() => {
    const all = [];
    const walk = (root) => root.querySelectorAll('*').forEach((element) => {
        all.push(element);
        if (element.shadowRoot) walk(element.shadowRoot);
    });
    walk(document);
    const link = all.find((element) => element.classList.contains('skip-link'));
    const href = link ? link.getAttribute('href') : null;
    const id = href ? href.slice(1) : '';
    return {
        href,
        targetInPage: Boolean(id) && all.some((element) => element.id === id),
        targetByDocumentLookup: Boolean(id) && Boolean(document.getElementById(id))
    };
})()`;

/** Why axe cannot see the preview page's skip-link target (see shopper-details.test.ts). */
export async function skipLinkEvidence(page: Page): Promise<SkipLinkEvidence> {
    return (await page.evaluate(SKIP_LINK_EVIDENCE)) as SkipLinkEvidence;
}
