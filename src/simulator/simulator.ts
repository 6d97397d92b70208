/**
 * The payment simulator: pay, expire or fail what the mock holds, as DOKU would. Paying checks the item's
 * state and amount rules (a closed bill takes its amount, open / limit amounts stay within min / max, a
 * non-reusable VA is paid once; a refusal is a SimulateError 409 with the reason), records the payment in the
 * mock's state (check status reports it) and sends the family's notification. A number the mock does not hold
 * is asked of the merchant first (direct inquiry, DIPC) when the family has an inquiry flow and URL.
 * Expiring and failing change the state only: DOKU documents no VA notification for either.
 */

import { type Flow, flowsOf } from "../callbacks/flows.js";
import { callbackHeaders } from "../callbacks/headers.js";
import { newIdempotencyKey } from "../callbacks/ids.js";
import type { RunningMock } from "../mock/index.js";
import type { SimulateDeclaration, SpecBundle } from "../model/operation.js";
import { requireOperation } from "../validation/operation-lookup.js";
import type { Deliverer, Job } from "./delivery.js";
import type { Endpoints } from "./endpoints.js";
import type { Payable, SimulatorFamily } from "./families/family.js";
import { SIMULATOR_FAMILIES } from "./families/index.js";
import type { Delivery, Item, SimulateResult } from "./types.js";

/** A refused action: the HTTP status the admin route answers (400 bad input, 404 unknown, 409 refused). */
export class SimulateError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
  ) {
    super(message);
    this.name = "SimulateError";
  }
}

export interface SimulateRequest {
  action: string;
  id: string;
  amount?: number | string | undefined;
  /** DIPC: the family to ask when the number is unknown and several families could (e.g. "snap-va"). */
  family?: string | undefined;
}

export const ACTIONS = ["pay", "expire", "fail", "resend"] as const;

interface FamilyEntry {
  name: string;
  family: SimulatorFamily;
  declaration: SimulateDeclaration;
}

export class Simulator {
  private readonly families: FamilyEntry[];
  private readonly flows: Readonly<Record<string, Flow>>;

  constructor(
    private readonly bundle: SpecBundle,
    private readonly mock: RunningMock,
    private readonly endpoints: Endpoints,
    private readonly deliverer: Deliverer,
  ) {
    const seen = new Map<string, FamilyEntry>();
    for (const op of bundle.operations) {
      const declaration = op.simulate;
      const family = declaration === undefined ? undefined : SIMULATOR_FAMILIES[declaration.family];
      if (declaration === undefined || family === undefined || seen.has(declaration.family)) continue;
      seen.set(declaration.family, { name: declaration.family, family, declaration });
    }
    this.families = [...seen.values()];
    this.flows = flowsOf(bundle);
  }

  /** Every item the mock holds, family by family, oldest first. */
  items(): Item[] {
    return this.payables().map((p) => p.item);
  }

  /** The item `id` finds (number, invoice, trxId, Request-Id, Checkout token, payment reference), if any. */
  item(id: string): Item | undefined {
    return this.find(id)?.payable.item;
  }

  get deliveries(): readonly Delivery[] {
    return this.deliverer.log;
  }

  async act(request: SimulateRequest): Promise<SimulateResult> {
    const action = request.action;
    if (!(ACTIONS as readonly string[]).includes(action))
      throw new SimulateError(
        400,
        `action must be one of ${ACTIONS.join(", ")}; got ${JSON.stringify(action)}`,
      );
    const id = typeof request.id === "string" ? request.id.trim() : "";
    if (id === "")
      throw new SimulateError(400, "id is missing: a VA number, payment code, invoice number or trxId");
    const found = this.find(id);
    if (action === "pay") return this.pay(id, found, request);
    if (found === undefined)
      throw new SimulateError(404, `no VA number, payment code, invoice number or trxId ${id} on this mock`);
    if (action === "resend") return this.resend(found);
    return this.settleOnly(found.payable, action === "expire" ? "expired" : "failed");
  }

  private payables(): (Payable & { entry: FamilyEntry })[] {
    const now = this.mock.clock();
    return this.families.flatMap((entry) =>
      entry.family.list(this.mock.state, now).map((p) => Object.assign(p, { entry })),
    );
  }

  private find(id: string): { payable: Payable; entry: FamilyEntry } | undefined {
    const all = this.payables();
    const hit =
      all.find((p) => p.item.id === id) ??
      all.find((p) => p.aliases.includes(id) || p.item.number === id) ??
      all.find((p) => p.item.payments.some((payment) => payment.reference === id));
    return hit === undefined ? undefined : { payable: hit, entry: hit.entry };
  }

