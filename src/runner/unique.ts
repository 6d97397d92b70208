/**
 * Fields DOKU requires to be unique per merchant (a reused trxId answers 404xx18 "Inconsistent Request", a
 * reused invoice_number is refused, ...). Generated values can collide within a run, so valid cases of
 * creating operations are "freshened": when a key was already used in this run, its characters are rotated
 * in place (digit to digit, letter to letter, same length) until it is unused and the body still validates.
 * The key groups are spec data (`x-doku-unique-keys`, specs/README.md), carried in `Operation.uniqueKeys`.
 *
 * Key partitions: every (operation, phase) pair that writes a key space, as itself or as the prerequisite of
 * another operation, is a "writer" with its own share of that space: a range of the key's residue (residueOf:
 * the key read as a number, modulo the spec's total for the space). A writer only keeps keys of its share, so
 * two writers can never produce the same key, and a writer's keys depend only on its own cases: `--operation
 * X --phase P` draws only X's P cases and still gets exactly the keys the full run gave them. Rotating a key
 * by a salt adds the salt to that number, so a writer steers its rotations into its share instead of
 * sampling for them.
 */

import { PHASES } from "../engine/phases.js";
import type { Case, Phase } from "../model/case.js";
import type { Operation, UniqueKeyGroup, ValidatorSet } from "../model/operation.js";
import { parsePointer, valueAt } from "../model/pointer.js";
import { replaceAt } from "./replace-at.js";
import { rotationSafe } from "./rotation-safe.js";

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

/** A writer's share of a space: the residues [start, end) of `total` (see keyPartitions, residueOf). */
interface Share {
  start: number;
  end: number;
  total: number;
}

/** Every key in one share (no partitions, or the fallback of a space too small for its writers). */
const EVERYTHING: Share = { start: 0, end: 1, total: 1 };

/**
 * The residue of a key modulo `total`, which says whose share the key is in: the key's digits (radix 10) and
 * letters (radix 26, `a` and `A` are 0) read as one mixed-radix number, other characters skipped, reduced
 * modulo `total` as it is read (exact for any length). A function of the key alone, so one key has one owner;
 * and since rotating by a salt adds the salt to that number (rotated), the residue moves by the salt modulo
 * `total` unless the addition wraps around the value's capacity.
 */
export function residueOf(key: string, total: number): number {
  if (total <= 1) return 0;
  let r = 0;
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    if (code >= 48 && code <= 57) r = (r * 10 + code - 48) % total;
    else if (code >= 65 && code <= 90) r = (r * 26 + code - 65) % total;
    else if (code >= 97 && code <= 122) r = (r * 26 + code - 97) % total;
  }
  return r;
}

const inShare = (residue: number, share: Share) => residue >= share.start && residue < share.end;

/** How far past `residue` the share starts again: 0 when the residue is in it. */
function toShare(residue: number, share: Share): number {
  return inShare(residue, share) ? 0 : (share.start - residue + share.total) % share.total;
}

/** Candidate keys of the writer's share tried per key (rotations, then suffixes) before giving up. */
const MAX_ATTEMPTS = 500;
/**
 * In-place rotations (of the writer's share) tried per collision before suffixing. Short values share a small
 * rotation space that fills up at scale (thousands of short generated keys), so walking it further wastes the
 * attempts; the suffix path draws from a run-wide counter per key space and almost never collides.
 */
const ROTATIONS = 64;

/** The registry key of a group's field values. */
function keyOf(fields: readonly string[]): string {
  if (fields.length === 0) return "";
  let key = (fields[0] as string).trim();
  for (let i = 1; i < fields.length; i++) key += `|${(fields[i] as string).trim()}`;
  return key;
}

/** Where a freshening starts: a renewal salt (examples), the writer (its key partition), what is known. */
export interface FreshenFrom {
  /** Every key moves to an in-place variant starting at this salt, used or not (see renew). */
  salt?: number;
  writer?: KeyWriter;
  /**
   * The body is known to validate (a case source's valid case, valid by construction: CaseSource's
   * `validByConstruction`): a rotation-safe group's candidates are taken without validating it. Other
   * groups' candidates are still validated one by one.
   */
  valid?: boolean;
}

