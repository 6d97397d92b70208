/**
 * The callback certifier's skip conditions, in the one guard idiom (wrappers.ts `guard`): which case kinds
 * and answers each callback check applies to. The registry (registry.ts) wraps the checks with them.
 */
import type { CallbackExchange, CaseKind } from "../../model/callback-case.js";
import { selectResponse } from "../../validation/validate.js";
import { signsResponse } from "../response-signature.js";
import { guard } from "../wrappers.js";
import { responseCodeSchema } from "./callback-response-code.js";
import { type CallbackCheckContext, isAuthRefusal } from "./context.js";

type Ctx = CallbackCheckContext;
type Ex = CallbackExchange;

const GENERATED: readonly CaseKind[] = ["example", "boundary", "property", "pinned", "token"];
const FORGED: readonly CaseKind[] = ["forged", "token-forged"];

const isAnswered = (_ctx: Ctx, ex: Ex) => ex.response !== undefined;
const isGenuine = (_ctx: Ctx, ex: Ex) => ex.case.expect.kind === "accept";

/** Only when the merchant answered. */
export const answered = guard(isAnswered);
/** Only for genuine callbacks that were answered. */
export const genuine = guard((ctx: Ctx, ex: Ex) => isAnswered(ctx, ex) && isGenuine(ctx, ex));
/** Genuine answers, and refusals of forged cases where the spec documents the status (e.g. SNAP 401). */
export const documentedAnswer = guard(
  (ctx: Ctx, ex: Ex) =>
    ex.response !== undefined &&
    (isGenuine(ctx, ex) || selectResponse(ctx.operation, ex.response.status) !== undefined),
);
/** Answered generated, pinned and token cases, and the first delivery of a pair (the second is duplicate-consistent's). */
export const firstGenuine = guard(
  (ctx: Ctx, ex: Ex) =>
    isAnswered(ctx, ex) &&
    (GENERATED.includes(ex.case.kind) || (ex.case.kind === "duplicate" && ex.case.variant === "first")),
);
/** The second delivery of a duplicate pair, once the first one's exchange is attached. */
export const redelivery = guard(
  (_ctx: Ctx, ex: Ex) =>
    ex.case.kind === "duplicate" && ex.case.variant === "second" && ex.previous !== undefined,
);
/** Answered forged callbacks and forged token requests. */
export const forged = guard((ctx: Ctx, ex: Ex) => isAnswered(ctx, ex) && FORGED.includes(ex.case.kind));
/** Answered byte variants. */
export const byteVariant = guard(
  (ctx: Ctx, ex: Ex) => isAnswered(ctx, ex) && ex.case.kind === "byte-variant",
);
/** A genuine callback refused as unauthorized is valid-accepted's / byte-variant-accepted's finding. */
export const notAuthRefusal = guard((ctx: Ctx, ex: Ex) => !isAuthRefusal(ctx, ex.response?.status ?? 0));
/** The documented response for the status has a header schema. */
export const documentedHeaders = guard(
  (ctx: Ctx, ex: Ex) => selectResponse(ctx.operation, ex.response?.status ?? 0)?.headers !== undefined,
);
/** The documented response for the status has a responseCode schema. */
export const documentedCode = guard(
  (ctx: Ctx, ex: Ex) => responseCodeSchema(ctx, ex.response?.status ?? 0) !== undefined,
);
/** The documented response for the status declares a signature and the merchant's secret is known. */
export const signedAnswer = guard(
  (ctx: Ctx, ex: Ex) =>
    ex.response !== undefined &&
    ctx.credentials !== undefined &&
    signsResponse(ctx.operation, ex.response.status),
);
