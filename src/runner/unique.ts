/**
 * Fields DOKU requires to be unique per merchant (a reused trxId answers 404xx18 "Inconsistent Request", a
 * reused invoice_number is refused, ...). Generated values can collide within a run, so valid cases of
 * creating operations are "freshened": when a key was already used in this run, its characters are rotated
 * in place (digit to digit, letter to letter, same length) until it is unused and the body still validates.
 * The key groups are spec data (`x-doku-unique-keys`, specs/README.md), carried in `Operation.uniqueKeys`.
 *
 * Key partitions: every (operation, phase) pair that writes a key space, as itself or as the prerequisite of
 * another operation, is a "writer" with its own slot of that space (slot = a hash of the key, modulo the
 * number of writers the whole spec has for the space). A writer only keeps keys of its slot, so two writers
 * can never produce the same key, and a writer's keys depend only on its own cases: `--operation X --phase
 * P` draws only X's P cases and still gets exactly the keys the full run gave them.
 */

import { PHASES } from "../engine/phases.js";
import type { Case, Phase } from "../model/case.js";
import type { Operation, ValidatorSet } from "../model/operation.js";
import { parsePointer, valueAt } from "../model/pointer.js";
import { replaceAt } from "./replace-at.js";

/** Who writes a key: the cases of (operation, phase), or (setup) the prerequisites drawn for them. */
export interface KeyWriter {
  operation: string;
  phase: Phase;
  setup?: boolean;
}

/**
 * Per key space, the share of each writer: the hash residues [start, end) of `total` (see keyPartitions).
 */
export type KeyPartitions = ReadonlyMap<
  string,
  { shares: ReadonlyMap<string, { start: number; end: number }>; total: number }
>;

const writerKey = (w: KeyWriter) => `${w.operation}\u0000${w.phase}\u0000${w.setup ? "setup" : "own"}`;

/**
 * The key partitions of a spec's merchant -> DOKU operations: for each space, every (operation, phase) that
 * writes it directly and every (operation, phase) whose prerequisites write it, in spec order, each with a
 * share of the hash residues proportional to `weight` (how many keys it is expected to draw: a writer finds
 * a key of its share in about total / weight tries). Depends on the spec and the weights, never on what a
 * run selects.
 */
export function keyPartitions(
  operations: readonly Operation[],
  weight: (writer: KeyWriter) => number = () => 1,
): KeyPartitions {
  const out = new Map<string, { shares: Map<string, { start: number; end: number }>; total: number }>();
  const add = (space: string, writer: KeyWriter) => {
    let entry = out.get(space);
    if (!entry) {
      entry = { shares: new Map(), total: 0 };
      out.set(space, entry);
    }
    const key = writerKey(writer);
    if (entry.shares.has(key)) return;
    const end = entry.total + Math.max(1, Math.ceil(weight(writer)));
    entry.shares.set(key, { start: entry.total, end });
    entry.total = end;
  };
  for (const op of operations) {
    const creator = op.setup && operations.find((c) => c.id === op.setup?.creates);
    for (const phase of PHASES) {
      for (const group of op.uniqueKeys ?? []) add(group.space, { operation: op.id, phase });
      for (const group of creator?.uniqueKeys ?? [])
        add(group.space, { operation: op.id, phase, setup: true });
    }
  }
  return out;
}

/** FNV-1a over the key's UTF-16 units: modulo a space's total, the residue that says whose share a key is in. */
function hashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const MAX_ATTEMPTS = 500;
/**
 * In-place rotations tried per collision before suffixing. Short values share a small rotation space that
 * fills up at scale (thousands of short generated keys), so walking it further wastes the attempts; the
 * suffix path draws from a run-wide counter per key space and almost never collides.
 */
const ROTATIONS = 64;

/** The registry key of a group's field values. */
function keyOf(fields: readonly string[]): string {
  if (fields.length === 0) return "";
  let key = (fields[0] as string).trim();
  for (let i = 1; i < fields.length; i++) key += `|${(fields[i] as string).trim()}`;
  return key;
}

/** Where a freshening starts: a renewal salt (examples) and the writer (its key partition). */
export interface FreshenFrom {
  /** Every key moves to an in-place variant starting at this salt, used or not (see renew). */
  salt?: number;
  writer?: KeyWriter;
}

/** Run-wide registry of used keys. */
export class UniqueKeys {
  private readonly used = new Map<string, Set<string>>();
  /** Next salt to try per (space, writer, original key). */
  private readonly resume = new Map<string, number>();
  /** Next suffix number per (space, writer). */
  private readonly suffixes = new Map<string, number>();
  /**
   * @param partitions the spec's key partitions (keyPartitions); without them every writer shares one
   *   slot, and a writer's keys depend on every case freshened before it.
   */
  constructor(
    private readonly validators: ValidatorSet,
    private readonly partitions?: KeyPartitions,
  ) {}

