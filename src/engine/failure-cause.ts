/**
 * What a transport failure says about the target, in words: a target that answers something that is not
 * HTTP, resets the connection or sends a body without end is reachable, and saying "unreachable" would send
 * the user looking at the network instead of the server.
 */
import { MAX_HEADER_BYTES } from "./http1.js";

/** Largest response body the default transport keeps (a DOKU answer is a few KB of JSON). */
export const MAX_RESPONSE_BODY_BYTES = 16 * 1024 * 1024;

/** The transport's limit on a response's head, node's default (http.maxHeaderSize), in KB. */
const NODE_HEADER_LIMIT_KB = MAX_HEADER_BYTES / 1024;

const CAUSES: readonly { test: RegExp; phrase: (code: string) => string }[] = [
  {
    test: /^HPE_HEADER_OVERFLOW/,
    phrase: (c) => `answered with headers over Node's ${NODE_HEADER_LIMIT_KB} KB limit (${c})`,
  },
  { test: /^HPE_/, phrase: (c) => `answered something that is not HTTP (${c})` },
  { test: /^EBODYTOOLARGE/, phrase: (c) => `sent a response body over 16 MB (${c})` },
  { test: /^EBODYTIMEOUT/, phrase: (c) => `sent a response body that did not end in time (${c})` },
  { test: /^(ECONNRESET|EPIPE)/, phrase: (c) => `closed the connection without answering (${c})` },
];

/** The first error code in a failure text ("HPE_INVALID_CONSTANT: Parse Error ..." or "read ECONNRESET"). */
function codeIn(text: string): string | undefined {
  return /\b(HPE_[A-Z_]+|E[A-Z]{3,})\b/.exec(text)?.[1];
}

/**
 * "answered something that is not HTTP (HPE_INVALID_CONSTANT)" and the like for a reachable target that
 * broke HTTP; undefined when the failure really is about reaching it (refused, no route, no answer).
 */
export function failureCause(codeOrText: string): string | undefined {
  const code = codeIn(codeOrText) ?? codeOrText;
  return CAUSES.find((c) => c.test.test(code))?.phrase(code);
}
