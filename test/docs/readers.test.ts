/** The page readers (GitBook markdown, saved HTML) and the spec line map, on tiny inline inputs. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { htmlToText } from "../../src/docs/html.js";
import { markdownToText } from "../../src/docs/markdown.js";
import { formatOf, readPage } from "../../src/docs/read.js";
import type { Operation } from "../../src/model/operation.js";
import { locator } from "../../src/specdiff/locate.js";
import { KNOWN_PAGES } from "../specs/seeds/load.js";
import { ROOT, removeScratch, scratch } from "./cli.js";

afterAll(removeScratch);

describe("GitBook markdown", () => {
  it.each([
    ["# BNI Virtual Account", "BNI Virtual Account"],
    ["## 1. Create VA", "1. Create VA"],
    [
      "> For the complete documentation index, see [llms.txt](https://x/llms.txt).",
      "For the complete documentation index, see llms.txt.",
    ],
    ["| Parameter | Type | Mandatory | Description |", "Parameter | Type | Mandatory | Description |"],
    ["| --- | :---: | --- | --- |", "---|---|---|---|"],
    [
      "| trxId | string | **Mandatory** | Invoice `max length: 64` |",
      "trxId | string | Mandatory | Invoice max length: 64 |",
    ],
    ['{% hint style="info" %}', ""],
    [
      '{% openapi src="https://x/openapi.json" path="/v1.1/transfer-va/create-va" method="post" %}',
      "POST /v1.1/transfer-va/create-va HTTP/1.1",
    ],
    ["{% endopenapi %}", ""],
    ["See <mark>this</mark> \\*note\\*", "See this *note*"],
  ])("%s", (md, text) => {
    expect(markdownToText(md)).toBe(text);
  });

  it("keeps fenced samples as they are and the line count", () => {
    const md = '```json\n{\n  "a": "**b**"\n}\n```\nafter';
    expect(markdownToText(md).split("\n")).toEqual(["", "{", '  "a": "**b**"', "}", "", "after"]);
  });
});

describe("saved HTML", () => {
  it("tables, header rows, pre blocks, entities; scripts dropped", () => {
    const html =
      "<html><head><script>x()</script></head><body><h2>DOKU VA Guide</h2><p>A &amp; B</p>" +
      "<table><tr><th>Parameter</th><th>Description</th></tr><tr><td>Client-Id</td><td>Client &lt;id&gt;</td></tr></table>" +
      '<pre><code>{\n  "a": 1\n}</code></pre></body></html>';
    expect(htmlToText(html).split("\n")).toEqual([
      "DOKU VA Guide",
      "A & B",
      "Parameter | Description |",
      "---|---|",
      "Client-Id | Client <id> |",
      "{",
      '  "a": 1',
      "}",
    ]);
  });
});

describe("reading a page", () => {
  it.each([
    ["page.md", "markdown"],
    ["page.HTML", "html"],
    ["page.htm", "html"],
    ["page.txt", "text"],
    ["page", "text"],
  ])("%s is %s", (file, format) => {
    expect(formatOf(file)).toBe(format);
  });

  it("a known page is recognized by its marker line in any form", () => {
    expect(readPage("x.md", "# DOKU VA Guide\nbody", KNOWN_PAGES).known?.id).toBe("001");
    expect(readPage("x.html", "<h1>BNI Virtual Account</h1>", KNOWN_PAGES).known?.id).toBe("002");
    expect(readPage("x.txt", "Some page", KNOWN_PAGES).known).toBeUndefined();
  });
});

describe("the spec line map", () => {
  const dir = (() => {
    mkdirSync(join(ROOT, ".tmp"), { recursive: true });
    const d = scratch("line-map");
    mkdirSync(join(d, "specs", "parts"), { recursive: true });
    const write = (f: string, text: string) => writeFileSync(join(d, "specs", f), text);
    write(
      "doku.yaml",
      "openapi: 3.1.0\npaths:\n  /x:\n    $ref: ./parts/x.yaml\nwebhooks:\n  hook:\n    $ref: ./parts/hook.yaml\n",
    );
    write(
      "parts/x.yaml",
      [
        "post:",
        "  operationId: op",
        "  parameters:",
        "    - $ref: ./common.yaml#/parameters/Sig",
        "  requestBody:",
        "    content:",
        "      application/json:",
        "        schema:",
        "          allOf:",
        "            - $ref: ./common.yaml#/schemas/Base",
        "            - type: object",
        "              properties:",
        "                extra:",
        "                  type: string",
        "  responses:",
        "    '200':",
        "      description: ok",
        "      headers:",
        "        X-Out:",
        "          schema: { type: string }",
        "",
      ].join("\n"),
    );
    write(
      "parts/hook.yaml",
      "post:\n  requestBody:\n    content:\n      application/json:\n        schema:\n          type: object\n          properties:\n            items:\n              type: array\n              items:\n                type: object\n                properties:\n                  id: { type: string }\n",
    );
    write(
      "parts/common.yaml",
      "parameters:\n  Sig:\n    name: X-SIGNATURE\n    in: header\n    schema: { type: string }\nschemas:\n  Base:\n    type: object\n    properties:\n      customer:\n        $ref: '#/schemas/Customer'\n  Customer:\n    type: object\n    properties:\n      name:\n        type: string\n",
    );
    return d;
  })();
  const ops = [
    { id: "op", kind: "path", path: "/x", method: "POST" },
    { id: "hook", kind: "webhook", path: "/hook", method: "POST" },
  ] as Operation[];
  const locate = locator(join(dir, "specs", "doku.yaml"), ops, dir);

  it.each([
    ["op", "extra", "specs/parts/x.yaml", 13],
    ["op", "customer", "specs/parts/common.yaml", 12],
    ["op", "customer.name", "specs/parts/common.yaml", 15],
    ["op", "x-signature", "specs/parts/common.yaml", 3],
    ["op", "X-Out", "specs/parts/x.yaml", 19],
    ["op", "sample@12", "specs/parts/x.yaml", 1],
    ["hook", "items.id", "specs/parts/hook.yaml", 13],
  ])("%s %s -> %s:%i", (op, field, file, line) => {
    expect(locate(op, field)).toEqual({ file, line });
  });

  it("an unknown operation has no location", () => {
    expect(locate("nope", "x")).toBeUndefined();
  });
});