  /** The case with its unique keys unused in this run (unchanged when they already are, or cannot be). */
  freshen(operation: Operation, kase: Case, writer?: KeyWriter): Case {
    return this.tryFreshen(operation, kase, writer ? { writer } : {}) ?? kase;
  }

  /**
   * The case with its unique keys moved to a variant of the same shape chosen by `salt` (a seed-derived
   * number), used or not: DOKU's fixed sample identifiers (the examples phase) are not re-sent as they are,
   * so another seed gives other keys against a stateful target. Unchanged when no variant fits.
   */
  renew(operation: Operation, kase: Case, salt: number, writer?: KeyWriter): Case {
    return this.tryFreshen(operation, kase, { salt, ...(writer ? { writer } : {}) }) ?? kase;
  }

  /**
   * Like freshen, but undefined when some key could not be made unique (the caller may draw another case).
   * With `from.salt`, every key moves to an in-place variant starting at that salt (see renew).
   */
  tryFreshen(operation: Operation, kase: Case, from: FreshenFrom = {}): Case | undefined {
    const groups = operation.uniqueKeys;
    if (!groups || kase.expect.kind === "reject" || typeof kase.body !== "object" || kase.body === null)
      return kase;
    const renewal = from.salt;
    let body = kase.body as Record<string, unknown>;
    // A spec example DOKU documents with a flaw (a conflict warning) is renewed as it is: no validity gate.
    const gated = renewal === undefined || this.valid(operation, body);
    const writer = from.writer ? writerKey(from.writer) : "";
    for (const group of groups) {
      const values = group.pointers.map((p) => valueAt(body, p));
      if (values.some((v) => typeof v !== "string")) continue;
      const original = values as string[];
      const used = this.space(group.space);
      const { start, end, total } = this.shareOf(group.space, writer);
      const mine = (key: string) => {
        if (total === 1) return true;
        const residue = hashOf(key) % total;
        return residue >= start && residue < end;
      };
      // About one candidate in `count` is in the writer's share: the search budgets scale with it.
      const count = Math.ceil(total / (end - start));
      const originalKey = keyOf(original);
      if (renewal === undefined && mine(originalKey) && !used.has(originalKey)) {
        used.add(originalKey);
        continue;
      }
      const search = { operation, body, pointers: group.pointers, original, used, renewal, gated };
      // In the writer's slot first; a space too small for its writers (a two-digit key, say) falls back to
      // any unused key, so a run never reuses one: then that space's keys depend on the selection.
      const found =
        this.search({ ...search, mine, scope: `${group.space}\u0000${writer}`, count }) ??
        (count > 1
          ? this.search({ ...search, mine: () => true, scope: `${group.space}\u0000*`, count: 1 })
          : undefined);
      if (!found) return undefined;
      body = found;
    }
    return body === kase.body ? kase : { ...withoutRaw(kase), body };
  }

  /**
   * An unused variant of the key fields that `mine` accepts and the body validates with (undefined when
   * none is found within the budget): rotations in place, resumed where the last collision on the same
   * value stopped (linear, not quadratic, in the collisions), then (not for a renewal) suffixes from a
   * counter per scope. About one candidate in `count` is `mine`, so the budgets scale with it.
   */
  private search(s: {
    operation: Operation;
    body: Record<string, unknown>;
    pointers: readonly string[];
    original: string[];
    used: Set<string>;
    renewal: number | undefined;
    gated: boolean;
    mine: (key: string) => boolean;
    scope: string;
    count: number;
  }): Record<string, unknown> | undefined {
    // Capacities once per value, not once per try.
    const capacities = s.original.map(capacityOf);
    const capacity = capacities.reduce((n, c) => Math.min(n * c, 2 ** 40), 1);
    const originalKey = keyOf(s.original);
    const resumeKey = `${s.scope}\u0000${originalKey}`;
    let salt =
      s.renewal === undefined
        ? (this.resume.get(resumeKey) ?? 1)
        : 1 + (s.renewal % Math.max(1, capacity - 1));
    // A renewal keeps the shape (rotations only); a collision rotates a little, then suffixes.
    const rotations = (s.renewal === undefined ? ROTATIONS : MAX_ATTEMPTS) * s.count;
    let found: Record<string, unknown> | undefined;
    let skippedUsed = false;
    for (let tries = 0; tries < MAX_ATTEMPTS * s.count && !found; tries++) {
      let fields: string[];
      if (salt < capacity && tries < rotations) fields = rotated(s.original, capacities, salt++);
      else if (s.renewal !== undefined) break;
      else fields = suffixed(s.original, this.nextSuffix(s.scope));
      const fieldsKey = keyOf(fields);
      if (!s.mine(fieldsKey)) continue;
      if (s.used.has(fieldsKey)) {
        skippedUsed = true;
        continue;
      }
      const candidate = withFields(s.body, s.pointers, fields, s.operation);
      if (s.gated && !this.valid(s.operation, candidate)) continue;
      s.used.add(fieldsKey);
      found = candidate;
    }
    // Only a value seen again (a used variant was skipped) is remembered: memory grows with the repeated
    // values, not with every key moved into its writer's share.
    if (s.renewal === undefined && skippedUsed) this.resume.set(resumeKey, salt);
    return found;
  }

