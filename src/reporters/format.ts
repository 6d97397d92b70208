/** Text helpers for the console reporter: values, durations, padded tables, optional colour. */

export interface Paint {
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const ansi = (code: string) => (text: string) => `\u001b[${code}m${text}\u001b[0m`;

/** ANSI colours when `on`, plain text otherwise. */
export function paint(on: boolean): Paint {
  const same = (text: string) => text;
  return on
    ? { red: ansi("31"), green: ansi("32"), yellow: ansi("33"), dim: ansi("2"), bold: ansi("1") }
    : { red: same, green: same, yellow: same, dim: same, bold: same };
}

/** A value as it appears in a report line: strings quoted, the rest as JSON, long ones cut. */
export function shown(value: unknown): string {
  const text = value === undefined ? "undefined" : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

export function duration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** Left-aligned first column, right-aligned numeric columns, free text last. */
export function table(rows: readonly (readonly string[])[], numeric: readonly number[]): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, visible(cell));
    });
  }
  return rows.map((row) =>
    row
      .map((cell, i) => {
        if (i === row.length - 1) return cell;
        const pad = " ".repeat((widths[i] ?? 0) - visible(cell));
        return numeric.includes(i) ? pad + cell : cell + pad;
      })
      .join("  ")
      .trimEnd(),
  );
}

const ESC = String.fromCharCode(27);
const SGR = new RegExp(`${ESC}\\[[0-9;]*m`, "g");

function visible(text: string): number {
  return text.replace(SGR, "").length;
}
