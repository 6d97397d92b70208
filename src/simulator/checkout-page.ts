/**
 * The page the mock serves at the Checkout payment URL it hands out (`GET /checkout/link/<token>`): a plain
 * stand-in for DOKU's hosted Checkout page, naming the order and linking to the simulator page, where the
 * order can be paid. Every value is HTML-escaped; no script.
 */
import type { Item } from "./types.js";

/** HTML-escapes text for element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

const STYLE =
  "body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5}" +
  "dt{font-weight:600}code{font-family:ui-monospace,monospace}";

/** The stand-in page for a Checkout order, or for a token the mock does not know (item undefined). */
export function checkoutLinkPage(token: string, item: Item | undefined): string {
  const head = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>DOKU Checkout (doku-conformance mock)</title><style>${STYLE}</style></head><body>`;
  const intro =
    "<h1>DOKU Checkout: the kit's stand-in</h1>" +
    "<p>This is <strong>not</strong> DOKU's hosted Checkout page: it is the doku-conformance mock's stand-in for " +
    "the payment URL DOKU hands out. No customer pays here; pay the order from the " +
    '<a href="/_simulator">payment simulator</a> (or <code>doku-conformance simulate pay &lt;invoice&gt;</code>).</p>';
  const details =
    item === undefined
      ? `<p>No Checkout order on this mock has the token <code>${escapeHtml(token)}</code>.</p>`
      : `<dl><dt>Invoice number</dt><dd><code>${escapeHtml(item.id)}</code></dd>` +
        `<dt>Amount</dt><dd>${item.amount === null ? "(none)" : `${escapeHtml(item.amount.value)} ${escapeHtml(item.amount.currency)}`}</dd>` +
        `<dt>Status</dt><dd>${escapeHtml(item.status)}</dd></dl>`;
  return `${head}${intro}${details}</body></html>`;
}
