/** Signature comparison without early exit: exact bytes, no case folding, length checked first. */
import { timingSafeEqual } from "node:crypto";

/** True when `a` and `b` are the same string; compares their UTF-8 bytes in constant time. */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  if (left.length !== right.length) return false;
  return timingSafeEqual(left, right);
}
