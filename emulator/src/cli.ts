/** `npm run emulator -- --port N [--host H] [--scenario NAME] [--seed N] [--time-scale X]` */
import { startEmulatorServer } from './server';

function argument(name: string): string | undefined {
    const args = process.argv.slice(2);
    const index = args.indexOf(`--${name}`);
    if (index >= 0) return args[index + 1];
    const inline = args.find((a) => a.startsWith(`--${name}=`));
    return inline?.slice(name.length + 3);
}

function numberArgument(name: string): number | undefined {
    const value = argument(name);
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isFinite(n)) {
        console.error(`--${name} must be a number, got "${value}"`);
        process.exit(2);
    }
    return n;
}

async function main(): Promise<void> {
    const server = await startEmulatorServer({
        port: numberArgument('port') ?? Number(process.env.PORT ?? 0),
        host: argument('host') ?? '127.0.0.1',
        scenario: argument('scenario'),
        seed: numberArgument('seed'),
        timeScale: numberArgument('time-scale')
    });
    console.log(`listening on ${server.url}`);
    const stop = (): void => {
        void server.close().then(() => process.exit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
});
