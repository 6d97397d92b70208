/** A JSON Schema (2020-12) node as found in the bundled spec; `$ref`s point at `#/$defs/...`. */
export type JsonSchema = { [keyword: string]: unknown };
