import type { FoldedText } from './fold.js';
import { findProjectRef, resolveRef, type ProjectRef, type ResolvedRef } from './project-ref.js';

/** A heading line of a plan: its depth and the project it names, if any. */
export interface Heading {
  /** 0 = a major heading (Roman numeral, upper case); 1 = "1."; 2 = "1.1."; x.5 = unnumbered. */
  readonly level: number;
  readonly ref?: ProjectRef;
}

const ROMAN = /^(?:x{0,3}(?:ix|iv|v?i{1,3}|v)|il|1l|11l|111|i1|1i)[.)]\s+\S/;
const NUMBERED = /^(\d{1,2}(?:\.\d{1,2})+)\.?\s+\S|^(\d{1,2})[.)]\s*(?=[^\d\s%])/;
const MAX_HEADING = 220;

/** Whether most letters of a line are capitals: "IV. KINH PHÍ THỰC HIỆN". */
function isUpperCaseLine(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, '');
  if (letters.length < 5) return false;
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  return upper / letters.length >= 0.8;
}

/**
 * Read a line as a heading: "1. Dự án 2: …", "3.1. Tiểu dự án 1: …", "IV. KINH PHÍ THỰC HIỆN",
 * "* Hỗ trợ việc làm bền vững (Tiểu dự án 3)", or an unnumbered line that starts with a project
 * reference after a finished sentence ("Tiểu dự án 1: Hỗ trợ …"). Bullets ("-", "+") and
 * items ("a)", "b)") are never headings.
 *
 * @param original The line as written (for capitals).
 * @param folded The line folded (see foldLine).
 * @param afterBreak Whether the line follows a blank line, a heading or a finished sentence.
 */
export function readHeading(
  original: string,
  folded: string,
  afterBreak: boolean,
): Heading | undefined {
  const s = folded.trim();
  if (s === '' || s.length > MAX_HEADING) return undefined;
  if (/^[-+~•–]/.test(s) || /^[a-zđ]\)/.test(s)) return undefined;
  const plain = original.replace(/[#*_`]/g, '').trim();
  const ref = findProjectRef(s);
  const withRef = (level: number): Heading => ({ level, ...(ref ? { ref } : {}) });
  if (ROMAN.test(s) || isUpperCaseLine(plain)) return withRef(0);
  const numbered = NUMBERED.exec(s);
  if (numbered) {
    const dotted = numbered[1];
    return withRef(dotted ? dotted.split('.').length : 1);
  }
  if (!ref) return undefined;
  const bullet = /^\*\s*/.test(original.trim()) && !/^\*\*/.test(original.trim());
  if (bullet || (afterBreak && ref.index <= 2)) return { level: Number.NaN, ref };
  return undefined;
}

/** The project context at one line: the project and sub-project the text is talking about. */
export interface LineContext {
  readonly project?: string;
  readonly subproject?: string;
  /** The line is a heading (a split written after a heading belongs to no earlier amount). */
  readonly heading: boolean;
}

interface Frame {
  readonly level: number;
  readonly resolved?: ResolvedRef;
}

/**
 * Walk the text's headings and give every line the project and sub-project it sits under.
 * A heading closes every heading of its level or deeper; an unnumbered project heading sits
 * half a level under the last numbered one. "Tiểu dự án 1" alone belongs to the project of
 * the enclosing heading (through `matchProject`'s `parentProject`).
 */
export function lineContexts(folded: FoldedText, period: string | undefined): LineContext[] {
  const stack: Frame[] = [];
  let lastLevel = 0;
  let afterBreak = true;
  const out: LineContext[] = [];
  const current = (): { project?: string; subproject?: string } => {
    for (let i = stack.length - 1; i >= 0; i--) {
      const r = stack[i]?.resolved;
      if (r) return { project: r.project, ...(r.subproject ? { subproject: r.subproject } : {}) };
    }
    return {};
  };
  folded.lines.forEach((original, i) => {
    const start = folded.starts[i] as number;
    const f = folded.text.slice(start, start + foldedLength(folded, i));
    const h = readHeading(original, f, afterBreak);
    if (h) {
      const level = Number.isNaN(h.level) ? lastLevel + 0.5 : h.level;
      if (!Number.isNaN(h.level)) lastLevel = h.level;
      while (stack.length && (stack[stack.length - 1] as Frame).level >= level) stack.pop();
      const resolved = h.ref ? resolveRef(h.ref, current().project, period) : undefined;
      stack.push({ level, ...(resolved ? { resolved } : {}) });
    }
    out.push({ ...current(), heading: h !== undefined });
    const t = f.trim();
    afterBreak = t === '' || h !== undefined || /[.:;!?)"”]$/.test(t);
  });
  return out;
}

function foldedLength(folded: FoldedText, i: number): number {
  const next = folded.starts[i + 1];
  return (next ?? folded.text.length + 1) - (folded.starts[i] as number) - 1;
}
