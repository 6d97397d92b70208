/**
 * Startup time. Prism's mocker loads @faker-js/faker (every locale: about a second) when it is loaded, but
 * only uses it for `faker` schema keywords, which the DOKU specs do not use. So before Prism is required,
 * Node's CommonJS module cache gets a stand-in for that one module whose objects load the real faker on
 * first use: answers that do need faker still get it. If the layout differs, nothing is changed. Prism
 * must then be loaded with require() (see prism.ts): the ESM loader keeps its own cache.
 */
import Module, { createRequire } from "node:module";

let installed = false;

/**
 * An object that stands for `target()` and resolves it on first use; `fixed` answers some keys without
 * resolving. The proxy's own target stays an empty object, so the engine's invariant checks never resolve.
 */
function deferred(target: () => object, fixed: Record<string, unknown> = {}): object {
  return new Proxy(
    {},
    {
      get: (_t, key) =>
        typeof key === "string" && Object.hasOwn(fixed, key) ? fixed[key] : Reflect.get(target(), key),
      has: (_t, key) => Reflect.has(target(), key),
      ownKeys: () => Reflect.ownKeys(target()),
      getOwnPropertyDescriptor: (_t, key) => {
        const descriptor = Reflect.getOwnPropertyDescriptor(target(), key);
        return descriptor === undefined ? undefined : { ...descriptor, configurable: true };
      },
    },
  );
}

/** Installs the stand-in once, resolved from Prism's own location; call before requiring Prism. */
export function deferFakerLoading(prismEntry: string): void {
  if (installed) return;
  installed = true;
  try {
    const fromPrism = createRequire(prismEntry);
    const path = fromPrism.resolve("@faker-js/faker");
    if (fromPrism.cache[path] !== undefined) return;
    let real: Record<string, unknown> | undefined;
    const load = (): Record<string, unknown> => {
      if (real === undefined) {
        delete fromPrism.cache[path];
        real = fromPrism(path) as Record<string, unknown>;
      }
      return real;
    };
    // json-schema-faker reads `.default` while Prism loads and keeps it: that one stays deferred too.
    const lazyDefault = deferred(() => load().default as object);
    const standIn = new Module(path);
    standIn.filename = path;
    standIn.loaded = true;
    standIn.exports = deferred(load, { default: lazyDefault });
    fromPrism.cache[path] = standIn;
  } catch {
    // Unexpected layout: Prism loads faker itself.
  }
}
