/**
 * The simulator page's pure helpers, as browser JavaScript text (the page has no build step and the project
 * compiles without the DOM library). Nothing here touches the DOM: each function turns the admin API's JSON
 * (GET /_simulator/api/state) into the plain strings the page puts into text nodes, so a unit test can run
 * exactly these bytes in Node (test/simulator/page-format.test.ts) and the page script reuses them.
 */

/** The helper functions' source; `PAGE_HELPER_NAMES` lists what it defines. */
export const PAGE_HELPERS_JS = String.raw`
function amountText(amount) {
  if (amount === null || amount === undefined) return "open amount";
  if (typeof amount !== "object") return String(amount);
  var value = amount.value === undefined || amount.value === null ? "?" : String(amount.value);
  return amount.currency ? String(amount.currency) + " " + value : value;
}

function itemAmountText(item) {
  var parts = [amountText(item.amount)];
  if (item.amountType && item.amountType !== "fixed" && !(item.amount === null && item.amountType === "open")) parts.push(String(item.amountType));
  if (item.reusable) parts.push("reusable");
  return parts.join(", ");
}

function paymentText(payment, currency) {
  var amount = typeof payment.amount === "string" && currency ? String(currency) + " " + payment.amount : amountText(payment.amount);
  return amount + " at " + timeText(payment.paidAt) + (payment.reference ? " ref " + String(payment.reference) : "");
}

function timeText(at) {
  if (at === null || at === undefined || at === "") return "";
  var d = new Date(at);
  if (isNaN(d.getTime())) return String(at);
  return d.toISOString().slice(11, 23) + " UTC";
}

function durationText(ms) {
  if (typeof ms !== "number" || !isFinite(ms)) return "";
  if (ms < 1000) return Math.round(ms) + " ms";
  return (ms / 1000).toFixed(2) + " s";
}

function headerLines(headers) {
  if (!headers) return [];
  var pairs = Array.isArray(headers) ? headers : Object.keys(headers).map(function (k) { return [k, headers[k]]; });
  var lines = [];
  pairs.forEach(function (pair) {
    var values = Array.isArray(pair[1]) ? pair[1] : [pair[1]];
    values.forEach(function (v) { lines.push(String(pair[0]) + ": " + String(v)); });
  });
  return lines;
}

function bodyText(body) {
  if (body === null || body === undefined) return "";
  return typeof body === "string" ? body : JSON.stringify(body);
}

function requestText(url, request) {
  if (!request) return "(not sent)";
  var head = [String(request.method || "POST") + " " + String(url || "")].concat(headerLines(request.headers));
  return head.join("\n") + "\n\n" + bodyText(request.body);
}

function responseText(response, error) {
  if (!response) return error ? "no response: " + String(error) : "no response";
  var head = ["HTTP " + String(response.status)].concat(headerLines(response.headers));
  return head.join("\n") + "\n\n" + bodyText(response.body);
}

function deliveryStatusText(delivery) {
  if (delivery.response) return String(delivery.response.status);
  if (delivery.error) return "no answer";
  if (!delivery.sentAt) return "scheduled";
  return "no answer";
}

function checkText(check) {
  var mark = check.ok ? "\u2713 " : "\u2717 ";
  return mark + String(check.name) + (check.message ? ": " + String(check.message) : "");
}

function verdictText(verdict) {
  if (verdict === "ok") return "\u2713 ok";
  if (verdict === "retry") return "\u21bb retry";
  if (verdict === "failed") return "\u2717 failed";
  return String(verdict);
}

function nextAttemptText(delivery) {
  return delivery.verdict === "retry" && delivery.nextAttemptAt ? "next " + timeText(delivery.nextAttemptAt) : "";
}

function checksSummaryText(checks) {
  var list = checks || [];
  if (list.length === 0) return "no checks";
  var failed = list.filter(function (c) { return !c.ok; }).length;
  if (failed === 0) return "\u2713 all " + list.length + " passed";
  return "\u2717 " + failed + " of " + list.length + " failed";
}

function actionsFor(item, notified) {
  var actions = [];
  if (item.status === "pending") actions = ["pay", "expire", "fail"];
  else if (item.status === "paid" && item.reusable) actions = ["pay", "expire"];
  if (notified) actions.push("resend");
  return actions;
}

function simulateBody(action, item, amountInput) {
  var body = { action: action, id: item.id };
  if (item.family) body.family = item.family;
  var typed = typeof amountInput === "string" ? amountInput.trim() : "";
  if (action === "pay" && typed !== "") body.amount = typed;
  return body;
}

function resultText(action, number, answer) {
  var verbs = { pay: "Paid", expire: "Expired", fail: "Failed", resend: "Resent the last notification of" };
  if (answer && answer.error) return "Could not " + action + " " + String(number) + ": " + String(answer.error);
  var n = answer && Array.isArray(answer.deliveries) ? answer.deliveries.length : 0;
  var status = answer && answer.item ? String(answer.item.status) : "unknown";
  return (verbs[action] || action) + " " + String(number) + ": now " + status + ", " + n + (n === 1 ? " delivery" : " deliveries");
}

function newestFirst(deliveries) {
  var at = function (d) { var t = new Date(d.sentAt || d.scheduledAt).getTime(); return isNaN(t) ? 0 : t; };
  return deliveries.slice().sort(function (a, b) { return at(b) - at(a) || (b.attempt || 0) - (a.attempt || 0); });
}
`;

/** The functions PAGE_HELPERS_JS defines, in the order it defines them. */
export const PAGE_HELPER_NAMES = [
  "amountText",
  "itemAmountText",
  "paymentText",
  "timeText",
  "durationText",
  "headerLines",
  "bodyText",
  "requestText",
  "responseText",
  "deliveryStatusText",
  "checkText",
  "verdictText",
  "nextAttemptText",
  "checksSummaryText",
  "actionsFor",
  "simulateBody",
  "resultText",
  "newestFirst",
] as const;
