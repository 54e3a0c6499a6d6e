/**
 * `npm start`: the checkout components in a real browser against the offline emulator, on one origin.
 * Builds the force-app components (real lightning-base-components, SLDS), rebuilds on every change, and serves
 * the page, the emulator's Connect REST, Apex and admin endpoints. `PORT` overrides 3000.
 */
import { startPreviewServer } from './src/previewServer';

async function main(): Promise<void> {
    const port = Number(process.env.PORT ?? 3000);
    const preview = await startPreviewServer({
        port,
        watch: true,
        log: (line) => console.log(`[preview] ${line}`)
    });
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
