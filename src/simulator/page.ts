/**
 * The page the mock serves at GET /_simulator: one self-contained HTML document (inline CSS and script, no
 * external asset, works offline) that lists the VAs, payment codes and orders the mock holds with Pay /
 * Expire / Fail / Resend buttons, and the delivery log (each inquiry, token and notification attempt with its checks
 * and exact bytes). The data comes from the admin API at run time, so the document itself is constant.
 * A Content-Security-Policy pins the inline script by its hash and allows no other script, image or
 * connection than the mock's own origin: a merchant-supplied value that slipped into markup could not run.
 */
import { createHash } from "node:crypto";
import { PAGE_HELPERS_JS } from "./page-format.js";
import { PAGE_DOM_JS } from "./page-script.js";

const STYLE = `
:root{--fg:#1b1f24;--muted:#57606a;--bg:#fff;--line:#d0d7de;--bad:#b42318;--warn:#8a5300;--ok:#1a7f37;--code:#f6f8fa;--focus:#0969da}
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
header,main,footer{max-width:90rem;margin:0 auto;padding:0 1rem}header{padding-top:1rem}footer{padding-bottom:2rem}
h1{font-size:1.4rem;margin:.5rem 0}h2{font-size:1.15rem;margin:1.5rem 0 .5rem}h3{font-size:.85rem;margin:.5rem 0 0}
p{margin:.25rem 0}.muted{color:var(--muted)}.bad{color:var(--bad)}.ok{color:var(--ok)}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.scroll{overflow-x:auto;border:1px solid var(--line);border-radius:6px}
table{border-collapse:collapse;width:100%;font-size:.9rem}caption{text-align:left;padding:.35rem .5rem;color:var(--muted)}
th,td{padding:.35rem .5rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}td.wrap{overflow-wrap:anywhere;min-width:8rem}
thead th{background:var(--code);white-space:nowrap}tbody th{font-weight:400;white-space:nowrap}
ul.plain{list-style:none;margin:0;padding:0}
.badge,.verdict{display:inline-block;padding:0 .4rem;border-radius:1rem;border:1px solid currentColor;font-size:.8rem;font-weight:600;white-space:nowrap}
.badge.paid,.verdict.ok{color:var(--ok)}.badge.failed,.verdict.failed{color:var(--bad)}.badge.expired,.verdict.retry{color:var(--warn)}
.actions input{width:7rem}
input,button{font:inherit;font-size:.9rem;padding:.25rem .5rem;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg);min-height:2rem;margin:.1rem}
button{white-space:nowrap;cursor:pointer;border-color:var(--muted)}button:disabled{cursor:not-allowed;opacity:.55}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85rem}
pre{background:var(--code);padding:.5rem;border-radius:6px;white-space:pre-wrap;overflow-wrap:anywhere;margin:.25rem 0;max-width:60rem}
tr.bytes td{background:var(--bg)}.next{display:block;font-size:.8rem;white-space:nowrap}.pair{display:grid;grid-template-columns:1fr 1fr;gap:.75rem}.pair pre{max-width:none}
.actions{white-space:nowrap}
@media (max-width:48rem){.pair{grid-template-columns:1fr}}
`;

const SCRIPT = `"use strict";${PAGE_HELPERS_JS}${PAGE_DOM_JS}`;

/** 'sha256-…' of the inline script, for the Content-Security-Policy. */
const scriptHash = `'sha256-${createHash("sha256").update(SCRIPT, "utf8").digest("base64")}'`;

const CSP = [
  "default-src 'none'",
  `script-src ${scriptHash}`,
  "style-src 'unsafe-inline'",
  "connect-src 'self'",
  "img-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

/** The whole /_simulator document, served as text/html; charset=utf-8. */
export const SIMULATOR_PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="referrer" content="no-referrer">
<title>DOKU simulator</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>DOKU simulator</h1>
<p>What this mock holds and what it sent to the merchant. Pay, expire or fail an item to make the mock
notify the merchant's URLs the way DOKU would.</p>
<p><span id="counts">Loading\u2026</span> <span id="connection" class="muted"></span></p>
<p id="announce" role="status" aria-live="polite"></p>
</header>
<main>
<section aria-labelledby="items-title">
<h2 id="items-title">VAs, payment codes and orders</h2>
<p id="items-empty" class="muted">Nothing yet: create a VA, payment code or order through the mock's API.</p>
<div class="scroll">
<table id="items">
<caption>Pay takes an optional amount (for open and limit-amount VAs); empty pays the amount due.</caption>
<thead><tr><th scope="col">Number</th><th scope="col">Kind</th><th scope="col">Family</th><th scope="col">Name</th><th scope="col">Amount</th><th scope="col">Status</th><th scope="col">Payments</th><th scope="col">Actions</th></tr></thead>
<tbody></tbody>
</table>
</div>
</section>
<section aria-labelledby="deliveries-title">
<h2 id="deliveries-title">Delivery log</h2>
<p id="deliveries-empty" class="muted">No inquiry, token request or notification sent yet.</p>
<div class="scroll">
<table id="deliveries">
<caption>Newest first. Each attempt with the checks applied to the merchant's answer; Show opens every check and the exact request and response.</caption>
<thead><tr><th scope="col">Time</th><th scope="col">Item</th><th scope="col">Flow</th><th scope="col">Kind</th><th scope="col">Attempt</th><th scope="col">HTTP status</th><th scope="col">Duration</th><th scope="col">Verdict</th><th scope="col">Checks</th><th scope="col">Details</th></tr></thead>
</table>
</div>
</section>
</main>
<footer><p class="muted">Served by doku-conformance's mock. Not DOKU: a local simulation for tests.</p></footer>
<script>${SCRIPT}</script>
</body>
</html>
`;
