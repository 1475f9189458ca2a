// Expands VS Code snippet bodies the way the editor does, for tests: tab stops and placeholders
// (`$1`, `${1:default}`, `${1|a,b|}`, mirrors), variables (`$CURRENT_YEAR`, `${VAR:default}`) and
// variable transforms (`${CURRENT_HOUR/regex/format/options}` with `$1`, `${1:+if}`,
// `${1:?if:else}`, `${1:-else}`, `${1:/upcase}`). Follows the grammar in VS Code's snippet
// documentation; anything it cannot read is an error, so a malformed snippet fails the test.
import { DateTime } from 'luxon';

type Node =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; children: Node[]; choices?: string[] }
  | { kind: 'variable'; name: string; children?: Node[]; transform?: Transform };

interface Transform {
  regex: RegExp;
  format: string;
}

class Parser {
  private pos = 0;
  constructor(private readonly src: string) {}

  parse(): Node[] {
    const nodes = this.nodes(() => false);
    if (this.pos < this.src.length) throw this.error('unexpected text');
    return nodes;
  }

  private error(what: string): Error {
    return new Error(`snippet: ${what} at ${this.pos}: ${JSON.stringify(this.src.slice(Math.max(0, this.pos - 20), this.pos + 20))}`);
  }

  /** Nodes until `stop` holds at the current position (which is not consumed). */
  private nodes(stop: () => boolean): Node[] {
    const out: Node[] = [];
    let text = '';
    const flush = () => {
      if (text) out.push({ kind: 'text', value: text });
      text = '';
    };
    while (this.pos < this.src.length && !stop()) {
      const c = this.src[this.pos];
      if (c === '\\' && /[\\$}]/.test(this.src[this.pos + 1] ?? '')) {
        text += this.src[this.pos + 1];
        this.pos += 2;
      } else if (c === '$' && /[0-9A-Za-z_{]/.test(this.src[this.pos + 1] ?? '')) {
        flush();
        out.push(this.dollar());
      } else {
        text += c;
        this.pos++;
      }
    }
    flush();
    return out;
  }

  private dollar(): Node {
    this.pos++; // $
    if (this.src[this.pos] !== '{') {
      const m = /^(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(this.src.slice(this.pos))!;
      this.pos += m[0].length;
      return /^\d/.test(m[0]) ? { kind: 'tabstop', index: Number(m[0]), children: [] } : { kind: 'variable', name: m[0] };
    }
    this.pos++; // {
    const m = /^(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(this.src.slice(this.pos));
    if (!m) throw this.error('expected a tab stop number or a variable name');
    this.pos += m[0].length;
    const isTabstop = /^\d/.test(m[0]);
    const next = this.src[this.pos];
    let node: Node;
    if (next === '}') {
      node = isTabstop ? { kind: 'tabstop', index: Number(m[0]), children: [] } : { kind: 'variable', name: m[0] };
    } else if (next === ':') {
      this.pos++;
      const children = this.nodes(() => this.src[this.pos] === '}');
      node = isTabstop ? { kind: 'tabstop', index: Number(m[0]), children } : { kind: 'variable', name: m[0], children };
    } else if (next === '|' && isTabstop) {
      this.pos++;
      const choices: string[] = [];
      let choice = '';
      while (this.pos < this.src.length && !(this.src[this.pos] === '|' && this.src[this.pos + 1] === '}')) {
        const c = this.src[this.pos];
        if (c === '\\' && /[\\$},|]/.test(this.src[this.pos + 1] ?? '')) {
          choice += this.src[this.pos + 1];
          this.pos += 2;
        } else if (c === ',') {
          choices.push(choice);
          choice = '';
          this.pos++;
        } else {
          choice += c;
          this.pos++;
        }
      }
      choices.push(choice);
      this.pos++; // |
      node = { kind: 'tabstop', index: Number(m[0]), children: [{ kind: 'text', value: choices[0] }], choices };
    } else if (next === '/' && !isTabstop) {
      this.pos++;
      const regex = this.until('/');
      const format = this.until('/');
      const options = /^[a-z]*/.exec(this.src.slice(this.pos))![0];
      this.pos += options.length;
      node = { kind: 'variable', name: m[0], transform: { regex: new RegExp(regex, options), format } };
    } else {
      throw this.error(`unexpected ${JSON.stringify(next)}`);
    }
    if (this.src[this.pos] !== '}') throw this.error('expected }');
    this.pos++;
    return node;
  }

  /** Raw text up to an unescaped `end` (consumed); `\/` stands for `/`. */
  private until(end: string): string {
    let out = '';
    while (this.pos < this.src.length && this.src[this.pos] !== end) {
      if (this.src[this.pos] === '\\' && this.src[this.pos + 1] === end) {
        out += end;
        this.pos += 2;
      } else {
        out += this.src[this.pos++];
      }
    }
    if (this.src[this.pos] !== end) throw this.error(`expected ${end}`);
    this.pos++;
    return out;
  }
}

/** Applies a transform's format string to one regex match. */
function formatMatch(format: string, groups: (string | undefined)[]): string {
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c === '\\' && i + 1 < format.length) {
      out += format[++i];
      continue;
    }
    if (c !== '$') {
      out += c;
      continue;
    }
    const simple = /^\$(\d+)/.exec(format.slice(i));
    if (simple) {
      out += groups[Number(simple[1])] ?? '';
      i += simple[0].length - 1;
      continue;
    }
    const braced = /^\$\{(\d+)(?:(:\/)(upcase|downcase|capitalize)|(:\+)([^}]*)|(:\?)([^:}]*):([^}]*)|(:-?)([^}]*))?\}/.exec(format.slice(i));
    if (!braced) throw new Error(`snippet format: cannot read ${JSON.stringify(format.slice(i, i + 20))}`);
    const value = groups[Number(braced[1])];
    if (braced[2]) {
      const v = value ?? '';
      out += braced[3] === 'upcase' ? v.toUpperCase() : braced[3] === 'downcase' ? v.toLowerCase() : v.charAt(0).toUpperCase() + v.slice(1);
    } else if (braced[4]) out += value ? braced[5] : '';
    else if (braced[6]) out += value ? braced[7] : braced[8];
    else if (braced[9]) out += value || braced[10];
    else out += value ?? '';
    i += braced[0].length - 1;
  }
  return out;
}

