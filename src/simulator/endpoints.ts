/**
 * The merchant's endpoints as configured in DOKU's Back Office, per simulator family: `[family=]<url>`
 * (`--notify-url snap-va=http://127.0.0.1:8084/v1.1/transfer-va/payment`); a URL without a family applies to
 * every family that has no URL of its own. A flow name instead of a family (`--token-url
 * snap-va-inquiry=<url>`) gives that flow its own URL: the token endpoint of a separate inquiry service.
 */
import { UsageError } from "../model/errors.js";

export interface Endpoints {
  /** The Notification URL of `flow` (by flow name: a channel's own URL), else of the family. */
  notifyUrl(family: string, flow?: string): string | undefined;
  inquiryUrl(family: string): string | undefined;
  /** The token endpoint DOKU asks before a SNAP callback of `flow` (by flow name, then family). */
  tokenUrl(family: string, flow?: string): string | undefined;
}

/** Family -> URL ("*": every family). */
export type UrlTable = Readonly<Record<string, string>>;

/** Parses repeated `[name=]<url>` values of `flag`; `families` are the known family (and flow) names. */
export function parseUrlTable(
  flag: string,
  values: readonly string[],
  families: readonly string[],
): UrlTable {
  const table: Record<string, string> = {};
  for (const value of values) {
    const match = /^([a-z0-9]+(?:-[a-z0-9]+)*)=(.+)$/.exec(value);
    const family = match?.[1] ?? "*";
    const url = match?.[2] ?? value;
    if (family !== "*" && !families.includes(family))
      throw new UsageError(
        `${flag} ${value}: unknown family or flow "${family}"; expected one of ${families.join(", ")}`,
      );
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new UsageError(`${flag} ${value}: not a URL (http://host:port/path)`);
    }
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
      throw new UsageError(`${flag} ${value}: only http and https URLs`);
    if (family in table)
      throw new UsageError(`${flag}: two URLs for ${family === "*" ? "every family" : family}`);
    table[family] = parsed.href;
  }
  return table;
}

export function endpointsOf(notify: UrlTable, inquiry: UrlTable, token: UrlTable): Endpoints {
  const pick = (table: UrlTable) => (family: string) => table[family] ?? table["*"];
  return {
    notifyUrl: (family, flow) =>
      (flow === undefined ? undefined : notify[flow]) ?? notify[family] ?? notify["*"],
    inquiryUrl: pick(inquiry),
    tokenUrl: (family, flow) => (flow === undefined ? undefined : token[flow]) ?? token[family] ?? token["*"],
  };
}
