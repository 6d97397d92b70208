/** The stranger key: generated on the thread pool ahead of use, then the one key of the process. */
import { describe, expect, it } from "vitest";
import { prepareStrangerKey, strangerPrivateKey } from "../../src/signatures/mutations.js";

describe("prepareStrangerKey", () => {
  it("leaves an RSA-2048 private key that strangerPrivateKey returns from then on, unchanged by a second call", async () => {
    await prepareStrangerKey();
    const key = strangerPrivateKey();
    expect(key.type).toBe("private");
    expect(key.asymmetricKeyType).toBe("rsa");
    expect(key.asymmetricKeyDetails?.modulusLength).toBe(2048);
    await prepareStrangerKey();
    expect(strangerPrivateKey()).toBe(key);
  });
});
