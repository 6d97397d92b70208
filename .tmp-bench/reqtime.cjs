const Module = require("module");
const orig = Module._load;
const stack = []; const self = new Map();
Module._load = function (req, parent, isMain) {
  const t0 = process.hrtime.bigint();
  stack.push(0n);
  try { return orig.apply(this, arguments); }
  finally {
    const dt = process.hrtime.bigint() - t0; const child = stack.pop();
    let name = req;
    try { const f = Module._resolveFilename(req, parent); const m = f.match(/node_modules\/((@[^/]+\/)?[^/]+)/); name = m ? m[1] : f; } catch {}
    self.set(name, (self.get(name) || 0n) + dt - child);
    if (stack.length) stack[stack.length - 1] += dt;
  }
};
(async () => {
  const { deferFakerLoading } = await import("../dist/src/mock/lazy-faker.js");
  const entry = require.resolve("@stoplight/prism-http");
  deferFakerLoading(entry);
  const t = process.hrtime.bigint();
  require(entry); require("@stoplight/prism-core");
  console.log("total", Number(process.hrtime.bigint() - t) / 1e6, "ms");
  console.log([...self].sort((a, b) => Number(b[1] - a[1])).slice(0, 18).map(([k, v]) => `${(Number(v) / 1e6).toFixed(0)}ms ${k}`).join("\n"));
})();