/** What a search for one key group starts from (the group's fields in the case body). */
interface Search {
  operation: Operation;
  body: Record<string, unknown>;
  pointers: readonly string[];
  original: string[];
  originalKey: string;
  used: Set<string>;
  renewal: number | undefined;
  gated: boolean;
  /** Rotations of this group cannot change validity (rotation-safe.ts): one check of the body stands for them. */
  rotationSafe: boolean;
  /** Whether the body the search starts from validates (asked once, when a rotation first needs it). */
  bodyValid: () => boolean;
}

/** A registry's recorded state (UniqueKeys.snapshot). */
export interface UniqueState {
  used: ReadonlyMap<string, ReadonlySet<string>>;
  resume: ReadonlyMap<string, number>;
  suffixes: ReadonlyMap<string, number>;
  built: number;
}

/** Run-wide registry of used keys. */
export class UniqueKeys {
  private readonly used = new Map<string, Set<string>>();
  /** Next salt to try per (space, writer, original key). */
  private readonly resume = new Map<string, number>();
  /** Next suffix number per (space, writer). */
  private readonly suffixes = new Map<string, number>();
  /** The writers' shares per space, with the space's total (built on first use). */
  private readonly shares = new Map<string, Map<string, Share>>();
  /** Per operation, whether each unique-key group's rotations are validity-safe (rotationSafe). */
  private readonly safe = new WeakMap<Operation, boolean[]>();
  private built = 0;
  private validations = 0;
  /**
   * @param partitions the spec's key partitions (keyPartitions); without them every writer shares one
   *   slot, and a writer's keys depend on every case freshened before it.
   * @param isRotationSafe which groups' rotations cannot change whether a body validates: one validation of
   *   the body then stands for every rotated candidate (default rotation-safe.ts; tests compare with none).
   */
  constructor(
    private readonly validators: ValidatorSet,
    private readonly partitions?: KeyPartitions,
    private readonly isRotationSafe: (operation: Operation, group: UniqueKeyGroup) => boolean = rotationSafe,
  ) {}

  /**
   * What the registry has recorded (used keys, resume points, suffix counters): a plan drawn on another
   * thread posts it when its stream ends, and `restore` makes this registry continue from it (shrinking
   * freshens its candidates against every key the run drew). Plain Maps and Sets: structured-cloneable.
   */
  snapshot(): UniqueState {
    return { used: this.used, resume: this.resume, suffixes: this.suffixes, built: this.built };
  }

  /** Continues from a snapshot of a registry over the same partitions (see snapshot); replaces this state. */
  restore(state: UniqueState): void {
    this.used.clear();
    for (const [space, keys] of state.used) this.used.set(space, new Set(keys));
    this.resume.clear();
    for (const [key, salt] of state.resume) this.resume.set(key, salt);
    this.suffixes.clear();
    for (const [key, n] of state.suffixes) this.suffixes.set(key, n);
    this.built = state.built;
  }

  /** Candidate keys the searches have built so far: what freshening costs (for tests and benchmarks). */
  get candidates(): number {
    return this.built;
  }

  /** Body validations the searches have run so far (for tests and benchmarks). */
  get validated(): number {
    return this.validations;
  }

