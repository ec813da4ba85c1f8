/**
 * A small pull scanner for the XML parts of an .xlsx: tags, attributes and text, read straight
 * from the decoded string with `indexOf` and `charCodeAt`. No DOM and nothing allocated per token
 * unless asked for (a name, an attribute value, a text).
 *
 * It reads the way the SAX parser under ExcelJS (saxes) reports a document: entities and character
 * references decoded, line ends normalised (`\r\n` → `\n` in text; `\t`, `\n`, `\r` → space in
 * attribute values), comments, processing instructions and CDATA sections skipped (ExcelJS does
 * not listen to CDATA). Tag names keep their prefix (`x:row` is not `row`), as saxes without
 * namespaces reports them.
 *
 * It refuses, as `corrupt-zip`, what would make saxes fail: unterminated markup, an undefined
 * entity, a close tag that does not match, an unclosed element or a document without a root.
 * It does not check everything saxes checks (characters outside XML's range, duplicate
 * attributes, text outside the root).
 */
import { XlsxError } from '../errors.js';

/** What {@link XmlReader.next} stopped at. */
export const Token = { End: 0, Open: 1, Close: 2, Text: 3 } as const;
export type Token = (typeof Token)[keyof typeof Token];

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const EQUALS = 0x3d;
const QUOTE = 0x22;
const APOS = 0x27;
const AMP = 0x26;
const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

function isSpace(c: number): boolean {
  return c <= SPACE && (c === SPACE || c === LF || c === TAB || c === CR);
}

/** Whether `c` can be part of a tag or attribute name (NaN, past the end, cannot). */
function isNameChar(c: number): boolean {
  return c > SPACE && c !== GT && c !== SLASH && c !== EQUALS;
}