  private async pay(
    id: string,
    found: { payable: Payable; entry: FamilyEntry } | undefined,
    request: SimulateRequest,
  ): Promise<SimulateResult> {
    const deliveries: Delivery[] = [];
    let target = found;
    // DIPC: DOKU asks the merchant on every payment of a number it does not hold (or knows only from an inquiry).
    const reask =
      found?.payable.inquired === true && this.endpoints.inquiryUrl(found.entry.name) !== undefined;
    if (target === undefined || reask) {
      const entry = found?.entry ?? this.dipcFamily(id, request.family);
      const asked = await this.inquire(entry, found?.payable.item.number ?? id);
      deliveries.push(...asked.deliveries);
      target = { payable: asked.payable, entry };
    }
    const { payable, entry } = target;
    const now = this.mock.clock();
    const item = payable.item;
    const settled = payable.settlement;
    if (settled?.status === "expired" || settled?.status === "failed")
      throw new SimulateError(409, `${item.id} is ${settled.status}; DOKU refuses the payment`);
    if (item.status === "expired" || (payable.expiresAt !== undefined && now >= payable.expiresAt))
      throw new SimulateError(409, `${item.id} has expired (or was cancelled); DOKU refuses the payment`);
    if (settled?.status === "paid" && !item.reusable)
      throw new SimulateError(
        409,
        `${item.id} is already paid and not reusable; DOKU refuses a second payment`,
      );
    const amount = this.amountOf(payable, entry.family, request.amount);
    const payment = { amount, paidAt: now, reference: payable.reference() };
    payable.settle({ status: "paid", payments: [...(settled?.payments ?? []), payment] });
    const flowName = notificationFlow(entry.declaration, payable);
    const url = this.endpoints.notifyUrl(entry.name, flowName);
    if (url !== undefined) {
      const flow = this.flow(flowName);
      deliveries.push(
        ...(await this.deliverer.send(this.job(entry, flow, item.id, url, payable.notification(payment)))),
      );
    }
    return { item: this.view(item.id), deliveries };
  }

  private async resend(found: { payable: Payable; entry: FamilyEntry }): Promise<SimulateResult> {
    const flowName = notificationFlow(found.entry.declaration, found.payable);
    const sent = this.deliverer.last.get(`${found.payable.item.id}|${flowName}`);
    if (sent === undefined)
      throw new SimulateError(409, `no notification was sent for ${found.payable.item.id}; pay it first`);
    return { item: found.payable.item, deliveries: await this.deliverer.resend(sent) };
  }

  private settleOnly(payable: Payable, status: "expired" | "failed"): SimulateResult {
    const item = payable.item;
    const refused = payable.refuses?.(status === "expired" ? "expire" : "fail");
    if (refused !== undefined) throw new SimulateError(409, refused);
    const settled = payable.settlement;
    const open =
      item.status === "pending" || (status === "expired" && item.status === "paid" && item.reusable);
    if (!open) throw new SimulateError(409, `${item.id} is ${item.status}; it cannot become ${status}`);
    payable.settle({ status, payments: settled?.payments ?? [] });
    return { item: this.view(item.id), deliveries: [] };
  }

  private view(id: string): Item {
    const found = this.find(id);
    if (found === undefined)
      throw new SimulateError(404, `no VA number, payment code, invoice number or trxId ${id} on this mock`);
    return found.payable.item;
  }

  /** The amount to pay, by the item's rules; a refusal names the rule. */
  private amountOf(payable: Payable, family: SimulatorFamily, given: number | string | undefined): string {
    const { limits, item } = payable;
    let value: number;
    if (given === undefined || given === "") {
      const bill = item.amount === null ? undefined : Number(item.amount.value);
      if (limits.exact !== undefined) value = limits.exact;
      else if (bill !== undefined && bill > 0) value = bill;
      else
        throw new SimulateError(400, `${item.id} has no fixed amount (${item.amountType}); give an amount`);
    } else {
      value = typeof given === "number" ? given : Number(String(given).trim());
      if (!Number.isFinite(value) || value <= 0)
        throw new SimulateError(400, `amount ${JSON.stringify(given)} is not a positive number`);
    }
    if (limits.exact !== undefined && value !== limits.exact)
      throw new SimulateError(409, `${item.id} is a closed bill of ${limits.exact}; DOKU refuses ${value}`);
    if (limits.min !== undefined && value < limits.min)
      throw new SimulateError(409, `${value} is below ${item.id}'s minimum amount ${limits.min}`);
    if (limits.max !== undefined && value > limits.max)
      throw new SimulateError(409, `${value} is above ${item.id}'s maximum amount ${limits.max}`);
    try {
      return family.formatAmount(value);
    } catch (error) {
      throw new SimulateError(400, `amount ${value}: ${(error as Error).message}`);
    }
  }

