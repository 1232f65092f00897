// RFC 4180 fields: quoted only when they hold a comma, a quote or a line break.

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(values: readonly string[]): string {
  let line = csvField(values[0]);
  for (let i = 1; i < values.length; i++) line += `,${csvField(values[i])}`;
  return `${line}\n`;
}