function applyTransform(value: string, transform: Transform): string {
  const { regex, format } = transform;
  return value.replace(regex, (...args: unknown[]) => {
    // String.replace passes (match, g1..gn, offset, string[, named groups]).
    const hasNamed = typeof args[args.length - 1] === 'object' && args[args.length - 1] !== null;
    return formatMatch(format, args.slice(0, hasNamed ? -3 : -2) as (string | undefined)[]);
  });
}

export interface ExpandOptions {
  variables: Record<string, string>;
  /** The text typed into tab stop `index` (given its default and choices); undefined keeps the default. */
  fill?: (index: number, defaultText: string, choices: string[] | undefined) => string | undefined;
}

export interface Expansion {
  text: string;
  /** Each tab stop's final value, by index. */
  values: Map<number, string>;
}

export function expandSnippet(body: string, options: ExpandOptions): Expansion {
  const nodes = new Parser(body).parse();
  const values = new Map<number, string>();
  const text = (list: Node[]): string => list.map(render).join('');
  const variable = (name: string): string => {
    if (!(name in options.variables)) throw new Error(`snippet: no value for the variable ${name}`);
    return options.variables[name];
  };
  // First pass: the value of every tab stop that has a default or choices (mirrors take it).
  const collect = (list: Node[]): void => {
    for (const node of list) {
      if (node.kind === 'tabstop' && (node.children.length || node.choices) && !values.has(node.index)) {
        const defaultText = text(node.children);
        values.set(node.index, options.fill?.(node.index, defaultText, node.choices) ?? defaultText);
      }
      if (node.kind !== 'text' && node.children) collect(node.children);
    }
  };
  function render(node: Node): string {
    if (node.kind === 'text') return node.value;
    if (node.kind === 'tabstop') return values.get(node.index) ?? options.fill?.(node.index, '', undefined) ?? '';
    if (node.transform) return applyTransform(variable(node.name), node.transform);
    if (node.name in options.variables) return options.variables[node.name];
    if (node.children) return text(node.children);
    return variable(node.name);
  }
  collect(nodes);
  return { text: text(nodes), values };
}

/** VS Code's date and time snippet variables for a given moment (in the moment's zone). */
export function clockVariables(now: DateTime): Record<string, string> {
  const en = now.setLocale('en-US');
  return {
    CURRENT_YEAR: en.toFormat('yyyy'),
    CURRENT_YEAR_SHORT: en.toFormat('yy'),
    CURRENT_MONTH: en.toFormat('MM'),
    CURRENT_MONTH_NAME: en.toFormat('LLLL'),
    CURRENT_MONTH_NAME_SHORT: en.toFormat('LLL'),
    CURRENT_DATE: en.toFormat('dd'),
    CURRENT_DAY_NAME: en.toFormat('cccc'),
    CURRENT_DAY_NAME_SHORT: en.toFormat('ccc'),
    CURRENT_HOUR: en.toFormat('HH'),
    CURRENT_MINUTE: en.toFormat('mm'),
    CURRENT_SECOND: en.toFormat('ss'),
    CURRENT_SECONDS_UNIX: String(Math.floor(en.toSeconds())),
    CURRENT_TIMEZONE_OFFSET: en.toFormat('ZZ'),
  };
}