  /**
   * The case with its unique keys unused in this run (unchanged when they already are, or cannot be);
   * `valid`: the body is known to validate (FreshenFrom).
   */
  freshen(operation: Operation, kase: Case, writer?: KeyWriter, valid = false): Case {
    return this.tryFreshen(operation, kase, { ...(writer ? { writer } : {}), valid }) ?? kase;
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
    const safe = this.rotationSafety(operation);
    // Whether `body` validates: known (from.valid), else unknown until a rotation needs it (a renewal's gate
    // already asked), and true once a search found a candidate (a candidate is only taken when it validates).
    let bodyValid: boolean | undefined =
      renewal === undefined ? (from.valid === true ? true : undefined) : gated;
    for (const [index, group] of groups.entries()) {
      const values = group.pointers.map((p) => valueAt(body, p));
      if (values.some((v) => typeof v !== "string")) continue;
      const original = values as string[];
      const used = this.space(group.space);
      const share = this.shareOf(group.space, writer);
      const originalKey = keyOf(original);
      if (
        renewal === undefined &&
        inShare(residueOf(originalKey, share.total), share) &&
        !used.has(originalKey)
      ) {
        used.add(originalKey);
        continue;
      }
      const start = body;
      const search: Search = {
        operation,
        body,
        pointers: group.pointers,
        original,
        originalKey,
        used,
        renewal,
        gated,
        rotationSafe: safe[index] === true,
        bodyValid: () => {
          bodyValid ??= this.valid(operation, start);
          return bodyValid;
        },
      };
      // In the writer's share first; a space too small for its writers (a two-digit key, say) falls back to
      // any unused key, so a run never reuses one: then that space's keys depend on the selection.
      const found =
        this.search(search, share, `${group.space}\u0000${writer}`) ??
        (share.end - share.start < share.total
          ? this.search(search, EVERYTHING, `${group.space}\u0000*`)
          : undefined);
      if (!found) return undefined;
      body = found;
      bodyValid = gated ? true : bodyValid;
    }
    if (body === kase.body) return kase;
    return "rawBody" in kase ? { ...withoutRaw(kase), body } : { ...kase, body };
  }

  /**
   * An unused variant of the key fields in `share` that the body validates with (undefined when none is
   * found within the budget): rotations in place, resumed where the last collision on the same value stopped
   * (linear, not quadratic, in the collisions), then (not for a renewal) suffixes from a counter per scope.
   * Both are steered: a rotation by salt s moves the residue by s, and the next suffix number by 1 (while its
   * length stays), so the search skips straight to the next salt or number whose key is in the share; each
   * candidate's residue is still checked (a rotation that wraps, a suffix that grows a character, land
   * elsewhere, and the search re-steers from where they landed).
   */
  private search(s: Search, share: Share, scope: string): Record<string, unknown> | undefined {
    const capacity = s.original.reduce((n, v) => Math.min(n * capacityOf(v), 2 ** 40), 1);
    const resumeKey = `${scope}\u0000${s.originalKey}`;
    let salt =
      s.renewal === undefined
        ? (this.resume.get(resumeKey) ?? 1)
        : 1 + (s.renewal % Math.max(1, capacity - 1));
    // The residue of rotation `salt` is (base + salt) mod total until a rotation wraps (then re-based).
    let base = residueOf(s.originalKey, share.total);
    // A renewal keeps the shape (rotations only); a collision rotates a little, then suffixes.
    const rotations = s.renewal === undefined ? ROTATIONS : MAX_ATTEMPTS;
    let found: Record<string, unknown> | undefined;
    let skippedUsed = false;
    // `tries` counts candidates in the share (the budgets' unit); `misses`, steering that landed outside.
    for (let tries = 0, misses = 0; tries < MAX_ATTEMPTS && misses < MAX_ATTEMPTS && !found; ) {
      let fields: string[];
      let rotation = false;
      if (tries < rotations) salt += toShare((base + salt) % share.total, share);
      if (salt < capacity && tries < rotations) {
        fields = rotated(s.original, salt++);
        rotation = true;
      } else if (s.renewal !== undefined) break;
      else fields = suffixed(s.original, this.nextSuffix(scope));
      this.built++;
      const fieldsKey = keyOf(fields);
      const residue = residueOf(fieldsKey, share.total);
      if (!inShare(residue, share)) {
        misses++;
        if (rotation) base = (residue - ((salt - 1) % share.total) + share.total) % share.total;
        else this.skipSuffixes(scope, toShare(residue, share) - 1);
        continue;
      }
      tries++;
      if (s.used.has(fieldsKey)) {
        skippedUsed = true;
        continue;
      }
      const candidate = withFields(s.body, s.pointers, fields, s.operation);
      if (s.gated && !(rotation && s.rotationSafe ? s.bodyValid() : this.valid(s.operation, candidate)))
        continue;
      s.used.add(fieldsKey);
      found = candidate;
    }
    // Only a value seen again (a used variant was skipped) is remembered: memory grows with the repeated
    // values, not with every key moved into its writer's share.
    if (s.renewal === undefined && skippedUsed) this.resume.set(resumeKey, salt);
    return found;
  }

