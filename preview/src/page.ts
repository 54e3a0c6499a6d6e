import type { BuildReport } from './build';

const escapeHtml = (text: string): string =>
    text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/**
 * The page shell: SLDS as the page stylesheet (synthetic shadow lets it style every component, as on an LWR
 * site), the store theme, and the bundle. A failed build shows its errors instead of a stale page.
 */
export function renderPage(build: BuildReport | null, buildId: number): string {
    const failure =
        build && !build.ok
            ? `<section class="build-error" role="alert"><h1>The preview build failed</h1>` +
              build.errors.map((error) => `<pre>${escapeHtml(error)}</pre>`).join('') +
              `<p>Fix the file and save: the page reloads after the next build.</p></section>`
            : '';
    return `<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Checkout | Checkout Kit preview</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/styles/salesforce-lightning-design-system.min.css">
<link rel="stylesheet" href="/__preview/static/store-theme.css">
${failure ? '' : '<script type="module" src="/dist/main.js"></script>'}
<script type="module" src="/__preview/static/live-reload.js" data-build-id="${buildId}"></script>
</head>
<body>
${failure}
<div id="checkout-page"></div>
<div id="developer-panel"></div>
</body>
</html>
`;
}
