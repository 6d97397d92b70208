/**
 * JSON samples of a page, found by brace matching from every line that starts with "{" (outside another
 * sample) and parsed tolerantly. A sample that needed repair is a fragment when the page elides fields with
 * "..."; the repairs made are listed so a test can say exactly what was not JSON.
 */
export interface JsonSample {
  /** 1-based line of the opening brace. */
  line: number;
  /** 1-based line of the closing brace. */
  endLine: number;
  text: string;
  value: unknown;
  /** The page elides fields with "..." (not a complete message). */
  fragment: boolean;
  /** What had to be repaired to parse it ([] for strict JSON). */
  repairs: string[];
}

/** Index just past the brace that closes the one at `start`, or -1 (string-aware). */
function closingBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

const REPAIRS: [name: string, re: RegExp, to: string][] = [
  ["elided fields (...)", /^[ \t]*\.\.\.[ \t]*,?[ \t]*$/gm, ""],
  ['alternatives ("O" / "V": first kept)', /("(?:[^"\\]|\\.)*")[ \t]*\/[ \t]*"(?:[^"\\]|\\.)*"/g, "$1"],
  [
    "missing comma between members",
    /("(?:[^"\\]|\\.)*"|[0-9]|true|false|null|[}\]])([ \t]*\r?\n[ \t]*")/g,
    "$1,$2",
  ],
  ["trailing comma", /,(\s*[}\]])/g, "$1"],
];

/** Parses a sample strictly, else applies the repairs one by one until it parses. */
export function tolerantParse(text: string): { value: unknown; repairs: string[] } {
  try {
    return { value: JSON.parse(text), repairs: [] };
  } catch {
    let fixed = text;
    const repairs: string[] = [];
    for (const [name, re, to] of REPAIRS) {
      const next = fixed.replace(re, to);
      if (next !== fixed) repairs.push(name);
      fixed = next;
    }
    return { value: JSON.parse(fixed), repairs };
  }
}

/** Every JSON sample of a page, in page order. */
export function jsonSamples(text: string): JsonSample[] {
  const out: JsonSample[] = [];
  const lineAt = (offset: number) => text.slice(0, offset).split("\n").length;
  const starts = /^[ \t]*\{/gm;
  let from = 0;
  for (let m = starts.exec(text); m !== null; m = starts.exec(text)) {
    const open = m.index + m[0].length - 1;
    if (open < from) continue;
    const end = closingBrace(text, open);
    if (end < 0) continue;
    const body = text.slice(open, end);
    const { value, repairs } = tolerantParse(body);
    out.push({
      line: lineAt(open),
      endLine: lineAt(end - 1),
      text: body,
      value,
      fragment: /^[ \t]*\.\.\./m.test(body),
      repairs,
    });
    from = end;
    starts.lastIndex = end;
  }
  return out;
}
