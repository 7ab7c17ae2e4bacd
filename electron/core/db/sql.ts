/**
 * `sql\`select * from t where id = ${id}\`` → { text, params }: values never enter the query
 * string. Fragments made with `sql` can be nested; `raw()` is for trusted identifiers only.
 */
export interface SqlQuery {
  readonly text: string;
  readonly params: unknown[];
}

const RAW = Symbol('raw');
interface Raw {
  [RAW]: string;
}

export function raw(text: string): Raw {
  return { [RAW]: text };
}

function isQuery(v: unknown): v is SqlQuery {
  return typeof v === 'object' && v !== null && 'text' in v && 'params' in v;
}

export function sql(strings: TemplateStringsArray, ...values: unknown[]): SqlQuery {
  let text = strings[0] ?? '';
  const params: unknown[] = [];
  values.forEach((value, i) => {
    if (isQuery(value)) {
      text += value.text;
      params.push(...value.params);
    } else if (typeof value === 'object' && value !== null && RAW in value) {
      text += (value as Raw)[RAW];
    } else {
      text += '?';
      params.push(value);
    }
    text += strings[i + 1] ?? '';
  });
  return { text, params };
}

/** Joins fragments with a separator, e.g. the AND-ed filters of a search. */
export function join(parts: SqlQuery[], separator: string): SqlQuery {
  return {
    text: parts.map((p) => p.text).join(separator),
    params: parts.flatMap((p) => p.params),
  };
}
