/**
 * Whom a spec change breaks. A slot is either what the merchant sends to DOKU (a path's request, a webhook's
 * response) or what the merchant receives from DOKU (a path's response, a webhook's request: the callback).
 * Tightening what the merchant sends breaks the merchant's calls; loosening what the merchant receives breaks
 * the merchant's parser. For paths this is oasdiff's table (request-property-max-length-decreased is breaking,
 * response-property-enum-value-added is breaking); for webhooks the polarity flips, which oasdiff does not do
 * (its issue #1160): DOKU sending a new enum value or a longer string breaks the receiver.
 */

/** A neutral schema change, before the slot's direction decides whom it breaks. */
export type SchemaChange =
  | "property-added-required"
  | "property-added-optional"
  | "property-removed-required"
  | "property-removed-optional"
  | "became-required"
  | "became-optional"
  | "type-changed"
  | "max-length-decreased"
  | "max-length-increased"
  | "min-length-increased"
  | "min-length-decreased"
  | "maximum-decreased"
  | "maximum-increased"
  | "minimum-increased"
  | "minimum-decreased"
  | "enum-value-added"
  | "enum-value-removed"
  | "enum-added"
  | "enum-removed"
  | "pattern-changed"
  | "format-changed";

/** How serious a change is for the merchant (oasdiff's ERR / WARN / INFO). */
export type Level = "breaking" | "warning" | "info";

/** Who sends the slot: the merchant (to DOKU) or DOKU (to the merchant). */
export type Flow = "merchant-sends" | "merchant-receives";

/** [level when the merchant sends the slot, level when the merchant receives it]. */
export const RULES: Record<SchemaChange, [sends: Level, receives: Level]> = {
  "property-added-required": ["breaking", "info"],
  "property-added-optional": ["info", "info"],
  "property-removed-required": ["warning", "breaking"],
  "property-removed-optional": ["warning", "warning"],
  "became-required": ["breaking", "info"],
  "became-optional": ["info", "breaking"],
  "type-changed": ["breaking", "breaking"],
  "max-length-decreased": ["breaking", "info"],
  "max-length-increased": ["info", "breaking"],
  "min-length-increased": ["breaking", "info"],
  "min-length-decreased": ["info", "breaking"],
  "maximum-decreased": ["breaking", "info"],
  "maximum-increased": ["info", "breaking"],
  "minimum-increased": ["breaking", "info"],
  "minimum-decreased": ["info", "breaking"],
  "enum-value-added": ["info", "breaking"],
  "enum-value-removed": ["breaking", "info"],
  "enum-added": ["breaking", "info"],
  "enum-removed": ["info", "breaking"],
  "pattern-changed": ["warning", "warning"],
  "format-changed": ["warning", "warning"],
};

/** The level of a change in a slot of the given flow. */
export const levelOf = (change: SchemaChange, flow: Flow): Level =>
  RULES[change][flow === "merchant-sends" ? 0 : 1];

/** Whom a breaking change breaks, in words. */
export const WHO: Record<Flow, string> = {
  "merchant-sends": "a merchant calling DOKU",
  "merchant-receives": "a merchant receiving DOKU's messages",
};