  /** The writer's share of the space's hash residues (all of them without partitions). */
  private shareOf(space: string, writer: string): { start: number; end: number; total: number } {
    const partition = this.partitions?.get(space);
    const share = partition?.shares.get(writer);
    return partition && share ? { ...share, total: partition.total } : { start: 0, end: 1, total: 1 };
  }

  private nextSuffix(key: string): number {
    const n = this.suffixes.get(key) ?? 0;
    this.suffixes.set(key, n + 1);
    return n;
  }

  private space(name: string): Set<string> {
    let set = this.used.get(name);
    if (!set) {
      set = new Set();
      this.used.set(name, set);
    }
    return set;
  }

  private valid(operation: Operation, body: unknown): boolean {
    const key = operation.request.body?.key;
    const validate = key ? this.validators[key] : undefined;
    return validate ? validate(body) : true;
  }
}

/** Rotation `salt` of the key fields: digits stay digits, letters letters, same length; spilling into earlier fields. */
function rotated(values: readonly string[], capacities: readonly number[], salt: number): string[] {
  const out = [...values];
  let rest = salt;
  for (let i = values.length - 1; i >= 0 && rest > 0; i--) {
    const own = capacities[i] as number;
    out[i] = rotate(values[i] as string, rest % own);
    rest = Math.floor(rest / own);
  }
  return out;
}

/**
 * The key fields with suffix `n` on the last one: decimal, or lower/upper-case letters (bijective base 26)
 * when that value is letters without digits, so the suffix is of a class the value already uses.
 */
function suffixed(values: readonly string[], n: number): string[] {
  const out = [...values];
  const last = values.length - 1;
  const value = values[last] as string;
  let tail = String(n);
  if (/[a-zA-Z]/.test(value) && !/[0-9]/.test(value)) {
    const base = /[a-z]$/.test(value) || !/[A-Z]/.test(value) ? 97 : 65;
    tail = "";
    for (let k = n + 1; k > 0; k = Math.floor((k - 1) / 26))
      tail = String.fromCharCode(base + ((k - 1) % 26)) + tail;
  }
  out[last] = value + tail;
  return out;
}

/** The body with the key fields replaced and the operation's concat rules re-applied (copy-on-write). */
function withFields(
  body: Record<string, unknown>,
  pointers: readonly string[],
  fields: readonly string[],
  operation: Operation,
) {
  let out: unknown = body;
  pointers.forEach((pointer, i) => {
    out = setAt(out, pointer, fields[i]);
  });
  for (const rule of operation.rules) {
    if (rule.kind !== "concat" || rule.in !== "request") continue;
    const parts = (rule.parts as string[]).map((p) => valueAt(out, p));
    if (
      parts.every((p) => typeof p === "string") &&
      typeof valueAt(out, rule.target as string) === "string"
    ) {
      out = setAt(out, rule.target as string, parts.join(""));
    }
  }
  return out as Record<string, unknown>;
}

/** 10 for an ASCII digit, 26 for an ASCII letter, 1 otherwise (char codes: no regex per character). */
function radix(c: string): number {
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57) return 10;
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) ? 26 : 1;
}

function capacityOf(value: string): number {
  let n = 1;
  for (const c of value) {
    n *= radix(c);
    if (n >= 2 ** 40) return 2 ** 40;
  }
  return n;
}

/** Adds `salt` into the value's digits and letters, rightmost first, keeping each character's class. */
export function rotate(value: string, salt: number): string {
  const chars = [...value];
  let rest = salt;
  for (let i = chars.length - 1; i >= 0 && rest > 0; i--) {
    const c = chars[i] as string;
    const r = radix(c);
    if (r === 1) continue;
    const step = rest % r;
    rest = Math.floor(rest / r);
    if (r === 10) chars[i] = String((Number(c) + step) % 10);
    else {
      const base = c >= "a" ? 97 : 65;
      chars[i] = String.fromCharCode(base + ((c.charCodeAt(0) - base + step) % 26));
    }
  }
  return chars.join("");
}

/** `body` with the value at `pointer` replaced (a copy along the path; no write when the parent is missing). */
function setAt(body: unknown, pointer: string, value: unknown): unknown {
  return replaceAt(body, parsePointer(pointer), value);
}

function withoutRaw(kase: Case): Case {
  const { rawBody: _raw, ...rest } = kase;
  return rest;
}
