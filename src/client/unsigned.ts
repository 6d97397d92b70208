/**
 * Generated paths types list the signature headers as required parameters; the signing middleware writes
 * them, so `Unsigned<Paths>` makes exactly those headers optional for callers.
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

type Relax<H> = Omit<H, SignatureHeaderName> & Partial<Pick<H, Extract<keyof H, SignatureHeaderName>>>;

type RelaxParameters<P> = P extends { header: infer H }
  ? Omit<P, "header"> & { header?: Relax<H> }
  : P extends { header?: infer H }
    ? Omit<P, "header"> & { header?: Relax<NonNullable<H>> }
    : P;

type RelaxOperation<O> = O extends { parameters: infer P }
  ? Omit<O, "parameters"> & { parameters: RelaxParameters<P> }
  : O;

type Method = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";

/** `Paths` with the signature headers optional in every operation's `parameters.header`. */
export type Unsigned<Paths> = {
  [P in keyof Paths]: { [K in keyof Paths[P]]: K extends Method ? RelaxOperation<Paths[P][K]> : Paths[P][K] };
};
