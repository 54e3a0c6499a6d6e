/** Loads the engine from its TypeScript source, with the platform modules stood in (see platform-modules). */
import { join } from 'node:path';
import { installPlatformModules, repoRoot } from './platform-modules';

export type EngineModule =
    typeof import('../../force-app/main/default/lwc/checkoutStore/checkoutStore');

export const engineSource = join(
    repoRoot,
    'force-app/main/default/lwc/checkoutStore/checkoutStore.ts'
);

export function loadEngine(): EngineModule {
    installPlatformModules();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(engineSource) as EngineModule;
}
