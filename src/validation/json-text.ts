/**
 * Parsing JSON input files with a usable error: JSON.parse on Node 20 often names no position, so on
 * failure a small RFC 8259 scanner finds the first offending character and reports line and column.
 */

export type JsonText =
  | { ok: true; value: unknown }
  | { ok: false; line: number; column: number; reason: string };

class Stop extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** Offset and reason of the first syntax error in `text`, or undefined when it is valid JSON. */
export function findJsonError(text: string): { offset: number; reason: string } | undefined {
  let i = 0;
  const ws = () => {
    while (i < text.length && " \t\n\r".includes(text[i] as string)) i++;
  };
  const describe = () =>
    i >= text.length ? "unexpected end of input" : `unexpected ${JSON.stringify(text[i])}`;
  const expect = (c: string, what: string) => {
    if (text[i] !== c) throw new Stop(i, `${describe()}, expected ${what}`);
    i++;
  };
  const string = () => {
    expect('"', "a string");
    for (;;) {
      const c = text[i];
      if (c === undefined) throw new Stop(i, "unterminated string");
      if (c === '"') break;
      if (c < " ") throw new Stop(i, "control character inside a string (escape it)");
      if (c !== "\\") {
        i++;
      } else if (text[i + 1] === "u") {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) throw new Stop(i, "bad \\u escape");
        i += 6;
      } else if ('"\\/bfnrt'.includes(text[i + 1] ?? "x")) {
        i += 2;
      } else {
        throw new Stop(i, "bad escape in string");
      }
    }
    i++;
  };
  const members = (close: string, member: () => void) => {
    i++;
    ws();
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      member();
      ws();
      if (text[i] !== ",") break;
      i++;
    }
    expect(close, `"," or "${close}"`);
  };
  const value = (): void => {
    ws();
    const c = text[i];
    const literal = ["true", "false", "null"].find((word) => text.startsWith(word, i));
    const number = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i))?.[0];
    if (c === "{") {
      members("}", () => {
        ws();
        string();
        ws();
        expect(":", '":"');
        value();
      });
    } else if (c === "[") {
      members("]", value);
    } else if (c === '"') {
      string();
    } else if (literal !== undefined) {
      i += literal.length;
    } else if (number) {
      i += number.length;
    } else {
      throw new Stop(i, `${describe()}, expected a JSON value`);
    }
  };
  try {
    value();
    ws();
    if (i < text.length) throw new Stop(i, `${describe()} after the JSON value`);
    return undefined;
  } catch (error) {
    if (error instanceof Stop) return { offset: error.offset, reason: error.reason };
    throw error;
  }
}

/** Parses JSON text (a leading byte-order mark is ignored); on failure, line/column (1-based) and reason. */
export function parseJsonText(input: string): JsonText {
  const text = input.startsWith("\uFEFF") ? input.slice(1) : input;
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    if (text.trim() === "")
      return { ok: false, line: 1, column: 1, reason: "empty input, expected a JSON value" };
    const found = findJsonError(text) ?? { offset: 0, reason: (error as Error).message };
    const before = text.slice(0, found.offset);
    const line = before.split("\n").length;
    const column = found.offset - (before.lastIndexOf("\n") + 1) + 1;
    return { ok: false, line, column, reason: found.reason };
  }
}
