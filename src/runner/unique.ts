/**
 * Fields DOKU requires to be unique per merchant (a reused trxId answers 404xx18 "Inconsistent Request", a
 * reused invoice_number is refused, ...). Generated values can collide within a run, so valid cases of
 * creating operations are "freshened": when a key was already used in this run, its characters are rotated
 * in place (digit to digit, letter to letter, same length) until it is unused and the body still validates.
 * Assignment happens at plan time in plan order, so a run is deterministic for its seed.
 */
import type { Case } from "../model/case.js";
import type { Operation, ValidatorSet } from "../model/operation.js";

interface KeyGroup {
  /** Namespace shared by the operations that write the same store. */
  space: string;
  pointers: readonly string[];
}

const VA: KeyGroup[] = [
  { space: "snap-trx-id", pointers: ["/trxId"] },
  { space: "snap-va", pointers: ["/partnerServiceId", "/customerNo"] },
];

/** Unique key groups of the creating operations (kit knowledge, see docs/runner.md "Unique fields"). */
export const UNIQUE_KEYS: Readonly<Record<string, readonly KeyGroup[]>> = {
  snapCreateVa: VA,
  snapBtnCreateVaV1: VA,
  dokuVaCreatePaymentCode: [{ space: "invoice-number", pointers: ["/order/invoice_number"] }],
  dokuVaCreateMerchantPaymentCode: [{ space: "invoice-number", pointers: ["/order/invoice_number"] }],
  danaPayment: [{ space: "dana-partner-reference", pointers: ["/partnerReferenceNo"] }],
  danaRefund: [{ space: "dana-refund-no", pointers: ["/partnerRefundNo"] }],
};

const MAX_ATTEMPTS = 500;

/** Run-wide registry of used keys. */
export class UniqueKeys {
  private readonly used = new Map<string, Set<string>>();
  constructor(private readonly validators: ValidatorSet) {}

  /** The case with its unique keys unused in this run (unchanged when they already are). */
  freshen(operation: Operation, kase: Case): Case {
    const groups = UNIQUE_KEYS[operation.id];
    if (!groups || kase.expect.kind === "reject" || typeof kase.body !== "object" || kase.body === null)
      return kase;
    let body = kase.body as Record<string, unknown>;
    for (const group of groups) {
      const values = group.pointers.map((p) => at(body, p));
      if (values.some((v) => typeof v !== "string")) continue;
      const used = this.space(group.space);
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const candidate =
          attempt === 0 ? body : rotated(body, group.pointers, values as string[], attempt, operation);
        const key = group.pointers.map((p) => String(at(candidate, p)).trim()).join("|");
        if (used.has(key) || (attempt > 0 && !this.valid(operation, candidate))) continue;
        used.add(key);
        body = candidate;
        break;
      }
    }
    return body === kase.body ? kase : { ...withoutRaw(kase), body };
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

/** Rotates the key fields by `salt` (last field first), then re-applies the operation's concat rules. */
function rotated(
  body: Record<string, unknown>,
  pointers: readonly string[],
  values: string[],
  salt: number,
  operation: Operation,
) {
  const out = structuredClone(body);
  let rest = salt;
  for (let i = pointers.length - 1; i >= 0 && rest > 0; i--) {
    const value = values[i] as string;
    const capacity = capacityOf(value);
    setAt(out, pointers[i] as string, rotate(value, rest % capacity));
    rest = Math.floor(rest / capacity);
  }
  for (const rule of operation.rules) {
    if (rule.kind !== "concat" || rule.in !== "request") continue;
    const parts = (rule.parts as string[]).map((p) => at(out, p));
    if (parts.every((p) => typeof p === "string") && typeof at(out, rule.target as string) === "string") {
      setAt(out, rule.target as string, parts.join(""));
    }
  }
  return out;
}

const radix = (c: string) => (/[0-9]/.test(c) ? 10 : /[a-zA-Z]/.test(c) ? 26 : 1);

function capacityOf(value: string): number {
  return Math.min(
    [...value].reduce((n, c) => n * radix(c), 1),
    2 ** 40,
  );
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

function at(value: unknown, pointer: string): unknown {
  let node = value;
  for (const t of pointer.split("/").slice(1))
    node = typeof node === "object" && node !== null ? (node as Record<string, unknown>)[t] : undefined;
  return node;
}

function setAt(body: unknown, pointer: string, value: unknown) {
  const parts = pointer.split("/").slice(1);
  const last = parts.pop() as string;
  const parent = at(body, parts.length ? `/${parts.join("/")}` : "");
  if (typeof parent === "object" && parent !== null) (parent as Record<string, unknown>)[last] = value;
}

function withoutRaw(kase: Case): Case {
  const { rawBody: _raw, ...rest } = kase;
  return rest;
}
