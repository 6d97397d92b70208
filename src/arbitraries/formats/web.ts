/** Web-shaped strings: email, uri, uuid, UUID-like request ids, the JSON content type. */
import type { Choices } from "../choice.js";
import { type FormatEntry, lengthsWhere, pickLength, span } from "./entry.js";

const ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
const HEX = "0123456789abcdef";
const DOMAINS = ["example.com", "mail.co.id", "toko.id", "doku.test"];
const HOSTS = ["merchant.example.com", "toko.co.id", "shop.test"];

function chars(c: Choices, n: number, alphabet: string): string {
  let s = "";
  for (let i = 0; i < n; i++) s += alphabet[c.next(alphabet.length)];
  return s;
}

function uuid(c: Choices): string {
  const h = chars(c, 32, HEX);
  const variant = "89ab"[c.next(4)];
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20)}`;
}

/** A local part of `n` characters: letters and digits, an occasional inner dot (never doubled or at an end). */
function localPart(c: Choices, n: number): string {
  let s = "abcdefghijklmnopqrstuvwxyz"[c.next(26)]!;
  for (let i = 1; i < n; i++) s += i < n - 1 && !s.endsWith(".") && c.next(8) === 0 ? "." : ALNUM[c.next(36)];
  return s;
}

const isUuidName = (name = ""): boolean => /^(x-)?request-?id$/i.test(name) || /^requestId$/i.test(name);
const SAMPLE_UUID = "3f1c2a9e-8b7d-4c6e-9a5f-0d1e2f3a4b5c";
/** A request-id field takes UUIDs when its pattern (if any) accepts one. */
const acceptsUuid = (pattern?: string): boolean =>
  pattern === undefined || new RegExp(pattern, "u").test(SAMPLE_UUID);

/** An IPv4 address of exactly n characters (7..15): octet widths are chosen to add up. */
function ipv4(c: Choices, n: number): string {
  const widths = [1, 1, 1, 1];
  for (let extra = n - 7; extra > 0; extra--) {
    const open = widths.map((w, i) => (w < 3 ? i : -1)).filter((i) => i >= 0);
    const i = open[c.next(open.length)]!;
    widths[i] = widths[i]! + 1;
  }
  const octet = (w: number): number => (w === 1 ? c.next(10) : w === 2 ? 10 + c.next(90) : 100 + c.next(156));
  return widths.map(octet).join(".");
}

export const webFormats: FormatEntry[] = [
  {
    name: "email",
    isFormat: true,
    matches: (h) => h.format === "email",
    lengths: span(1 + 1 + Math.min(...DOMAINS.map((d) => d.length)), 254),
    decode(c, lens) {
      const fits = (n: number) => DOMAINS.filter((d) => n - 1 - d.length >= 1 && n - 1 - d.length <= 64);
      const n = pickLength(
        c,
        lengthsWhere(lens, "email", (l) => fits(l).length > 0),
        30,
      );
      const domains = fits(n);
      const domain = domains[c.next(domains.length)]!;
      return `${localPart(c, n - 1 - domain.length)}@${domain}`;
    },
    variants: [{ name: "email", value: "budi.santoso@example.com" }],
    invalid: (len) => (len >= 1 ? "x".repeat(len) : undefined),
  },
  {
    name: "uri",
    isFormat: true,
    matches: (h) => h.format === "uri",
    lengths: span("https://".length + Math.min(...HOSTS.map((d) => d.length)) + 1, 2048),
    decode(c, lens) {
      const fits = (n: number) => HOSTS.filter((d) => n - `https://${d}/`.length >= 0);
      const n = pickLength(
        c,
        lengthsWhere(lens, "uri", (l) => fits(l).length > 0),
        60,
      );
      const hosts = fits(n);
      const host = hosts[c.next(hosts.length)]!;
      const base = `https://${host}/`;
      return base + chars(c, n - base.length, `${ALNUM}-`);
    },
    variants: [{ name: "uri", value: "https://merchant.example.com/doku/notify" }],
    invalid: (len) => (len >= 3 ? `x ${"y".repeat(len - 2)}` : undefined),
  },
  {
    name: "uuid",
    isFormat: true,
    matches: (h) => h.format === "uuid",
    lengths: [36],
    decode: uuid,
    variants: [{ name: "uuid", value: SAMPLE_UUID }],
    invalid: (len) => "z".repeat(len),
  },
  {
    name: "request-id",
    isFormat: false,
    matches: (h) => !h.format && isUuidName(h.name) && acceptsUuid(h.pattern),
    lengths: [36],
    decode: uuid,
    variants: [{ name: "uuid", value: SAMPLE_UUID }],
  },
  {
    name: "ipv4",
    isFormat: true,
    matches: (h) => h.format === "ipv4",
    lengths: span(7, 15),
    decode: (c, lens) => ipv4(c, lens[c.next(lens.length)]!),
    variants: [
      { name: "shortest", value: "1.2.3.4" },
      { name: "longest", value: "203.128.255.101" },
    ],
    invalid: (len) => (len === 9 ? "999.1.1.1" : "x".repeat(len)),
  },
  {
    name: "content-type-json",
    isFormat: false,
    matches: (h) => h.pattern === "^application/json(;.*)?$",
    lengths: [16],
    decode: () => "application/json",
    variants: [{ name: "json", value: "application/json" }],
  },
];
