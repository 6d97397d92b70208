/**
 * The simulator page's DOM script, as browser JavaScript text (no build step). It polls
 * GET /_simulator/api/state once a second, renders the items and the delivery log, and posts
 * /_simulator/api/simulate from the Pay / Expire / Fail buttons (same origin). Every value from the API can
 * come from a merchant's request, so it only ever reaches the page as a text node or through setAttribute
 * (never innerHTML). Rows are keyed by id and rebuilt only when their data changed, so an amount being
 * typed and an opened request/response stay put between polls.
 */

export const PAGE_DOM_JS = String.raw`
var BASE = location.pathname.replace(/\/+$/, "");
var POLL_MS = 1000;
var itemRows = new Map();
var deliveryRows = new Map();
var numbers = new Map();
var busy = new Set();
var notified = new Set();
var online = true;

function el(tag, attrs, children) {
  var node = document.createElement(tag);
  Object.keys(attrs || {}).forEach(function (name) {
    if (attrs[name] !== undefined && attrs[name] !== null && attrs[name] !== false) node.setAttribute(name, String(attrs[name]));
  });
  (children || []).forEach(function (child) {
    if (child === null || child === undefined) return;
    node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  });
  return node;
}

function list(lines, empty) {
  if (lines.length === 0) return el("span", { class: "muted" }, [empty]);
  return el("ul", { class: "plain" }, lines.map(function (line) {
    return typeof line === "string" ? el("li", {}, [line]) : line;
  }));
}

function announce(text) {
  document.getElementById("announce").textContent = text;
}

function itemRow(item, previous) {
  var number = String(item.number);
  var amountId = "amount-" + item.id;
  var oldInput = previous && previous.querySelector("input");
  var input = el("input", { id: amountId, name: "amount", inputmode: "decimal", autocomplete: "off", size: 10,
    placeholder: item.amount && item.amount.value !== undefined ? String(item.amount.value) : "amount" });
  if (oldInput) input.value = oldInput.value;
  var allowed = actionsFor(item, notified.has(item.id));
  input.disabled = allowed.indexOf("pay") < 0;
  var buttons = ["pay", "expire", "fail", "resend"].map(function (action) {
    var label = { pay: "Pay", expire: "Expire", fail: "Fail", resend: "Resend" }[action];
    var b = el("button", { type: "button", "data-action": action, "aria-label": label + " " + number,
      disabled: allowed.indexOf(action) < 0 }, [label]);
    b.addEventListener("click", function () { simulate(action, item, input); });
    return b;
  });
  var currency = item.amount && item.amount.currency;
  var payments = (item.payments || []).map(function (p) { return paymentText(p, currency); });
  return el("tr", { "data-id": item.id, "data-status": item.status }, [
    el("th", { scope: "row" }, [el("code", {}, [number])]),
    el("td", {}, [String(item.kind)]),
    el("td", {}, [String(item.family)]),
    el("td", { "data-field": "name", class: "wrap" }, [item.name === undefined || item.name === null ? "" : String(item.name)]),
    el("td", { "data-field": "amount" }, [itemAmountText(item)]),
    el("td", { "data-field": "status" }, [el("span", { class: "badge " + String(item.status) }, [String(item.status)])]),
    el("td", { "data-field": "payments", class: "wrap" }, [list(payments, "none")]),
    el("td", { class: "actions" }, [
      el("label", { for: amountId, class: "sr-only" }, ["Amount to pay for " + number + " (optional)"]),
      input,
    ].concat(buttons)),
  ]);
}

function deliveryRow(d, previous) {
  var oldToggle = previous && previous.querySelector("button[data-toggle]");
  var open = !!oldToggle && oldToggle.getAttribute("aria-expanded") === "true";
  var bytesId = "bytes-" + d.id;
  var checks = (d.checks || []).map(function (c) {
    return el("li", { class: c.ok ? "ok" : "bad" }, [checkText(c)]);
  });
  var failing = (d.checks || []).filter(function (c) { return !c.ok; }).map(function (c) {
    return el("li", { class: "bad" }, ["\u2717 " + String(c.name)]);
  });
  var bytesRow = el("tr", { id: bytesId, class: "bytes" }, [
    el("td", { colspan: 10 }, [
      el("h3", {}, ["Checks applied to the answer"]),
      el("div", { "data-field": "checks" }, [list(checks, "none")]),
      el("div", { class: "pair" }, [
        el("div", {}, [el("h3", {}, ["Request"]), el("pre", { "data-field": "request" }, [requestText(d.url, d.request)])]),
        el("div", {}, [el("h3", {}, ["Response"]), el("pre", { "data-field": "response" }, [responseText(d.response, d.error)])]),
      ]),
    ]),
  ]);
  bytesRow.hidden = !open;
  var toggle = el("button", { type: "button", "data-toggle": "bytes", "aria-expanded": open ? "true" : "false",
    "aria-controls": bytesId, "aria-label": (open ? "Hide" : "Show") + " the checks and bytes of attempt " + String(d.attempt) + " to " + String(d.url) }, [open ? "Hide" : "Show"]);
  toggle.addEventListener("click", function () {
    var show = bytesRow.hidden;
    bytesRow.hidden = !show;
    toggle.setAttribute("aria-expanded", show ? "true" : "false");
    toggle.setAttribute("aria-label", toggle.getAttribute("aria-label").replace(/^(Show|Hide)/, show ? "Hide" : "Show"));
    toggle.textContent = show ? "Hide" : "Show";
  });
  var time = d.sentAt || d.scheduledAt;
  var main = el("tr", {}, [
    el("td", {}, [el("time", { datetime: time }, [timeText(time)]), d.sentAt ? null : el("span", { class: "muted" }, [" scheduled"])]),
    el("th", { scope: "row" }, [el("code", {}, [numbers.get(d.itemId) || String(d.itemId)])]),
    el("td", { class: "wrap" }, [String(d.flow)]),
    el("td", {}, [String(d.kind)]),
    el("td", { "data-field": "attempt" }, [String(d.attempt)]),
    el("td", { "data-field": "status" }, [deliveryStatusText(d)]),
    el("td", {}, [durationText(d.durationMs)]),
    el("td", { "data-field": "verdict" }, [el("span", { class: "verdict " + String(d.verdict) }, [verdictText(d.verdict)]),
      nextAttemptText(d) ? " " : null, nextAttemptText(d) ? el("span", { class: "muted next" }, [nextAttemptText(d)]) : null]),
    el("td", { "data-field": "summary", class: "wrap" }, [checksSummaryText(d.checks), failing.length ? el("ul", { class: "plain" }, failing) : null]),
    el("td", {}, [toggle]),
  ]);
  return el("tbody", { "data-id": d.id, "data-item": d.itemId, "data-verdict": d.verdict }, [main, bytesRow]);
}

function focusKey(node) {
  if (node.getAttribute("data-action")) return '[data-action="' + node.getAttribute("data-action") + '"]';
  if (node.getAttribute("data-toggle")) return "[data-toggle]";
  return node.tagName === "INPUT" ? "input" : null;
}

function swap(tbody, oldRow, newRow) {
  var active = document.activeElement;
  var selector = active && oldRow.contains(active) ? focusKey(active) : null;
  tbody.replaceChild(newRow, oldRow);
  var target = selector && newRow.querySelector(selector);
  if (target && !target.disabled) target.focus();
}

function sync(container, head, rows, records, build, extraKey) {
  var seen = new Set();
  var previous = head;
  records.forEach(function (record) {
    var key = JSON.stringify(record) + (extraKey ? extraKey(record) : "");
    var known = rows.get(record.id);
    if (!known || known.key !== key) {
      var row = build(record, known && known.row);
      if (known) swap(container, known.row, row);
      known = { key: key, row: row };
      rows.set(record.id, known);
    }
    seen.add(record.id);
    var before = previous ? previous.nextSibling : container.firstChild;
    if (before !== known.row) container.insertBefore(known.row, before);
    previous = known.row;
  });
  rows.forEach(function (known, id) {
    if (!seen.has(id)) { known.row.remove(); rows.delete(id); }
  });
}

function render(state) {
  var items = state.items || [];
  var deliveries = newestFirst(state.deliveries || []);
  items.forEach(function (item) { numbers.set(item.id, String(item.number)); });
  notified = new Set(deliveries.filter(function (d) { return d.kind === "notification"; }).map(function (d) { return d.itemId; }));
  sync(document.querySelector("#items tbody"), null, itemRows, items, itemRow, function (item) { return notified.has(item.id) ? "|notified" : ""; });
  sync(document.getElementById("deliveries"), document.querySelector("#deliveries thead"), deliveryRows, deliveries, deliveryRow);
  document.getElementById("items-empty").hidden = items.length > 0;
  document.getElementById("deliveries-empty").hidden = deliveries.length > 0;
  document.getElementById("counts").textContent =
    items.length + (items.length === 1 ? " item, " : " items, ") + deliveries.length + (deliveries.length === 1 ? " delivery" : " deliveries");
}

function setOnline(ok, why) {
  var line = document.getElementById("connection");
  line.textContent = ok ? "Updated " + timeText(Date.now()) : "Cannot reach the mock: " + why;
  line.className = ok ? "muted" : "bad";
  if (ok !== online) announce(ok ? "Connected to the mock again." : "Cannot reach the mock.");
  online = ok;
}

function refresh() {
  return fetch(BASE + "/api/state", { cache: "no-store" })
    .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
    .then(function (state) { render(state); setOnline(true); }, function (e) { setOnline(false, String(e && e.message || e)); });
}

function simulate(action, item, input) {
  var id = item.id;
  var number = String(item.number);
  if (busy.has(id)) return;
  busy.add(id);
  announce(action + " " + number + "…");
  fetch(BASE + "/api/simulate", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(simulateBody(action, item, input.value)),
  })
    .then(function (r) { return r.json().catch(function () { return { error: "HTTP " + r.status }; }); })
    .then(function (answer) {
      if (!answer.error && action === "pay") input.value = "";
      announce(resultText(action, number, answer));
    }, function (e) { announce(resultText(action, number, { error: String(e && e.message || e) })); })
    .then(function () { busy.delete(id); return refresh(); });
}

function loop() {
  refresh().then(function () { setTimeout(loop, POLL_MS); });
}
loop();
`;
