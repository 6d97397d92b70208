/**
 * The kit's one dynamic `import()` of a module named at run time (the generated validators index, the
 * generator's build-time tools). One place on purpose: the command line runs from a code-cached CommonJS
 * bundle (scripts/build.ts, conformance/code-cache.ts), and V8 gives a script compiled from a code cache no
 * way to resolve `import()`. That bundle leaves this module out and requires dist/cli/import-module.cjs, a
 * one-line file Node loads itself, whose `import()` works.
 */
export function importModule<T = unknown>(specifier: string): Promise<T> {
  return import(specifier) as Promise<T>;
}
