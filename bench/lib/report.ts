const NAME_WIDTH = 36;
const VALUE_WIDTH = 12;

const format = (value: number): string =>
  Math.abs(value) >= 100 ? Math.round(value).toString() : value.toFixed(2);

/** Prints one figure per line, aligned, so runs can be compared (and grepped) line by line. */
export function report(name: string, value: number, unit: string, extra?: string): void {
  const line = `${name.padEnd(NAME_WIDTH)} ${format(value).padStart(VALUE_WIDTH)} ${unit}`;
  console.log(extra ? `${line}  (${extra})` : line);
}

/** Ours against a baseline measured in the same run, with the target the ratio is held to (if any). */
export function reportRatio(name: string, ours: number, baseline: number, target?: number): void {
  const ratio = ours / baseline;
  const verdict = target === undefined ? '' : `; target >= ${target} ${ratio >= target ? 'met' : 'MISSED'}`;
  report(name, ratio, 'x', `ours / baseline${verdict}`);
}
