/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF line ends. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  // Fields are sliced out between separators, never built a character at a time: a 100,000-line
  // hash list parses in milliseconds instead of seconds.
  const separator = /[,\r\n]/g;
  const nextSeparator = (from: number) => {
    separator.lastIndex = from;
    return separator.exec(text)?.index ?? text.length;
  };
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      let from = i + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote === -1) {
          field += text.slice(from);
          i = text.length;
          break;
        }
        field += text.slice(from, quote);
        if (text[quote + 1] !== '"') {
          i = quote + 1;
          break;
        }
        field += '"';
        from = quote + 2;
      }
    }
    const end = nextSeparator(i);
    row.push(field + text.slice(i, end));
    i = end;
    if (text[i] === ',') {
      i++;
      if (i === text.length) row.push('');
      else continue;
    } else if (text[i] === '\r' && text[i + 1] === '\n') i += 2;
    else i++;
    rows.push(row);
    row = [];
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

/** A cell a spreadsheet will not execute: formulas (=, +, -, @) are prefixed with a quote mark. */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: Array<string | number | null>): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
