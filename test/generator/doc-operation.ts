/** A minimal spec operation for generator tests that build small documents (buildOperations). */
export const docOperation = (id: string, extra: Record<string, unknown>) => ({
  operationId: id,
  "x-doku-auth": "nonsnap-hmac",
  "x-doku-source": "s",
  responses: { "200": { description: "ok" } },
  ...extra,
});
