/**
 * `npm start`: the checkout components in a real browser against the offline emulator, on one origin.
 * Builds the force-app components (real lightning-base-components, SLDS) or reuses the stored build of the same
 * sources, rebuilds on every change, and serves the page, the emulator's Connect REST, Apex and admin endpoints.
 * `PORT` overrides 3000 (0 picks a free port).
 */
import { PREVIEW_CACHE_DIR } from './src/buildCache';
import { startPreviewServer } from './src/previewServer';

async function main(): Promise<void> {
    const port = Number(process.env.PORT ?? 3000);
    const preview = await startPreviewServer({
        port,
        watch: true,
        cacheDir: PREVIEW_CACHE_DIR,
        log: (line) => console.log(`[preview] ${line}`)
    });
    // Printed once the page answers without waiting for a build (a failed build answers too, with its errors).
    await preview.firstBuild;
    console.log(`[preview] checkout preview on ${preview.url}`);
    const stop = (): void => {
        void preview.close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
});
