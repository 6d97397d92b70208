/** `doku-conformance --help`. Keep in step with CONTRACT.md and the README. */
import { VERSION } from "../engine/version.js";

export { VERSION };

export const HELP = `doku-conformance ${VERSION} — contract testing and conformance for the DOKU payment gateway

Usage: doku-conformance <command> [flags]   (add --debug to any command for stack traces)

Commands
  run        Run the conformance suite against a target (default: the embedded signature-verifying mock)
             [--target mock|sandbox|<base-url>] [--operation <id>]... [--cases <n>] [--negative-cases <n>]
             [--seed <n>] [--phase examples|boundary|property|negative|signature]...
             [--reporter console|json|junit|html|github]... [--output-dir <dir>] [--shard <i>/<n>] [--concurrency <n>]
             [--rate-limit <n>] [--allow-production] [--response-time-budget <ms>] [--request-timeout <ms>]
             [--strict]
  callback   Play DOKU against a merchant endpoint and certify it
             --url <merchant-url> --flow <flow> [--token-url <url>] [--callback-auth snap-hmac|snap-rsa|bearer-only]
             [--access-token <t>] [--signature-access-token <t>] [--client-id <id>] [--secret-key <key>]
             [--doku-private-key <pem-file>] [--body <file>] [--cases <n>] [--seed <n>] [--reporter ...]...
             [--output-dir <dir>] [--latency-budget <ms>] [--timeout <ms>] [--ledger-url <url>] [--strict]
             flows: every x-doku-flow of the specs; "callback --help" lists them
  mock       Start the embedded DOKU mock            [--port <n>] [--host 127.0.0.1] [--identity-file <path>]
             [--show-secrets] [--notify-url [family=]<url>]... [--inquiry-url ...]... [--token-url ...]...
             [--callback-auth <mode>] [--retry-scale <x>] [--ledger-url <url>] [--report <file>] [--simulator]
  simulate   Pay / expire / fail a VA on the mock    pay|expire|fail|resend <id> [--amount <n>] [--family <f>]
             (DOKU then notifies the merchant)       [--mock <url>] [--format text|json]
  validate   Validate a request or response body     --operation <id> (--request <file|-> | --response <file|->
             [--status <code>]) [--format text|json] [--strict]
  sign       Print a signature header value          <scheme> [scheme flags]
  verify     Verify a signature                      <scheme> [scheme flags] --signature <value>
             [--max-skew <s>] [--now <ts>]   (no timestamp window unless --max-skew is given)
  generate   Rebuild generated/ from specs/          [--check] [--specs <file>] [--out <dir>]
  docs diff  Compare saved DOKU doc pages with specs  <page>... [--operation <id>] [--format text|json]
  spec diff  Classify spec changes by whom they break <old> <new> [--format text|json]   (files or git refs)
  report     Merge the shards of a run               merge <report.json>... --output-dir <dir>
             [--reporter json|junit|html]...

Each command takes --help for its own flags (sign <scheme> --help, verify <scheme> --help).

Signature schemes: snap-symmetric | snap-asymmetric | nonsnap   (doku-conformance sign <scheme> --help)

Environment: DOKU_CLIENT_ID, DOKU_SECRET_KEY, DOKU_PRIVATE_KEY_FILE, DOKU_PUBLIC_KEY_FILE, DOKU_BASE_URL,
             DOKU_MOCK_URL (simulate's mock), DOKU_CONFORMANCE_CODE_CACHE (a directory for the compiled-code
             cache, or off; default ~/.cache/doku-conformance), DOKU_CONFORMANCE_HELPER_PRIORITY (low, the
             default: Node's helper threads run at nice 19 on Linux; normal leaves them)

Exit codes: 0 conformant/valid, 1 violations/invalid, 2 usage/config/spec error, 3 target/infrastructure error
`;