/** The error for a part whose XML cannot be read. */
export function malformed(part: string, detail: string): XlsxError {
  return new XlsxError('corrupt-zip', `${part}: ${detail}`);
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

function isXmlChar(code: number): boolean {
  return (
    code === TAB ||
    code === LF ||
    code === CR ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** An attribute's value from its raw text: line breaks and tabs normalised to spaces, entities decoded. */
export function attributeValue(raw: string, part: string): string {
  return decodeEntities(raw.replace(/\r\n|[\t\n\r]/g, ' '), part);
}

/**
 * Decode the entities and character references of `raw` (XML's five named entities only: the
 * parts of an .xlsx declare no others). Throws `corrupt-zip` on anything else after `&`.
 */
export function decodeEntities(raw: string, part: string): string {
  let amp = raw.indexOf('&');
  if (amp < 0) return raw;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    const semi = raw.indexOf(';', amp + 1);
    if (semi < 0) throw malformed(part, `unterminated entity "${raw.slice(amp, amp + 12)}"`);
    const name = raw.slice(amp + 1, semi);
    let decoded: string | undefined;
    if (name.charCodeAt(0) === 0x23 /* # */) {
      const hex = name.charCodeAt(1) === 0x78; /* x */
      const digits = name.slice(hex ? 2 : 1);
      const valid = hex ? /^[0-9a-fA-F]+$/.test(digits) : /^[0-9]+$/.test(digits);
      const code = valid ? parseInt(digits, hex ? 16 : 10) : NaN;
      if (isXmlChar(code)) decoded = String.fromCodePoint(code);
    } else {
      decoded = NAMED_ENTITIES[name];
    }
    if (decoded === undefined) throw malformed(part, `undefined entity "&${name};"`);
    out += raw.slice(from, amp) + decoded;
    from = semi + 1;
    amp = raw.indexOf('&', from);
  }
  return out + raw.slice(from);
}

/**
 * ExcelJS' second decoding of the five named entities (its `utils.xmlDecode`), applied on top of
 * the parser's to formula string results, `t="str"` cells and sheet names: `&amp;lt;` in the file
 * reads as `<` there.
 */
export function decodeNamedEntitiesAgain(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&([a-z]*);/g, (m, name: string) =>
    name === 'lt' || name === 'gt' || name === 'amp' || name === 'apos' || name === 'quot'
      ? NAMED_ENTITIES[name]!
      : m,
  );
}

/**
 * Excel's `_xHHHH_` escapes of characters XML cannot hold, decoded as ExcelJS decodes them in
 * shared strings and rich-text runs (upper-case hex digits only).
 */
export function decodeExcelEscapes(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}

/**
 * A pull scanner over one XML document. Call {@link next} until it returns `Token.End`; after an
 * `Open` token read the tag with {@link is}, {@link name} and {@link attr}, after a `Text` token
 * read it with {@link text}. A self-closing tag is reported as `Open` (with `selfClosing` set)
 * followed by its `Close`.
 *
 * @example
 * const x = new XmlReader('<a b="1">hi</a>', 'part.xml');
 * x.next(); // Token.Open; x.is('a'), x.attr('b') === '1'
 * x.next(); // Token.Text; x.text() === 'hi'
 */
export class XmlReader {
  /** Whether the current `Open` tag closes itself (`<c r="A1"/>`). */
  selfClosing = false;
  /** Elements open around the current position, the current `Open` tag included. */
  depth = 0;

  private pos: number;
  private start = 0;
  private end = 0;
  private pendingClose = false;
  private rootSeen = false;
  private readonly stackStart: number[] = [];
  private readonly stackEnd: number[] = [];
  private attrCount = 0;
  private readonly attrNameStart: number[] = [];
  private readonly attrNameEnd: number[] = [];
  private readonly attrValueStart: number[] = [];
  private readonly attrValueEnd: number[] = [];

  /** Where the raw value of the attribute last found by {@link findAttr} is in {@link xml}. */
  valueStart = 0;
  valueEnd = 0;
  /** Where the current `Open` tag starts in {@link xml} (its `<`). */
  tagStart = 0;

  /**
   * @param xml the document
   * @param part the part's name, for error messages
   * @param from where to start; a reader started inside a document reads one element (the one
   *   starting at `from`) and then ends
   */
  constructor(
    readonly xml: string,
    private readonly part: string,
    from = 0,
  ) {
    this.pos = from;
  }

  /** Advance to the next tag or text. */
  next(): Token {
    const xml = this.xml;
    if (this.pendingClose) {
      this.pendingClose = false;
      this.depth--;
      return Token.Close;
    }
    for (;;) {
      const pos = this.pos;
      if (pos >= xml.length || (this.rootSeen && this.depth === 0)) return this.finish();
      if (xml.charCodeAt(pos) !== LT) {
        let lt = xml.indexOf('<', pos);
        if (lt < 0) lt = xml.length;
        this.pos = lt;
        if (this.depth === 0) continue;
        this.start = pos;
        this.end = lt;
        return Token.Text;
      }
      const c = xml.charCodeAt(pos + 1);
      if (c === SLASH) return this.closeTag(pos);
      if (c === BANG) this.skipDeclaration(pos);
      else if (c === QUESTION) this.pos = this.indexAfter('?>', pos, 'processing instruction');
      else return this.openTag(pos);
    }
  }

  /**
   * Advance to the next tag or text inside the element opened at `depth` (the `depth` of its
   * `Open` token); `Token.End` once that element is closed.
   *
   * @example
   * const depth = x.depth; // at <row>
   * for (let t = x.nextInside(depth); t !== Token.End; t = x.nextInside(depth)) …
   */
  nextInside(depth: number): Token {
    const t = this.next();
    return t === Token.Close && this.depth < depth ? Token.End : t;
  }

  /**
   * Where reading stands in {@link xml}: after an `Open` token, just past its tag (`>` or `/>`);
   * after the `Close` token of an element (or after {@link skipElement}), just past its end.
   */
  get position(): number {
    return this.pos;
  }

  /** Whether the current tag is named `name` (prefix included). */
  is(name: string): boolean {
    return this.end - this.start === name.length && this.xml.startsWith(name, this.start);
  }

  /** The current tag's name. */
  name(): string {
    return this.xml.slice(this.start, this.end);
  }

  /** The decoded value of an attribute of the current `Open` tag, `undefined` when absent. */
  attr(name: string): string | undefined {
    const i = this.attrIndex(name);
    return i < 0 ? undefined : this.attrValue(i);
  }

  /**
   * Find an attribute of the current `Open` tag without reading it: when it is there, its raw
   * value (entities not decoded) is `xml.slice(valueStart, valueEnd)`.
   */
  findAttr(name: string): boolean {
    const i = this.attrIndex(name);
    if (i < 0) return false;
    this.valueStart = this.attrValueStart[i]!;
    this.valueEnd = this.attrValueEnd[i]!;
    return true;
  }

  /** The decoded text of the current `Text` token. */
  text(): string {
    return this.decodeText(this.start, this.end);
  }

  /**
   * After the `Open` token of an element that holds nothing but text: its text (`''` when empty),
   * the element then being read up to its close tag included (its `Close` token is not
   * reported). `undefined`, and nothing read, when the element holds anything else.
   */
  textOnly(): string | undefined {
    if (this.pendingClose) {
      this.pendingClose = false;
      this.depth--;
      return '';
    }
    const xml = this.xml;
    const lt = xml.indexOf('<', this.pos);
    if (lt < 0 || xml.charCodeAt(lt + 1) !== SLASH) return undefined;
    const top = this.depth - 1;
    const nameStart = this.stackStart[top]!;
    const nameEnd = this.stackEnd[top]!;
    const gt = lt + 2 + nameEnd - nameStart;
    if (xml.charCodeAt(gt) !== GT || !this.sameNameAt(nameStart, nameEnd, lt + 2)) {
      return undefined;
    }
    const text = this.pos === lt ? '' : this.decodeText(this.pos, lt);
    this.start = nameStart;
    this.end = nameEnd;
    this.depth = top;
    this.pos = gt + 1;
    return text;
  }

  /** Skip the rest of the current element (after its `Open` token), children included. */
  skipElement(): void {
    const depth = this.depth;
    while (this.nextInside(depth) !== Token.End);
  }

  /**
   * {@link skipElement}, quicker over the usual cell: children without attributes that hold only
   * text (`<f>A1+1</f><v>2</v>`) are stepped over with `indexOf`, each checked as the token
   * reader checks it (its close tag matches, `>` right after the name); anything else (an
   * attribute, a nested element, a comment, a self-closing child) is left to {@link skipElement}
   * from that child on, so the result and the refusals are the same.
   */
  skipLeafElement(): void {
    if (this.pendingClose) {
      this.skipElement();
      return;
    }
    const xml = this.xml;
    const top = this.depth - 1;
    const nameStart = this.stackStart[top]!;
    const nameEnd = this.stackEnd[top]!;
    let pos = this.pos;
    for (;;) {
      const lt = xml.indexOf('<', pos);
      if (lt < 0) break;
      const c = xml.charCodeAt(lt + 1);
      if (c === SLASH) {
        // The element's own close tag, exactly `</name>`.
        const gt = lt + 2 + nameEnd - nameStart;
        if (xml.charCodeAt(gt) !== GT || !this.sameNameAt(nameStart, nameEnd, lt + 2)) break;
        this.start = nameStart;
        this.end = nameEnd;
        this.depth = top;
        this.pos = gt + 1;
        return;
      }
      // A child `<name>text</name>`.
      let p = lt + 1;
      let ch = c;
      while (isNameChar(ch)) ch = xml.charCodeAt(++p);
      if (ch !== GT || p === lt + 1 || c === BANG || c === QUESTION) break;
      const close = xml.indexOf('<', p + 1);
      if (close < 0 || xml.charCodeAt(close + 1) !== SLASH) break;
      const gt = close + 2 + p - (lt + 1);
      if (xml.charCodeAt(gt) !== GT || !this.sameNameAt(lt + 1, p, close + 2)) break;
      pos = gt + 1;
    }
    // The rest the token reader's way, from the first child not stepped over.
    this.pos = pos;
    this.skipElement();
  }

  /**
   * Inside an element, between its children: move to `at`, the `<` of a later child or of the
   * element's close tag, which the caller found by searching the text and vouches for: nothing on
   * the way can hide markup (a comment, CDATA section or processing instruction) and no element
   * opened there is still open at `at`. The children stepped over are not read.
   */
  skipTo(at: number): void {
    if (this.pendingClose || at < this.pos || this.xml.charCodeAt(at) !== LT) {
      throw new RangeError(`skipTo(${at}) from ${this.pos}`);
    }
    this.pos = at;
  }

  private attrIndex(name: string): number {
    const xml = this.xml;
    const length = name.length;
    const first = name.charCodeAt(0);
    for (let i = 0; i < this.attrCount; i++) {
      const s = this.attrNameStart[i]!;
      // Length and first letter tell most names apart without a call.
      if (this.attrNameEnd[i]! - s !== length || xml.charCodeAt(s) !== first) continue;
      if (length === 1 || xml.startsWith(name, s)) return i;
    }
    return -1;
  }

  private decodeText(start: number, end: number): string {
    const raw = this.xml.slice(start, end);
    if (!this.needsDecoding(start, end, false)) return raw;
    return decodeEntities(raw.replace(/\r\n?/g, '\n'), this.part);
  }

  private attrValue(i: number): string {
    const start = this.attrValueStart[i]!;
    const end = this.attrValueEnd[i]!;
    const raw = this.xml.slice(start, end);
    if (!this.needsDecoding(start, end, true)) return raw;
    return attributeValue(raw, this.part);
  }

  /** Whether `xml[start, end)` holds an entity or a character that normalisation changes. */
  private needsDecoding(start: number, end: number, attribute: boolean): boolean {
    const xml = this.xml;
    for (let p = start; p < end; p++) {
      const c = xml.charCodeAt(p);
      if (c === AMP || c === CR || (attribute && (c === LF || c === TAB))) return true;
    }
    return false;
  }

  private finish(): Token {
    if (this.depth > 0) throw malformed(this.part, 'unexpected end of XML');
    if (!this.rootSeen) throw malformed(this.part, 'no root element');
    return Token.End;
  }

  private fail(detail: string, at: number): never {
    throw malformed(this.part, `${detail} at offset ${at}`);
  }

  private indexAfter(terminator: string, from: number, what: string): number {
    const i = this.xml.indexOf(terminator, from);
    if (i < 0) this.fail(`unterminated ${what}`, from);
    return i + terminator.length;
  }

  /** `<!-- -->`, `<![CDATA[ ]]>` or `<!DOCTYPE …>` (with an internal subset in brackets). */
  private skipDeclaration(pos: number): void {
    const xml = this.xml;
    if (xml.startsWith('<!--', pos)) this.pos = this.indexAfter('-->', pos + 4, 'comment');
    else if (xml.startsWith('<![CDATA[', pos)) this.pos = this.indexAfter(']]>', pos, 'CDATA');
    else {
      const bracket = xml.indexOf('[', pos);
      const gt = xml.indexOf('>', pos);
      if (gt < 0) this.fail('unterminated declaration', pos);
      this.pos = bracket >= 0 && bracket < gt ? this.indexAfter(']>', bracket, 'DOCTYPE') : gt + 1;
    }
  }

  private closeTag(pos: number): Token {
    const xml = this.xml;
    const gt = xml.indexOf('>', pos + 2);
    if (gt < 0) this.fail('unterminated close tag', pos);
    let nameEnd = gt;
    while (nameEnd > pos + 2 && isSpace(xml.charCodeAt(nameEnd - 1))) nameEnd--;
    this.start = pos + 2;
    this.end = nameEnd;
    const top = this.depth - 1;
    const openStart = this.stackStart[top];
    const openEnd = this.stackEnd[top];
    if (openStart === undefined || openEnd === undefined || !this.sameName(openStart, openEnd)) {
      this.fail(`unexpected close tag </${this.name()}>`, pos);
    }
    this.depth = top;
    this.pos = gt + 1;
    return Token.Close;
  }

  /** Whether the name at `xml[start, end)` is the current tag's name. */
  private sameName(start: number, end: number): boolean {
    return end - start === this.end - this.start && this.sameNameAt(start, end, this.start);
  }

  /** Whether the name at `xml[start, end)` is also at `at`. */
  private sameNameAt(start: number, end: number, at: number): boolean {
    const xml = this.xml;
    for (let i = 0; i < end - start; i++) {
      if (xml.charCodeAt(start + i) !== xml.charCodeAt(at + i)) return false;
    }
    return true;
  }

  private openTag(pos: number): Token {
    const xml = this.xml;
    let p = pos + 1;
    let c = xml.charCodeAt(p);
    while (isNameChar(c)) c = xml.charCodeAt(++p);
    if (p === pos + 1) this.fail('empty tag name', pos);
    this.start = pos + 1;
    this.end = p;
    this.tagStart = pos;
    this.attrCount = 0;
    for (;;) {
      while (isSpace(c)) c = xml.charCodeAt(++p);
      if (c === GT) {
        this.selfClosing = false;
        p++;
        break;
      }
      if (c === SLASH && xml.charCodeAt(p + 1) === GT) {
        this.selfClosing = true;
        p += 2;
        break;
      }
      if (p >= xml.length) this.fail('unterminated tag', pos);
      p = this.attribute(p, pos);
      c = xml.charCodeAt(p);
    }
    this.stackStart[this.depth] = this.start;
    this.stackEnd[this.depth] = this.end;
    this.depth++;
    this.rootSeen = true;
    this.pendingClose = this.selfClosing;
    this.pos = p;
    return Token.Open;
  }

  /** Read one `name="value"` at `p`; returns the position after it. */
  private attribute(p: number, tagStart: number): number {
    const xml = this.xml;
    const nameStart = p;
    let c = xml.charCodeAt(p);
    while (isNameChar(c)) c = xml.charCodeAt(++p);
    const nameEnd = p;
    while (isSpace(c)) c = xml.charCodeAt(++p);
    if (c !== EQUALS || nameEnd === nameStart) this.fail('attribute without a value', tagStart);
    c = xml.charCodeAt(++p);
    while (isSpace(c)) c = xml.charCodeAt(++p);
    if (c !== QUOTE && c !== APOS) this.fail('unquoted attribute value', tagStart);
    const quote = c;
    let close = p + 1;
    while (close < xml.length && xml.charCodeAt(close) !== quote) close++;
    if (close >= xml.length) this.fail('unterminated attribute value', tagStart);
    const i = this.attrCount++;
    this.attrNameStart[i] = nameStart;
    this.attrNameEnd[i] = nameEnd;
    this.attrValueStart[i] = p + 1;
    this.attrValueEnd[i] = close;
    return close + 1;
  }
}
