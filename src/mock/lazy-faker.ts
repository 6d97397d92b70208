/**
 * Startup time. Prism's mocker loads @faker-js/faker (every locale: about a second) when it is loaded, but
 * only uses it for `faker` schema keywords, which the DOKU specs do not use; @stoplight/http-spec loads
 * postman-collection for Postman collections, which the mock never reads; Prism's own request validator,
 * OpenAPI-callback runner and proxy forwarder (with Ajv, node-fetch and their dependencies) serve features
 * the mock turns off (`validateRequest`, `checkSecurity`, `isProxy`: see prism.ts) or that the specs do not
 * use (`callbacks`). So before Prism is required, Node's CommonJS module cache gets a stand-in for those
 * modules whose objects load the real module on first use: answers that do need them still get them (Prism's
 * logger reads the forwarder's body serializer on every answer, so that one loads with the first answer).
 * If the layout differs, nothing is changed. Prism must then be loaded with require() (see prism.ts): the ESM
 * loader keeps its own cache.
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

/**
 * Prism's own modules deferred (paths inside @stoplight/prism-http/dist), with the functions Prism reads from
 * them while it loads or builds an instance: those get stand-ins that load the module when called.
 */
export const DEFERRED_PRISM_MODULES: Readonly<Record<string, readonly string[]>> = {
  "validator/index.js": ["validateInput", "validateOutput", "validateSecurity"],
  "validator/validators/body.js": [],
  "validator/validators/headers.js": [],
  "mocker/callback/callbacks.js": [],
  "forwarder/index.js": ["default"],
};

/** Installs the stand-ins once, resolved from Prism's own location; call before requiring Prism. */
export function deferUnusedModules(prismEntry: string): void {
  if (installed) return;
  installed = true;
  const fromPrism = createRequire(prismEntry);
  // json-schema-faker reads faker's `.default` while Prism loads and keeps it: that one stays deferred too.
  defer(fromPrism, () => fromPrism.resolve("@faker-js/faker"), { deferDefault: true });
  // Required by @stoplight/http-spec (a dependency of Prism), resolved from there.
  defer(fromPrism, () => {
    const httpSpec = createRequire(fromPrism.resolve("@stoplight/http-spec/postman"));
    return httpSpec.resolve("postman-collection");
  });
  for (const [file, functions] of Object.entries(DEFERRED_PRISM_MODULES))
    defer(fromPrism, () => fromPrism.resolve(`./${file}`), { functions });
}

/** Puts a stand-in for the module at `resolve()` into the CommonJS cache (nothing when it is loaded or absent). */
function defer(
  fromPrism: NodeJS.Require,
  resolve: () => string,
  options: { deferDefault?: boolean; functions?: readonly string[] } = {},
): void {
  try {
    const path = resolve();
    if (fromPrism.cache[path] !== undefined) return;
    let real: Record<string, unknown> | undefined;
    const load = (): Record<string, unknown> => {
      if (real === undefined) {
        delete fromPrism.cache[path];
        real = fromPrism(path) as Record<string, unknown>;
      }
      return real;
    };
    const fixed: Record<string, unknown> = options.deferDefault
      ? { default: deferred(() => load().default as object) }
      : {};
    for (const name of options.functions ?? [])
      fixed[name] = (...args: unknown[]) => (load()[name] as (...a: unknown[]) => unknown)(...args);
    const standIn = new Module(path);
    standIn.filename = path;
    standIn.loaded = true;
    standIn.exports = deferred(load, fixed);
    fromPrism.cache[path] = standIn;
  } catch {
    // Unexpected layout: Prism loads the module itself.
  }
}
