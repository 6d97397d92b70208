/** The stranger key: generated on the thread pool ahead of use, then the one key of the process. */
import { describe, expect, it } from "vitest";
import { prepareStrangerKey, strangerPrivateKey } from "../../src/signatures/mutations.js";

describe("prepareStrangerKey", () => {
  it("leaves an RSA-2048 private key that strangerPrivateKey returns from then on, unchanged by a second call", async () => {
    const prepared = await prepareStrangerKey();
    const key = strangerPrivateKey();
    // The key made on the thread pool is the one used: strangerPrivateKey did not generate its own.
    expect(prepared).toBe(key);
    expect(key.type).toBe("private");
    expect(key.asymmetricKeyType).toBe("rsa");
    expect(key.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(await prepareStrangerKey()).toBe(key);
    expect(strangerPrivateKey()).toBe(key);
  });
});
