/**
 * Worker-thread entry of the embedded mock for CLI runs (conformance/mock-thread.ts starts it): the mock
 * answers on its own event loop, so the runner's generation, signing and checks and the mock's validation,
 * signature checks and Prism answers use both cores. It loads the spec bundle itself (validators are
 * functions, which cannot be posted), starts the mock on 127.0.0.1:0 and posts its url and identity; a
 * "close" message stops it. A start-up failure is posted as the kit error's name, message and exit code.
 */
import { parentPort } from "node:worker_threads";
import { startMock } from "../src/mock/index.js";
import { KitError } from "../src/model/errors.js";
import { loadSpecBundle } from "./bundle.js";
import type { MockThreadMessage } from "./mock-thread.js";

const port = parentPort;
if (port === null) throw new Error("conformance/mock-worker runs in a worker thread only");

function post(message: MockThreadMessage): void {
  port?.postMessage(message);
}

try {
  const mock = await startMock({ bundle: await loadSpecBundle() });
  port.on("message", (message: unknown) => {
    if (message !== "close") return;
    void mock.close().then(() => {
      post({ type: "closed" });
      port.close();
    });
  });
  const { clientId, secretKey, merchantPrivateKeyPem } = mock.identity;
  const identity =
    merchantPrivateKeyPem === undefined
      ? { clientId, secretKey }
      : { clientId, secretKey, merchantPrivateKeyPem };
  post({ type: "ready", url: mock.url, identity });
} catch (error) {
  post({
    type: "failed",
    name: error instanceof Error ? error.name : "Error",
    message: error instanceof Error ? error.message : String(error),
    exitCode: error instanceof KitError ? error.exitCode : undefined,
  });
  port.close();
}
