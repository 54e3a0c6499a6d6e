/**
 * A browser tab's own engine: every tab loads `c/checkoutStore` (and the `c/` modules it imports) afresh, so
 * the page-wide module state (pageRegistry.ts: orders placed or in flight, the live stores) is the tab's
 * alone, as it is in a browser. Two tabs then share only the server.
 *
 * Node keeps one instance per module file in `require.cache`; a realm is the engine's module graph evaluated
 * again with those entries out of the cache, after which the cache is put back as it was, so that
 * `loadEngine()` (the bench) keeps its one shared instance.
 */
import Module from 'node:module';
import { sep } from 'node:path';
import { engineSource, type EngineModule } from './engine';
import { installPlatformModules, repoRoot } from './platform-modules';

/** The engine and its `c/` imports live here: every module under it belongs to a realm. */
const LWC_ROOT = [repoRoot, 'force-app', 'main', 'default', 'lwc', ''].join(sep);

const isRealmModule = (file: string): boolean => file.startsWith(LWC_ROOT);

/** Takes the realm's modules out of the cache; returns them, to put back. */
function detachRealmModules(): Map<string, NodeJS.Module | undefined> {
    const detached = new Map<string, NodeJS.Module | undefined>();
    for (const file of Object.keys(require.cache)) {
        if (!isRealmModule(file)) continue;
        detached.set(file, require.cache[file]);
        delete require.cache[file];
    }
    return detached;
}

type Compile = (code: string, file: string) => unknown;
type LoadedModule = { _compile: Compile };
type Extension = (module: LoadedModule, file: string) => unknown;

const transformed = new Map<string, string>();
let extensionWrapped = false;

/**
 * A realm evaluates the engine's modules again but need not transform their TypeScript again: the first
 * realm keeps the JavaScript that tsx hands to Node for each engine file, later realms evaluate that (it
 * halves the cost of a tab: a soak opens some 1,500).
 */
function reuseTransformedEngine(): void {
    if (extensionWrapped) return;
    extensionWrapped = true;
    const extensions = (Module as unknown as { _extensions: Record<string, Extension> })
        ._extensions;
    const transform = extensions['.ts'];
    extensions['.ts'] = function load(module, file) {
        const code = isRealmModule(file) ? transformed.get(file) : undefined;
        if (code !== undefined) return module._compile(code, file);
        if (isRealmModule(file)) {
            const compile = module._compile;
            module._compile = function keep(this: LoadedModule, source, name) {
                transformed.set(name, source);
                return compile.call(this, source, name);
            };
        }
        return transform.call(this, module, file);
    };
}

/** One tab's engine, and a look at any of its modules (tests check what the realm holds). */
export interface EngineRealm {
    engine: EngineModule;
    /** The realm's instance of one engine file, e.g. `checkoutStore/pageRegistry.ts`. */
    module<T>(pathUnderLwc: string): T;
}

/** A fresh engine module instance: nothing it holds at module level is shared with any other realm. */
export function loadEngineRealm(): EngineRealm {
    installPlatformModules();
    reuseTransformedEngine();
    const previous = detachRealmModules();
    try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const engine = require(engineSource) as EngineModule;
        const modules = detachRealmModules();
        return {
            engine,
            module<T>(pathUnderLwc: string): T {
                const loaded = modules.get(LWC_ROOT + pathUnderLwc.split('/').join(sep));
                if (!loaded) throw new Error(`The realm did not load ${pathUnderLwc}`);
                return loaded.exports as T;
            }
        };
    } finally {
        detachRealmModules();
        for (const [file, loaded] of previous) require.cache[file] = loaded;
    }
}
