/**
 * Generated paths types list the signature headers (and the ones the client fills) as required parameters;
 * the client writes them, so `Unsigned<Paths>` makes the signature headers optional for callers and
 * `Prefilled<Paths>` also the headers the client fills (fill-headers.ts).
 */

/** Headers the signing middleware sets (Client-Id and Request-Id are filled in when absent). */
export type SignatureHeaderName =
  | "Authorization"
  | "X-TIMESTAMP"
  | "X-SIGNATURE"
  | "X-CLIENT-KEY"
  | "Client-Id"
  | "Request-Id"
  | "Request-Timestamp"
  | "Signature";

/**
 * Headers the client fills when an operation declares them (fill-headers.ts): the sender and request ids,
 * one-value headers (CHANNEL-ID), Content-Type, and the end-user headers set in the client options. One it
 * cannot fill at run time is reported (DokuError, invalid-request) before anything is sent.
 */
export type FilledHeaderName =
  | "X-PARTNER-ID"
  | "X-EXTERNAL-ID"
  | "CHANNEL-ID"
  | "Content-Type"
  | "X-DEVICE-ID";

type Relax<H, N extends string> = Omit<H, N> & Partial<Pick<H, Extract<keyof H, N>>>;

/** Keys that are not optional (`Pick<T, K>` accepts an empty object only when K is optional). */
// biome-ignore lint/complexity/noBannedTypes: `{}` is the empty object the test needs, not "any value"
type RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];

/** `header` stays required while some header in it does (Authorization-Customer, ...); optional otherwise. */
type HeaderSlot<H> = [RequiredKeys<H>] extends [never] ? { header?: H } : { header: H };

type RelaxParameters<P, N extends string> = P extends { header: infer H }
  ? Omit<P, "header"> & HeaderSlot<Relax<H, N>>
  : P extends { header?: infer H }
    ? Omit<P, "header"> & { header?: Relax<NonNullable<H>, N> }
    : P;

type RelaxOperation<O, N extends string> = O extends { parameters: infer P }
  ? Omit<O, "parameters"> & { parameters: RelaxParameters<P, N> }
  : O;

type Method = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";

/** `Paths` with the signature headers optional in every operation's `parameters.header`. */
export type Unsigned<Paths> = Relaxed<Paths, SignatureHeaderName>;

/** `Paths` with the signature headers and the headers the client fills optional. */
export type Prefilled<Paths> = Relaxed<Paths, SignatureHeaderName | FilledHeaderName>;

type Relaxed<Paths, N extends string> = {
  [P in keyof Paths]: {
    [K in keyof Paths[P]]: K extends Method ? RelaxOperation<Paths[P][K], N> : Paths[P][K];
  };
};
