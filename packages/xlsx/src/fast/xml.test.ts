/**
 * The XML scanner: what it reports, against saxes (the SAX parser under ExcelJS) on random
 * documents, and what it refuses.
 */
import fc from 'fast-check';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { isXlsxError } from '../errors.js';
import {
  decodeEntities,
  decodeExcelEscapes,
  decodeNamedEntitiesAgain,
  Token,
  XmlReader,
} from './xml.js';

interface SaxNode {
  name: string;
  attributes: Record<string, string>;
}
interface SaxesParser {
  on(event: 'opentag', cb: (node: SaxNode) => void): void;
  on(event: 'closetag', cb: (node: SaxNode) => void): void;
  on(event: 'text', cb: (text: string) => void): void;
  on(event: 'error', cb: (e: Error) => void): void;
  write(xml: string): void;
  close(): void;
}
// saxes as ExcelJS has it (not a dependency of this package).
const { SaxesParser } = createRequire(createRequire(import.meta.url).resolve('exceljs'))(
  'saxes',
) as { SaxesParser: new () => SaxesParser };

/** An attribute map with its keys sorted, as text. */
function attributes(attrs: Record<string, string>): string {
  return JSON.stringify(
    Object.fromEntries(Object.entries(attrs).sort(([a], [b]) => (a < b ? -1 : 1))),
  );
}

/**
 * What saxes reports, texts joined, as ExcelJS listens to it: CDATA is not listened to, and text
 * outside the root element reaches no parser.
 */
function saxesEvents(xml: string): string[] {
  const parser = new SaxesParser();
  const events: string[] = [];
  let text = '';
  let depth = 0;
  const flush = () => {
    if (text) events.push(`text ${JSON.stringify(text)}`);
    text = '';
  };
  parser.on('opentag', (node) => {
    flush();
    depth++;
    events.push(`open ${node.name} ${attributes(node.attributes)}`);
  });
  parser.on('closetag', (node) => {
    flush();
    depth--;
    events.push(`close ${node.name}`);
  });
  parser.on('text', (t) => {
    if (depth > 0) text += t;
  });
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(xml);
  parser.close();
  return events;
}

/** What the scanner reports, in the same form (attributes looked up among `names`). */
function readerEvents(xml: string, names: readonly string[]): string[] {
  const x = new XmlReader(xml, 'test.xml');
  const events: string[] = [];
  let text = '';
  const flush = () => {
    if (text) events.push(`text ${JSON.stringify(text)}`);
    text = '';
  };
  for (let t = x.next(); t !== Token.End; t = x.next()) {
    if (t === Token.Text) {
      text += x.text();
      continue;
    }
    flush();
    if (t === Token.Open) {
      const attrs: Record<string, string> = {};
      for (const name of names) {
        const v = x.attr(name);
        if (v !== undefined) attrs[name] = v;
      }
      events.push(`open ${x.name()} ${attributes(attrs)}`);
    } else {
      events.push(`close ${x.name()}`);
    }
  }
  return events;
}

const TEXT_PIECES = [
  'a',
  ' ',
  'Tổng cộng',
  '&amp;',
  '&lt;',
  '&gt;',
  '&quot;',
  '&apos;',
  '&#10;',
  '&#13;',
  '&#x1EA0;',
  '&#128512;',
  '\n',
  '\r\n',
  '\r',
  '\t',
  '>',
  '[',
  '_x0041_',
];
const text = fc.array(fc.constantFrom(...TEXT_PIECES), { maxLength: 6 }).map((p) => p.join(''));
const attrValue = text.map((t) => t.replace(/"/g, '&quot;'));
const ATTRS = ['r', 's', 't', 'x:id', 'ref'];

interface Node {
  name: string;
  attrs: [string, string][];
  children: (Node | string)[];
}
const node: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.record({
    name: fc.constantFrom('c', 'v', 'row', 'x:f', 'is'),
    attrs: fc.uniqueArray(fc.tuple(fc.constantFrom(...ATTRS), attrValue), {
      selector: ([n]) => n,
      maxLength: 3,
    }),
    children: fc.array(
      fc.oneof(
        { weight: 3, arbitrary: text },
        {
          weight: 1,
          arbitrary: fc.constantFrom('<!-- note -->', '<![CDATA[<x>&amp;]]>', '<?pi x?>'),
        },
        { weight: 2, arbitrary: tie('node') as fc.Arbitrary<Node> },
      ),
      { maxLength: 4 },
    ),
  }),
})).node;

function render(n: Node): string {
  const attrs = n.attrs.map(([k, v], i) => ` ${k}${i % 2 ? '=' : ' = '}"${v}"`).join('');
  if (n.children.length === 0) return `<${n.name}${attrs}/>`;
  const inner = n.children.map((c) => (typeof c === 'string' ? c : render(c))).join('');
  return `<${n.name}${attrs}>${inner}</${n.name} >`;
}

