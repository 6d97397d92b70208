/**
 * Where a field lives in the spec sources: specs/*.yaml parsed with the `yaml` package (nodes keep their
 * ranges; a LineCounter turns offsets into lines), `$ref`s followed across files, so a finding can name the
 * file and line to edit (`specs/components/non-snap.yaml:235`), not a pointer into the bundled document.
 */
import { readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import type { Operation } from "../model/operation.js";

/** A file and 1-based line in the spec sources (file relative to `root`). */
export interface SourceLine {
  file: string;
  line: number;
}

interface At {
  file: string;
  node: unknown;
  /** 1-based line of the key that led here. */
  line: number;
}

type Loaded = { root: unknown; lines: LineCounter };

/** A reader of spec source files that resolves `$ref`s and reports key lines. */
export class SpecLines {
  private readonly cache = new Map<string, Loaded>();
  constructor(private readonly root: string) {}

  private load(file: string): Loaded {
    let loaded = this.cache.get(file);
    if (loaded === undefined) {
      const lines = new LineCounter();
      const doc = parseDocument(readFileSync(file, "utf8"), { lineCounter: lines, keepSourceTokens: false });
      loaded = { root: doc.contents, lines };
      this.cache.set(file, loaded);
    }
    return loaded;
  }

  private lineOf(file: string, offset: number | undefined): number {
    return offset === undefined ? 1 : this.load(file).lines.linePos(offset).line;
  }

  /** The file's root node. */
  open(file: string): At {
    return { file, node: this.load(file).root, line: 1 };
  }

  /** Follows `$ref` chains (relative files and `#/` pointers). */
  resolve(at: At): At {
    let current = at;
    for (let hops = 0; hops < 16 && isMap(current.node); hops++) {
      const ref = current.node.get("$ref");
      if (typeof ref !== "string") break;
      const [path = "", pointer = ""] = ref.split("#");
      const file = path === "" ? current.file : resolve(dirname(current.file), path);
      let next: At = this.open(file);
      for (const token of pointer.split("/").filter((t) => t !== ""))
        next = this.child(next, token.replace(/~1/g, "/").replace(/~0/g, "~")) ?? next;
      current = { ...next, line: next.line === 1 ? current.line : next.line };
    }
    return current;
  }

  /** The value under `key` (a map key, or a sequence index), with the key's line. */
  child(at: At, key: string): At | undefined {
    const { node, file } = this.resolve(at);
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
      if (pair === undefined) return undefined;
      return { file, node: pair.value, line: this.lineOf(file, (pair.key as Node).range?.[0]) };
    }
    if (isSeq(node) && /^[0-9]+$/.test(key)) {
      const item = node.items[Number(key)] as Node | undefined;
      return item === undefined ? undefined : { file, node: item, line: this.lineOf(file, item.range?.[0]) };
    }
    return undefined;
  }

  /** Every item of a sequence (resolved). */
  items(at: At): At[] {
    const { node, file } = this.resolve(at);
    if (!isSeq(node)) return [];
    return node.items.map((item) =>
      this.resolve({ file, node: item, line: this.lineOf(file, (item as Node).range?.[0]) }),
    );
  }

  /** Every key of a map (resolved). */
  keys(at: At): string[] {
    const { node } = this.resolve(at);
    return isMap(node) ? node.items.map((p) => String(isScalar(p.key) ? p.key.value : "")) : [];
  }

  /** The location to report: the file relative to the root directory. */
  report(at: At): SourceLine {
    return { file: relative(this.root, at.file), line: at.line };
  }

  /** The operation's node in its source file (`paths.<path>.<method>` or `webhooks.<id>.<method>`). */
  operation(specPath: string, op: Pick<Operation, "id" | "kind" | "path" | "method">): At | undefined {
    const top = this.open(specPath);
    const item = op.kind === "webhook" ? this.child(top, "webhooks") : this.child(top, "paths");
    const entry = item === undefined ? undefined : this.child(item, op.kind === "webhook" ? op.id : op.path);
    return entry === undefined ? undefined : this.child(entry, op.method.toLowerCase());
  }
}

/** The spec root file of a specs directory. */
export const specRoot = (dir: string) => join(dir, "doku.yaml");
