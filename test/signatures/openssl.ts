/**
 * An independent oracle for the differential tests: the openssl command line over files in os.tmpdir().
 * Without openssl it falls back to node:crypto called directly here (still not the kit's code path).
 */
import { execFileSync } from "node:child_process";
import { createHash, createHmac, createPrivateKey, sign } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

function which(): boolean {
  try {
    execFileSync("openssl", ["version"], { stdio: "pipe" });
    return true;
  } catch {
    return false;
  }
}

export const HAVE_OPENSSL = which();

export class Oracle {
  readonly dir = mkdtempSync(join(tmpdir(), "doku-sig-"));
  private n = 0;

  private file(data: string | Uint8Array): string {
    const path = join(this.dir, `f${this.n++}`);
    writeFileSync(path, data);
    return path;
  }

  private dgst(args: string[], data: string | Uint8Array): Buffer {
    const path = this.file(data);
    try {
      return execFileSync("openssl", ["dgst", ...args, "-binary", path]);
    } finally {
      rmSync(path);
    }
  }

  /** Base64 HMAC with a UTF-8 key (passed as hex, so any bytes work). */
  hmac(algorithm: "sha256" | "sha512", key: string, data: string): string {
    if (!HAVE_OPENSSL) return createHmac(algorithm, Buffer.from(key, "utf8")).update(data).digest("base64");
    const hexkey = Buffer.from(key, "utf8").toString("hex");
    return this.dgst([`-${algorithm}`, "-mac", "HMAC", "-macopt", `hexkey:${hexkey}`], data).toString(
      "base64",
    );
  }

  sha256(data: string | Uint8Array): Buffer {
    if (!HAVE_OPENSSL) return createHash("sha256").update(data).digest();
    return this.dgst(["-sha256"], data);
  }

  /** Base64 SHA256withRSA (PKCS#1 v1.5) with a PEM private key. */
  rsaSign(pem: string, data: string): string {
    if (!HAVE_OPENSSL) return sign("sha256", Buffer.from(data), createPrivateKey(pem)).toString("base64");
    const keyPath = this.file(pem);
    try {
      return this.dgst(["-sha256", "-sign", keyPath], data).toString("base64");
    } finally {
      rmSync(keyPath);
    }
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