describe('XmlReader', () => {
  it('reports what saxes reports, on random documents', () => {
    fc.assert(
      fc.property(node, (root) => {
        const xml = `<?xml version="1.0"?>\n<!DOCTYPE x [<!ELEMENT x ANY>]><!-- c -->${render(root)}\n`;
        expect(readerEvents(xml, ATTRS)).toEqual(saxesEvents(xml));
      }),
      { numRuns: 300 },
    );
  });

  it('reads attributes and text', () => {
    const x = new XmlReader('<a b="1 &amp; 2" c=\'x"y\'>t&lt;<d/>u</a>', 'p');
    expect(x.next()).toBe(Token.Open);
    expect([x.is('a'), x.attr('b'), x.attr('c'), x.attr('z')]).toEqual([
      true,
      '1 & 2',
      'x"y',
      undefined,
    ]);
    expect(x.next()).toBe(Token.Text);
    expect(x.text()).toBe('t<');
    expect(x.next()).toBe(Token.Open);
    expect(x.selfClosing).toBe(true);
    expect(x.next()).toBe(Token.Close);
    expect(x.is('d')).toBe(true);
    expect(x.next()).toBe(Token.Text);
    expect(x.next()).toBe(Token.Close);
    expect(x.next()).toBe(Token.End);
  });

  it('reads a text-only element at once, and leaves any other alone', () => {
    const x = new XmlReader('<a><v>1&amp;2</v><v/><v>x<b/></v></a>', 'p');
    x.next();
    x.next();
    expect(x.textOnly()).toBe('1&2');
    expect(x.depth).toBe(1);
    x.next();
    expect(x.textOnly()).toBe('');
    x.next();
    expect(x.textOnly()).toBeUndefined();
    expect(x.next()).toBe(Token.Text);
  });

  it('reads one element from inside a document', () => {
    const xml = '<a><b>1</b><m><i/></m><c/></a>';
    const x = new XmlReader(xml, 'p', xml.indexOf('<m>'));
    const seen: string[] = [];
    for (let t = x.next(); t !== Token.End; t = x.next()) if (t === Token.Open) seen.push(x.name());
    expect(seen).toEqual(['m', 'i']);
  });

  it.each([
    ['<a>', 'unexpected end'],
    ['<a></b>', 'unexpected close tag'],
    ['<a><b></a>', 'unexpected close tag'],
    ['<a b=1/>', 'unquoted'],
    ['<a b/>', 'attribute without a value'],
    ['<a b="1/>', 'unterminated attribute'],
    ['<a>&nbsp;</a>', 'undefined entity'],
    ['<a>&#0;</a>', 'undefined entity'],
    ['<a>&amp</a>', 'unterminated entity'],
    ['<a><!-- </a>', 'unterminated comment'],
    ['<a', 'unterminated tag'],
    ['', 'no root'],
    ['just text', 'no root'],
  ])('refuses %j as corrupt-zip (%s)', (xml, message) => {
    let error: unknown;
    try {
      const x = new XmlReader(xml, 'p');
      for (let t = x.next(); t !== Token.End; t = x.next()) if (t === Token.Text) x.text();
    } catch (e) {
      error = e;
    }
    expect(isXlsxError(error) && error.code).toBe('corrupt-zip');
    expect(String(error)).toContain(message);
  });

  it('never throws anything but an XlsxError', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            '<',
            '>',
            '/',
            '"',
            "'",
            '=',
            'a',
            ' ',
            '&',
            ';',
            '#',
            '!',
            '--',
            '?',
            '[',
            'x',
          ),
          { maxLength: 30 },
        ),
        (chars) => {
          try {
            const x = new XmlReader(chars.join(''), 'p');
            for (let t = x.next(); t !== Token.End; t = x.next()) {
              if (t === Token.Text) x.text();
              else if (t === Token.Open) x.attr('a');
            }
          } catch (e) {
            expect(isXlsxError(e)).toBe(true);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('text decoding', () => {
  it('decodes entities and character references', () => {
    expect(decodeEntities('&lt;&#65;&#x42;&amp;amp;', 'p')).toBe('<AB&amp;');
  });

  it('decodes named entities again, as ExcelJS does for "str" values and sheet names', () => {
    expect(decodeNamedEntitiesAgain('a&lt;b&amp;c&#65;&nbsp;')).toBe('a<b&c&#65;&nbsp;');
  });

  it("decodes Excel's _xHHHH_ escapes (upper-case hex)", () => {
    expect(decodeExcelEscapes('_x0041__x000a__x000A_ _x005F_x0041_')).toBe('A_x000a_\n _x0041_');
  });
});

describe('skipLeafElement', () => {
  /** Where skipping the element at `<c` leaves the reader (or the error it throws), and what follows. */
  function after(xml: string, skip: (x: XmlReader) => void): string {
    const x = new XmlReader(xml, 'p');
    try {
      while (!(x.next() === Token.Open && x.is('c')));
      skip(x);
      const rest: string[] = [];
      for (let t = x.next(); t !== Token.End; t = x.next()) rest.push(`${t}:${x.name()}`);
      return `${x.position} ${x.depth} ${rest.join(',')}`;
    } catch (e) {
      return `error ${e instanceof Error ? e.message : String(e)}`;
    }
  }

  it('ends where skipElement ends, and refuses what it refuses', () => {
    const cells = [
      '<c r="A1"><f>A2+1</f><v>3</v></c>',
      '<c r="A1"/>',
      '<c r="A1"></c>',
      '<c r="A1"><v>1</v> \n<v>2</v></c>',
      '<c r="A1" t="inlineStr"><is><t>x</t></is></c>',
      '<c r="A1"><f t="shared" si="0">A2</f><v>1</v></c>',
      '<c r="A1"><v>1</v><!-- </c> --></c>',
      '<c r="A1"><v><![CDATA[1]]></v></c>',
      '<c r="A1"><v>1</v ></c >',
      '<c r="A1"><x:v>1</x:v></c>',
      '<c r="A1"><v/><v>2</v></c>',
      '<c r="A1"><v>1</w></c>',
      '<c r="A1"><v>1</v></d>',
      '<c r="A1"><v>1</v>',
      '<c r="A1"><v>1',
      '<c r="A1"><vv>1</v></c>',
      '<c r="A1"><v>a &amp; b</v></c>',
    ];
    for (const c of cells) {
      const xml = `<row r="1">${c}<c r="B1"><v>2</v></c></row>`;
      expect(
        after(xml, (x) => x.skipLeafElement()),
        c,
      ).toBe(after(xml, (x) => x.skipElement()));
    }
  });
});
