/** Runs the emulator in its own process, so the server and the clients under test do not share a thread. */
import { startEmulatorServer } from '../../emulator/src/index';

async function main(): Promise<void> {
    const server = await startEmulatorServer({ port: 0 });
    process.send?.({ url: server.url });
    process.on('disconnect', () => {
        void Promise.resolve(server.close()).finally(() => process.exit(0));
    });
}

main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
});