  /** The family to ask about an unknown number: the one given, or the only one with an inquiry URL. */
  private dipcFamily(id: string, wanted: string | undefined): FamilyEntry {
    const candidates = this.families.filter(
      (f) => f.declaration.inquiry !== undefined && this.endpoints.inquiryUrl(f.name) !== undefined,
    );
    if (wanted !== undefined) {
      const entry = candidates.find((f) => f.name === wanted);
      if (entry === undefined)
        throw new SimulateError(
          400,
          `family ${wanted} cannot ask the merchant about ${id}: it needs an inquiry flow and --inquiry-url ${wanted}=<url>`,
        );
      return entry;
    }
    if (candidates.length === 1 && candidates[0] !== undefined) return candidates[0];
    if (candidates.length === 0)
      throw new SimulateError(
        404,
        `no VA number, payment code, invoice number or trxId ${id} on this mock, and no --inquiry-url to ask the merchant about it (direct inquiry)`,
      );
    throw new SimulateError(
      400,
      `no VA number, payment code, invoice number or trxId ${id} on this mock; give the family to ask the merchant (one of ${candidates.map((c) => c.name).join(", ")})`,
    );
  }

  /** DIPC: DOKU asks the merchant's Inquiry URL for the bill of `number`. */
  private async inquire(
    entry: FamilyEntry,
    number: string,
  ): Promise<{ payable: Payable; deliveries: Delivery[] }> {
    const flow = this.flow(entry.declaration.inquiry ?? "");
    const url = this.endpoints.inquiryUrl(entry.name) ?? "";
    const { inquiry, fromInquiry } = entry.family;
    if (inquiry === undefined || fromInquiry === undefined)
      throw new SimulateError(400, `family ${entry.name} has no direct inquiry`);
    const key = newIdempotencyKey(flow.family);
    // SNAP inquiryRequestId is at most 30 characters; the X-EXTERNAL-ID (20 digits) fits and ties the two.
    const body = inquiry(number, key.value, this.mock.clock());
    const job = this.job(entry, flow, number, url, body);
    job.headers[key.header] = key.value;
    const deliveries = await this.deliverer.send(job);
    const answer = deliveries.at(-1);
    const response = answer?.response;
    if (response === undefined || response === null)
      throw new SimulateError(
        409,
        `the merchant's Inquiry URL ${url} did not answer (${answer?.error ?? "no answer"}); DOKU does not let the customer pay`,
      );
    const outcome = fromInquiry(
      this.mock.state,
      this.mock.identity.clientId,
      number,
      body,
      { status: response.status, json: parseJson(response.body), requestId: key.value },
      this.mock.clock(),
    );
    if ("declined" in outcome) throw new SimulateError(409, outcome.declined);
    return { payable: outcome.payable, deliveries };
  }

  private job(entry: FamilyEntry, flow: Flow, itemId: string, url: string, body: unknown): Job {
    const operation = requireOperation(this.bundle, flow.operationId);
    return {
      itemId,
      family: entry.name,
      flow,
      url,
      body: JSON.stringify(body),
      headers: callbackHeaders(flow, operation, this.mock.identity.clientId),
      retryAfterSeconds: flow.kind === "notification" ? entry.declaration.retryAfterSeconds : [],
    };
  }

  private flow(name: string): Flow {
    const flow = this.flows[name];
    if (flow === undefined) throw new Error(`x-doku-simulate names flow ${name}, which no webhook declares`);
    return flow;
  }
}

/** The notification flow of a payable: its channel's own (x-doku-simulate notificationBy), else the family's. */
export function notificationFlow(declaration: SimulateDeclaration, payable: Payable): string {
  const by = declaration.notificationBy;
  const value = by === undefined ? undefined : payable.created?.(by.pointer);
  const own = typeof value === "string" && by !== undefined ? by.flows[value] : undefined;
  return own ?? declaration.notification;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