  /** The writer's share of the space's residues (all of them without partitions). */
  private shareOf(space: string, writer: string): Share {
    let shares = this.shares.get(space);
    if (!shares) {
      shares = new Map();
      const partition = this.partitions?.get(space);
      for (const [key, { start, end }] of partition?.shares ?? [])
        shares.set(key, { start, end, total: partition?.total ?? 1 });
      this.shares.set(space, shares);
    }
    return shares.get(writer) ?? EVERYTHING;
  }

  private nextSuffix(key: string): number {
    const n = this.suffixes.get(key) ?? 0;
    this.suffixes.set(key, n + 1);
    return n;
  }

  /** Moves the scope's suffix counter `count` numbers ahead (numbers whose keys are not in the share). */
  private skipSuffixes(key: string, count: number): void {
    this.suffixes.set(key, (this.suffixes.get(key) ?? 0) + count);
  }

  private space(name: string): Set<string> {
    let set = this.used.get(name);
    if (!set) {
      set = new Set();
      this.used.set(name, set);
    }
    return set;
  }

  private rotationSafety(operation: Operation): boolean[] {
    let safe = this.safe.get(operation);
    if (!safe) {
      safe = (operation.uniqueKeys ?? []).map((group) => this.isRotationSafe(operation, group));
      this.safe.set(operation, safe);
    }
    return safe;
  }

  private valid(operation: Operation, body: unknown): boolean {
    this.validations++;
    const key = operation.request.body?.key;
    const validate = key ? this.validators[key] : undefined;
    return validate ? validate(body) : true;
  }
}

/**
 * Rotation `salt` of the key fields: `salt` added to the fields read as one number (their digits and
 * letters, see residueOf), carrying from the last field into earlier ones; what overflows the first is
 * dropped. Digits stay digits, letters letters, same lengths.
 */
function rotated(values: readonly string[], salt: number): string[] {
  const out = [...values];
  let rest = salt;
  for (let i = values.length - 1; i >= 0 && rest > 0; i--) {
    const [value, carry] = added(values[i] as string, rest);
    out[i] = value;
    rest = carry;
  }
  return out;
}

/**
 * The key fields with suffix `n` on the last one: decimal, or lower/upper-case letters (bijective base 26)
 * when that value is letters without digits, so the suffix is of a class the value already uses. While the
 * suffix keeps its length, n + 1 adds 1 to the key's number (residueOf).
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

/**
 * Adds `salt` to the value read as a number (its digits radix 10, its letters radix 26, other characters
 * kept in place), rightmost first, carrying; what overflows the value's capacity is dropped. Digits stay
 * digits, letters letters (and their case), same length.
 */
export function rotate(value: string, salt: number): string {
  return added(value, salt)[0];
}

/** `value` plus `amount` (see rotate), and the carry out of its leftmost digit or letter. */
function added(value: string, amount: number): [string, number] {
  let rest = amount;
  let tail = "";
  let i = value.length - 1;
  for (; i >= 0 && rest > 0; i--) {
    const code = value.charCodeAt(i);
    const base =
      code >= 48 && code <= 57 ? 48 : code >= 65 && code <= 90 ? 65 : code >= 97 && code <= 122 ? 97 : 0;
    if (base === 0) {
      tail = value.charAt(i) + tail;
      continue;
    }
    const r = base === 48 ? 10 : 26;
    const sum = code - base + rest;
    tail = String.fromCharCode(base + (sum % r)) + tail;
    rest = Math.floor(sum / r);
  }
  return [value.slice(0, i + 1) + tail, rest];
}

/** `body` with the value at `pointer` replaced (a copy along the path; no write when the parent is missing). */
function setAt(body: unknown, pointer: string, value: unknown): unknown {
  return replaceAt(body, parsePointer(pointer), value);
}

function withoutRaw(kase: Case): Case {
  const { rawBody: _raw, ...rest } = kase;
  return rest;
}
