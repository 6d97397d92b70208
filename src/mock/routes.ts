/** Method + path -> the merchant -> DOKU operation (`paths`; webhooks are DOKU -> merchant and not served). */
import type { Operation } from "../model/operation.js";

export interface Route {
  op: Operation;
  params: Record<string, string>;
}

export type RouteResult = { found: Route } | { notFound: true } | { wrongMethod: string[] };

interface Compiled {
  op: Operation;
  pattern: RegExp;
  names: string[];
}

/** Compiles the path templates once; `match` is then a scan over them. */
export function createRouter(
  operations: readonly Operation[],
): (method: string, path: string) => RouteResult {
  const compiled: Compiled[] = operations
    .filter((op) => op.kind === "path")
    .map((op) => {
      const names: string[] = [];
      const source = op.path
        .split(/(\{[^}]+\})/)
        .map((part) => {
          const name = /^\{([^}]+)\}$/.exec(part)?.[1];
          if (name === undefined) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
          names.push(name);
          return "([^/]+)";
        })
        .join("");
      return { op, pattern: new RegExp(`^${source}/?$`), names };
    });

  return (method, path) => {
    const allowed: string[] = [];
    for (const { op, pattern, names } of compiled) {
      const m = pattern.exec(path);
      if (m === null) continue;
      if (op.method !== method) {
        allowed.push(op.method);
        continue;
      }
      const params: Record<string, string> = {};
      names.forEach((name, i) => {
        params[name] = safeDecode(m[i + 1] ?? "");
      });
      return { found: { op, params } };
    }
    return allowed.length > 0 ? { wrongMethod: allowed } : { notFound: true };
  };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
