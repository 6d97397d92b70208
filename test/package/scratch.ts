/** The scratch project's files: a plain .mjs user, a strict TypeScript consumer and its tsconfig. */

/** Imports the package from plain Node; prints operations, violations of an empty body, version as JSON. */
export const SMOKE_MJS = `import { loadSpecBundle, operationValidation, validateRequest } from "doku-conformance";
import pkg from "doku-conformance/package.json" with { type: "json" };
import { dokuMatchers } from "doku-conformance/vitest";

const bundle = await loadSpecBundle();
const violations = validateRequest(operationValidation(bundle, "snapCreateVa"), { body: {} });
const matcher = dokuMatchers.toBeValidDokuRequest({}, "snapCreateVa").pass;
console.log(JSON.stringify({ operations: bundle.operations.length, violations: violations.length, version: pkg.version, matcher }));
`;

/** A consumer of the public API and of the generated paths/webhooks types (docs/signatures.md). */
export const CONSUMER_TS = `import {
  createDokuClient,
  loadSpecBundle,
  type Operation,
  operationValidation,
  type RunOptions,
  type Violation,
  validateRequest,
} from "doku-conformance";
import type { paths, webhooks } from "doku-conformance/types";
import { certifyHandler, type DokuMatchers, dokuMatchers } from "doku-conformance/vitest";

type CreateVa = paths["/virtual-accounts/bi-snap-va/v1.1/transfer-va/create-va"]["post"];
export type CreateVaBody = NonNullable<CreateVa["requestBody"]>["content"]["application/json"];
export type Webhook = keyof webhooks;

const bundle = await loadSpecBundle();
const operations: readonly Operation[] = bundle.operations;
const violations: Violation[] = validateRequest(operationValidation(bundle, "snapCreateVa"), { body: {} });
export const summary = \`\${operations.length} operations, \${violations.length} violations\`;
export const options: Partial<RunOptions> = {};

const { client } = createDokuClient({
  baseUrl: "sandbox",
  credentials: { clientId: "client", secretKey: "secret" },
});
export const post: typeof client.POST = client.POST;

export const valid: boolean = dokuMatchers.toBeValidDokuRequest({}, "snapCreateVa").pass;
export type Extended = DokuMatchers<void>;
export const certify = (handler: (request: Request) => Promise<Response>) =>
  certifyHandler("doku-va-notification", handler, { clientId: "c", secretKey: "s" });
`;

/** strict plus the flags users commonly add; skipLibCheck off so the package's .d.ts are checked too. */
export const STRICT_TSCONFIG = (typeRoot: string) =>
  `${JSON.stringify(
    {
      compilerOptions: {
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        lib: ["ES2023"],
        types: ["node"],
        typeRoots: [typeRoot],
        strict: true,
        noPropertyAccessFromIndexSignature: true,
        noUnusedParameters: true,
        noUnusedLocals: true,
        erasableSyntaxOnly: true,
        noUncheckedIndexedAccess: true,
        exactOptionalPropertyTypes: true,
        skipLibCheck: false,
        noEmit: true,
      },
      files: ["consumer.ts"],
    },
    null,
    2,
  )}\n`;
