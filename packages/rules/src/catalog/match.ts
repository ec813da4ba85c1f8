import {
  bigramSimilarity,
  bigrams,
  foldsEmpty,
  foldsWithout,
  normalizeText,
  type Bigrams,
} from '../grid/normalize.js';
import { BigramIndex } from './bigram-index.js';
import { DEFAULT_PERIOD, getCatalog } from './registry.js';
import type { Direction, Indicator, ProgrammeCatalog, Project, SubProject } from './types.js';

/** What a label names in the catalogue. */
export interface ProjectMatch {
  readonly project: Project;
  readonly subproject?: SubProject;
  /** The catalogue code: `DA3` or `DA3.TDA1`. */
  readonly code: string;
  readonly officialName: string;
  /** How the entry was found: from a code in the label, or from its name alone. */
  readonly by: 'code' | 'name';
  /** The name the label carries after its code, when it carries one. */
  readonly labelName?: string;
  /** The label's name differs from the official one. */
  readonly nameMismatch: boolean;
  /** When the name fits another entry better than the coded one: that entry's code. */
  readonly nameSuggests?: string;
}

/** A label that claims a project or sub-project code the programme does not have. */
export interface UnknownProject {
  readonly unknown: true;
  readonly claimed: string;
}

/** Options for {@link matchProject}. */
export interface MatchOptions {
  readonly period?: string;
  /** The project of the enclosing row, for labels that name only a sub-project. */
  readonly parentProject?: string;
}

const TDA_RE = /\b(?:tieu du an|tieu da|tda)\s*(?:so\s*)?(\d{1,2})\b/;
const DA_RE = /\b(?:du an|da)\s*(?:so\s*)?(\d{1,2})\b/;
const DOTTED_RE = /^(\d)\s*[.]\s*(\d)$/;
const CODE_RE = /^da\s*(\d{1,2})(?:\s*tda\s*(\d{1,2}))?$/;
/** The only characters a text that DOTTED_RE can match (after its replacements) may hold. */
const ONLY_DOTTED = /^[\d\s.]*$/;
const NAME_MATCH = 0.72;
const NAME_OK = 0.6;

/** Words of a normalised label that {@link wordsIn} looks for, as bits. */
const TDA_WORD = 1; // "tda" or "tieu d" ("tieu du an", "tieu da"): TDA_RE may match
const DA_WORD = 2; // "da" or "du an": DA_RE may match
const THUOC_WORD = 4; // "thuoc": nameOf has a word to drop

/**
 * Which of the words TDA_RE, DA_RE and nameOf need a normalised label holds, looked for only
 * where it has a "d" or a "t" (most labels hold none of the words, and skip the patterns).
 * Cutting a code out of a label leaves a space where it was, and none of the words holds a space
 * between letters that could meet there, so what the label lacks, the label without its codes
 * lacks too.
 */
function wordsIn(norm: string): number {
  let words = 0;
  // From one "d", then one "t", to the next by `indexOf`: a label has a few of each.
  for (let i = norm.indexOf('d'); i >= 0; i = norm.indexOf('d', i + 1)) {
    const next = norm.charCodeAt(i + 1);
    if (next === 97 /* a */ || (next === 117 /* u */ && norm.startsWith(' an', i + 2))) {
      words |= DA_WORD;
      break;
    }
  }
  for (let i = norm.indexOf('t'); i >= 0; i = norm.indexOf('t', i + 1)) {
    const next = norm.charCodeAt(i + 1);
    if (
      (next === 100 /* d */ && norm.charCodeAt(i + 2) === 97) /* a */ ||
      (next === 105 /* i */ && norm.startsWith('eu d', i + 2))
    )
      words |= TDA_WORD;
    else if (next === 104 /* h */ && norm.startsWith('uoc', i + 2)) words |= THUOC_WORD;
    if ((words & (TDA_WORD | THUOC_WORD)) === (TDA_WORD | THUOC_WORD)) break;
  }
  return words;
}

/**
 * Whether a normalised label holds "da" or "du an" outside `[start, end)`, the place of its TDA
 * code: whether the label with the code replaced by a space can hold a DA code, which DA_RE reads
 * after one of those words. (The code starts a word, so what comes before it ends in a space or is
 * empty, and no such word can reach across the space that replaces it.)
 */
function daOutside(norm: string, start: number, end: number): boolean {
  return wordOutside(norm, 'da', start, end) || wordOutside(norm, 'du an', start, end);
}

/** Whether `word` occurs in `text` wholly before `start` or at or after `end`. */
function wordOutside(text: string, word: string, start: number, end: number): boolean {
  const first = text.indexOf(word);
  return (first >= 0 && first + word.length <= start) || text.indexOf(word, end) >= 0;
}

/**
 * What nameOf reads from a normalised label whose code is `[0, end)` (cut out, as `cut` does),
 * when that is simply the rest of the label: it has no "thuoc" and does not start with a number.
 * Undefined otherwise (nameOf then reads it).
 */
function plainTail(norm: string, end: number, words: number): string | undefined {
  if ((words & THUOC_WORD) !== 0) return undefined;
  // A normalised text's only white space is single spaces: skipped by hand, one string made.
  let start = end;
  while (norm.charCodeAt(start) === 32) start++;
  const first = norm.charCodeAt(start);
  return first >= 48 && first <= 57 ? undefined : norm.slice(start);
}

/** The words TDA_RE reads a sub-project code by, in the order it tries them. */
const TDA_WORDS = ['tieu du an', 'tieu da', 'tda'];

/**
 * TDA_RE's match when it is at the start of a normalised label, read without the pattern: the
 * match's end × 128 + the sub-project number; -1 when the label does not start with one (TDA_RE
 * may still find one further on). Normalised text holds single spaces and no punctuation.
 */
function tdaCodeAtStart(norm: string): number {
  for (let w = 0; w < TDA_WORDS.length; w++) {
    const word = TDA_WORDS[w] as string;
    if (!norm.startsWith(word)) continue;
    let at = word.length;
    if (norm.charCodeAt(at) === 32) at++;
    // "số 3" may come before the number: tried with it, then without it (as the pattern does).
    if (norm.startsWith('so', at)) {
      const found = numberAt(norm, at + (norm.charCodeAt(at + 2) === 32 ? 3 : 2));
      if (found >= 0) return found;
    }
    return numberAt(norm, at);
  }
  return -1;
}

/**
 * `(\d{1,2})\b` at `from` in a normalised text: its end × 128 + its value, or -1. A third digit
 * fails the word boundary after two, and after one.
 */
function numberAt(text: string, from: number): number {
  const d1 = text.charCodeAt(from) - 48;
  if (!(d1 >= 0 && d1 <= 9)) return -1;
  const d2 = text.charCodeAt(from + 1) - 48;
  const two = d2 >= 0 && d2 <= 9;
  const end = two ? from + 2 : from + 1;
  if (isWordChar(text.charCodeAt(end))) return -1;
  return (end << 7) | (two ? d1 * 10 + d2 : d1);
}

/** Whether a character code is a `\w` character (NaN, past the end, is not). */
function isWordChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 95
  );
}

/**
 * Whether a label may be a dotted code ("3.1"): its normalised form starts with a digit (or a
 * space or dot, or is empty), as ONLY_DOTTED and the folded "3 1" of DOTTED_RE's labels do.
 */
function mayBeDotted(norm: string): boolean {
  const first = norm.charCodeAt(0);
  return norm.length === 0 || (first >= 48 && first <= 57) || first === 32 || first === 46;
}

/** DOTTED_RE on a label typed as "3.1" (white space around it allowed), or null. */
function dottedLabel(label: string): RegExpExecArray | null {
  // `trim` drops exactly what `\s` matches, and returns the label itself when there is none.
  const t = label.trim();
  return t.length === 3 && t.charCodeAt(1) === 46 ? DOTTED_RE.exec(t) : null;
}

/**
 * `text` with `[start, end)` replaced by a space, without doubling the spaces around it (the
 * same words as `text.replace(match, ' ')`, which nameOf collapses anyway).
 */
function cut(text: string, start: number, end: number): string {
  return `${text.slice(0, start).trimEnd()} ${text.slice(end).trimStart()}`;
}

/**
 * The name a label carries once its codes are gone ("Tiểu dự án 1 - Dự án 6:", "DA3.TDA1"):
 * `uncoded` is the normalised label with its first TDA_RE and then its first DA_RE match replaced
 * by a space. Drops "thuộc" and leading numbers, collapses spaces. Each step runs only when it
 * can change something: labels are many, and most need none of them.
 */
function nameOf(uncoded: string, mayHoldThuoc: boolean): string {
  let t = uncoded;
  if (mayHoldThuoc && t.includes('thuoc')) t = t.replace(/\bthuoc\b/g, ' ');
  const first = t.charCodeAt(0);
  if (first === 32 || (first >= 48 && first <= 57)) t = t.replace(/^\s*(\d+\s*)+/, ' ');
  // The text is normalised: its only white space is single spaces, but for those the steps above left.
  if (t.includes('  ')) return t.replace(/\s+/g, ' ').trim();
  return t.charCodeAt(0) === 32 || t.charCodeAt(t.length - 1) === 32 ? t.trim() : t;
}

/** A project or sub-project of a catalogue with its normalised name (and that name's bigrams). */
interface Entry {
  readonly project: Project;
  readonly subproject?: SubProject;
  readonly name: string;
  readonly grams: Bigrams;
  readonly code: string;
}

/** A label's claim to a project or sub-project the programme does not have. */
function unknownCode(daNum: number, tdaNum: number | undefined): UnknownProject {
  return {
    unknown: true,
    claimed: tdaNum !== undefined ? `DA${daNum}.TDA${tdaNum}` : `DA${daNum}`,
  };
}

/** Whether a normalised text (single spaces, trimmed) has at least `n` words (an empty text has one). */
function hasWords(norm: string, n: number): boolean {
  let words = 1;
  for (let i = norm.indexOf(' '); words < n && i >= 0; i = norm.indexOf(' ', i + 1)) words++;
  return words >= n;
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** A catalogue's entries, normalised once (catalogues are constant data), by code and by name. */
interface CatalogIndex {
  readonly entries: readonly Entry[];
  readonly byCode: ReadonlyMap<string, Entry>;
  /** The entries' names, indexed by bigram for labels that carry no code. */
  readonly names: BigramIndex;
  /** Each project by its number (the first, as `find` gives it). */
  readonly projects: ReadonlyMap<number, Project>;
  /** Each project's sub-projects by their number (the first of each). */
  readonly subprojects: ReadonlyMap<Project, ReadonlyMap<number, SubProject>>;
}

/** `items` by `key`, keeping the first of each key (what `find` gives). */
function firstByKey<K, T>(items: readonly T[], key: (item: T) => K): Map<K, T> {
  const map = new Map<K, T>();
  for (const item of items) if (!map.has(key(item))) map.set(key(item), item);
  return map;
}

const INDEXES = new WeakMap<ProgrammeCatalog, CatalogIndex>();
/** The catalogue asked for last (a sheet asks for one catalogue, once per label). */
let lastIndexed: { readonly catalog: ProgrammeCatalog; readonly index: CatalogIndex } | undefined;

function indexOf(catalog: ProgrammeCatalog): CatalogIndex {
  if (lastIndexed?.catalog === catalog) return lastIndexed.index;
  let index = INDEXES.get(catalog);
  if (!index) {
    const entries = readEntries(catalog);
    index = {
      entries,
      byCode: new Map(entries.map((e) => [e.code, e])),
      names: new BigramIndex(entries.map((e) => e.name)),
      projects: firstByKey(catalog.projects, (p) => p.number),
      subprojects: new Map(
        catalog.projects.map((p) => [p, firstByKey(p.subprojects, (s) => s.number)]),
      ),
    };
    INDEXES.set(catalog, index);
  }
  lastIndexed = { catalog, index };
  return index;
}

function readEntries(catalog: ProgrammeCatalog): readonly Entry[] {
  const list: Entry[] = [];
  const entry = (
    project: Project,
    subproject: SubProject | undefined,
    name: string,
    code: string,
  ): Entry => {
    const norm = normalizeText(name);
    return {
      project,
      ...(subproject ? { subproject } : {}),
      name: norm,
      grams: bigrams(norm),
      code,
    };
  };
  for (const p of catalog.projects) {
    list.push(entry(p, undefined, p.name, p.code));
    for (const s of p.subprojects) list.push(entry(p, s, s.name, s.code));
  }
  return list;
}

/** The project number a project code gives (`DA3` → 3), as `/^DA(\d+)/` reads it, or undefined. */
function projectNumber(code: string): number | undefined {
  if (!code.startsWith('DA')) return undefined;
  let end = 2;
  while (end < code.length && code.charCodeAt(end) >= 48 && code.charCodeAt(end) <= 57) end++;
  return end > 2 ? Number(code.slice(2, end)) : undefined;
}

/**
 * Whether two strings' similarity may reach `min`: it is at most 2·min(a, b) / (a + b) for
 * a and b bigrams, whatever they share (the same arithmetic as the similarity, so a bound
 * below `min` is exact, not an estimate).
 */
function mayReach(a: string, b: string, min: number): boolean {
  const x = a.length - 1;
  const y = b.length - 1;
  return (2 * (x < y ? x : y)) / (x + y) >= min;
}

/** Whether one of two names holds the other (a label's name then fits an official name fully). */
function contains(a: string, b: string): boolean {
  return a.includes(b) || b.includes(a);
}

/**
 * Find the project or sub-project a label names, diacritics-insensitive and
 * tolerant of abbreviations: "Tiểu Dự án 2 – Dự án 6", "TDA 3 thuoc DA4", "3.1",
 * "DA2", "Dự án 3: Hỗ trợ phát triển sản xuất…", or the official name alone.
 * Returns `undefined` when the label names nothing of the programme, and
 * `{ unknown: true }` when it claims a code the programme does not have.
 *
 * @example
 * matchProject('Tiểu Dự án 2 – Dự án 6')?.code; // 'DA6.TDA2'
 * matchProject('3.1')?.code;                    // 'DA3.TDA1'
 */
export function matchProject(
  label: string,
  options: MatchOptions = {},
): ProjectMatch | UnknownProject | undefined {
  if (typeof label !== 'string') return undefined;
  return matchName(withoutQualifier(label), options);
}

/** {@link matchProject} for a label already without its qualifier (see {@link withoutQualifier}). */
function matchName(name: string, options: MatchOptions): ProjectMatch | UnknownProject | undefined {
  return matchNormalizedLabel(name, normalizeText(name), options);
}

/** "d", which every code word of a label holds ("dự án", "DA", "TDA", "tiểu dự án"). */
const LETTER_D = 0x64;

/**
 * A label without its trailing qualifier: the words in parentheses at its end that say where or
 * which part ("Tiểu dự án 1: Hỗ trợ phát triển sản xuất (xã Mường Lạn, hạng mục 2.1)"), not which
 * project. What the parentheses hold is the label's when it may name a code (it holds a "d":
 * "(Dự án 3)", "(TDA1)") or when nothing is left before it.
 *
 * @example
 * withoutQualifier('Cải thiện dinh dưỡng (xã Sìn Thầu)'); // 'Cải thiện dinh dưỡng'
 * withoutQualifier('Hỗ trợ sản xuất (Dự án 3)');          // unchanged
 */
export function withoutQualifier(label: string): string {
  let end = label.length;
  while (end > 0 && label.charCodeAt(end - 1) <= 0x20) end--;
  if (end === 0 || label.charCodeAt(end - 1) !== 0x29 /* ) */) return label;
  let depth = 0;
  for (let i = end - 1; i >= 0; i--) {
    const c = label.charCodeAt(i);
    if (c === 0x29) depth++;
    else if (c === 0x28 /* ( */ && --depth === 0) {
      if (!foldsWithout(label, i + 1, end - 1, LETTER_D) || foldsEmpty(label, 0, i)) return label;
      let to = i;
      while (to > 0 && label.charCodeAt(to - 1) <= 0x20) to--;
      return label.slice(0, to);
    }
  }
  return label;
}

/** What a label matches, remembered (`null`: nothing). */
type Remembered = ProjectMatch | UnknownProject | null;

/** How many names a {@link ProjectMatcher} remembers per enclosing project. */
const MATCHER_MEMORY = 50_000;

/**
 * {@link matchProject} for the labels of a sheet: the answer for each name (a label without its
 * qualifier) under each enclosing project is worked out once. A sheet repeats its project and
 * sub-project names under every commune ("Tiểu dự án 1: … (xã A)", "… (xã B)"): those are folded
 * and matched once, not once per row.
 */
export class ProjectMatcher {
  private readonly byOptions = new Map<string, Map<string, Remembered>>();
  private lastOptions: MatchOptions | undefined;
  private last: Map<string, Remembered> | undefined;

  /** {@link matchProject}`(label, options)`. */
  match(label: string, options: MatchOptions): ProjectMatch | UnknownProject | undefined {
    const known = this.memoryFor(options);
    const name = withoutQualifier(label);
    const remembered = known.get(name);
    if (remembered !== undefined) return remembered ?? undefined;
    const match = matchName(name, options);
    if (known.size < MATCHER_MEMORY) known.set(name, match ?? null);
    return match;
  }

  /** The answers remembered under these options (the same object is asked row after row). */
  private memoryFor(options: MatchOptions): Map<string, Remembered> {
    if (options === this.lastOptions && this.last) return this.last;
    const key = `${options.period ?? DEFAULT_PERIOD}|${options.parentProject ?? ''}`;
    let known = this.byOptions.get(key);
    if (!known) this.byOptions.set(key, (known = new Map()));
    this.lastOptions = options;
    this.last = known;
    return known;
  }
}

/** {@link matchProject} for a label already normalised (`norm` is `normalizeText(label)`). */
function matchNormalizedLabel(
  label: string,
  norm: string,
  options: MatchOptions = {},
): ProjectMatch | UnknownProject | undefined {
  const catalog = getCatalog(options.period ?? DEFAULT_PERIOD);
  if (!catalog || !norm) return undefined;

  let daNum: number | undefined;
  let tdaNum: number | undefined;
  // The label without its TDA and DA codes (see nameOf), when neither pattern below read it.
  let uncoded = norm;
  // The name nameOf would read from `uncoded`, when it is known without it.
  let named: string | undefined;
  // Both patterns are anchored: a label with a letter (DOTTED_RE) or that does not start with
  // "da" (CODE_RE) cannot match, whatever the replacements, so most labels skip them.
  const words = wordsIn(norm);
  // A label typed "3.1" folds to "3 1": a label whose folded form cannot start so is not read
  // again (on a large sheet, the label's text is one more fetch from memory per row).
  const dotted = mayBeDotted(norm)
    ? ((ONLY_DOTTED.test(norm)
        ? DOTTED_RE.exec(norm.replace(/ /g, '.').replace(/\.+/g, '.'))
        : null) ?? dottedLabel(label))
    : null;
  const code = norm.startsWith('da') ? CODE_RE.exec(norm.replace(/\s+/g, ' ')) : null;
  if (dotted && /^\s*\d\s*\.\s*\d\s*$/.test(label)) {
    daNum = Number(dotted[1]);
    tdaNum = Number(dotted[2]);
  } else if (code) {
    daNum = Number(code[1]);
    tdaNum = code[2] ? Number(code[2]) : undefined;
  } else {
    // Both patterns need a word of theirs: most labels have neither, and skip them.
    // Where the TDA code is ([tdaStart, tdaEnd)), if the label has one: read by hand when the
    // label starts with it (most coded labels), by TDA_RE otherwise.
    let tdaStart = -1;
    let tdaEnd = 0;
    if ((words & TDA_WORD) !== 0) {
      const start = tdaCodeAtStart(norm);
      if (start >= 0) {
        tdaStart = 0;
        tdaEnd = start >> 7;
        tdaNum = start & 127;
      } else {
        const found = TDA_RE.exec(norm);
        if (found) {
          tdaStart = found.index;
          tdaEnd = found.index + found[0].length;
          tdaNum = Number(found[1]);
        }
      }
    }
    // As `norm.replace(TDA_RE, ' ')`: the DA code is looked for in exactly that text, when it
    // can hold one (DA_WORD; with a TDA code cut out, see daOutside).
    const rest =
      (words & DA_WORD) === 0 || (tdaStart >= 0 && !daOutside(norm, tdaStart, tdaEnd))
        ? undefined
        : tdaStart >= 0
          ? `${norm.slice(0, tdaStart)} ${norm.slice(tdaEnd)}`
          : norm;
    const da = rest !== undefined ? DA_RE.exec(rest) : null;
    if (da) daNum = Number(da[1]);
    if (da && rest !== undefined) uncoded = cut(rest, da.index, da.index + da[0].length);
    else if (tdaStart >= 0) {
      // The usual coded label, "Tiểu dự án 1: <name> …": its name is what follows the code.
      const tail = tdaStart === 0 ? plainTail(norm, tdaEnd, words) : undefined;
      if (tail !== undefined) named = tail;
      else uncoded = cut(norm, tdaStart, tdaEnd);
    }
  }
  if (daNum === undefined && tdaNum !== undefined && options.parentProject) {
    daNum = projectNumber(options.parentProject);
  }

  const index = indexOf(catalog);
  const all = index.entries;
  const labelName = code || dotted ? '' : (named ?? nameOf(uncoded, (words & THUOC_WORD) !== 0));

  if (daNum !== undefined) {
    const project = index.projects.get(daNum);
    if (!project) return unknownCode(daNum, tdaNum);
    const subproject =
      tdaNum !== undefined ? index.subprojects.get(project)?.get(tdaNum) : undefined;
    if (tdaNum !== undefined && !subproject) return unknownCode(daNum, tdaNum);
    const officialName = (subproject ?? project).name;
    const ownCode = (subproject ?? project).code;
    const wordy = hasWords(labelName, 3);
    let score = 1;
    let nameSuggests: string | undefined;
    // The label's name against its own entry's: equal, contained, or close enough. Most names
    // hold the official one, and need no bigrams.
    const own = wordy ? index.byCode.get(ownCode) : undefined;
    const ownName = own?.name ?? (wordy ? normalizeText(officialName) : '');
    if (wordy && !contains(ownName, labelName)) {
      const grams = bigrams(labelName);
      score = bigramSimilarity(grams, own?.grams ?? bigrams(ownName));
      // Another entry is suggested only when it scores higher than the label's own entry, and at
      // least NAME_MATCH: nothing beats a full score, and entries that cannot reach NAME_MATCH
      // need no comparing.
      if (score < 1) {
        let best = { code: '', score: 0 };
        for (const e of all) {
          const contained = contains(e.name, labelName);
          if (!contained && !mayReach(labelName, e.name, NAME_MATCH)) continue;
          const s = contained ? 1 : bigramSimilarity(grams, e.grams);
          if (s > best.score) best = { code: e.code, score: s };
        }
        if (best.code && best.code !== ownCode && best.score >= NAME_MATCH && best.score > score) {
          nameSuggests = best.code;
        }
      }
    }
    const match = codedMatch(
      project,
      subproject,
      ownCode,
      officialName,
      wordy && (score < NAME_OK || nameSuggests !== undefined),
      wordy ? labelName : undefined,
    );
    if (nameSuggests) (match as Writable<ProjectMatch>).nameSuggests = nameSuggests;
    return match;
  }
  if (tdaNum !== undefined) return undefined;

  // No code: the official name alone ("Cải thiện dinh dưỡng"), the entry it is most like (the
  // first of equals), if it is like it enough. The index scores every entry in one pass, and
  // stops as soon as no entry can be like it enough (most labels).
  const name = labelName;
  if (!hasWords(name, 2)) return undefined;
  const best = all[index.names.best(name, NAME_MATCH)];
  if (!best) return undefined;
  const match: Writable<ProjectMatch> = {
    project: best.project,
    code: best.code,
    officialName: (best.subproject ?? best.project).name,
    by: 'name',
    labelName: name,
    nameMismatch: false,
  };
  if (best.subproject) match.subproject = best.subproject;
  return match;
}

/**
 * A match found by code, built whole: one object literal per set of fields (an object grown
 * field by field needs a second block for the fields that do not fit; one per label of a large
 * sheet). The fields come in the same order whichever are there.
 */
function codedMatch(
  project: Project,
  subproject: SubProject | undefined,
  code: string,
  officialName: string,
  nameMismatch: boolean,
  labelName: string | undefined,
): ProjectMatch {
  const by = 'code';
  if (subproject) {
    return labelName !== undefined
      ? { project, code, officialName, by, nameMismatch, subproject, labelName }
      : { project, code, officialName, by, nameMismatch, subproject };
  }
  return labelName !== undefined
    ? { project, code, officialName, by, nameMismatch, labelName }
    : { project, code, officialName, by, nameMismatch };
}

/** Whether a {@link matchProject} result claims a code the programme does not have. */
export function isUnknownProject(
  m: ProjectMatch | UnknownProject | undefined,
): m is UnknownProject {
  return m !== undefined && 'unknown' in m;
}

/** Words that make a label speak of coverage, whoever it covers ("hộ nghèo … sử dụng nước hợp vệ sinh" goes up). */
const COVERAGE_WORDS = [
  'duoc ho tro',
  'duoc tiep can',
  'tiep can',
  'tham gia',
  'su dung',
  'co nha',
  'duoc cham soc',
  'huy dong',
  'thoat ngheo',
  'dat chuan',
  'co viec lam',
  'ra lop',
  'di hoc',
  'hoc sinh',
];
/** Words that make a label speak of deprivation ("tỷ lệ trẻ suy dinh dưỡng" goes down). */
const DEPRIVATION_WORDS = [
  'thieu hut',
  'suy dinh duong',
  'bo hoc',
  'tai ngheo',
  'nha tam',
  'dot nat',
  'thap coi',
  'nhe can',
  'tu vong',
  'ho ngheo',
  'can ngheo',
  'ty le ngheo',
  'ti le ngheo',
];
/** Weak coverage words, read only when nothing else decides. */
const WEAK_COVERAGE = ['dat', 'duoc', 'co'];

/**
 * The indicator a label names, and the way its target should move.
 * The direction comes from the label's own words where they say it
 * ("tỷ lệ trẻ suy dinh dưỡng" goes down, "tỷ lệ hộ sử dụng nhà tiêu hợp vệ sinh" goes up).
 *
 * @example
 * matchIndicator('Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể nhẹ cân')?.direction; // 'down'
 */
export function matchIndicator(
  label: string,
  period: string = DEFAULT_PERIOD,
): { indicator?: Indicator; direction: Direction } | undefined {
  const catalog = getCatalog(period);
  if (!catalog) return undefined;
  const norm = normalizeText(label);
  if (!norm) return undefined;
  let found: Indicator | undefined;
  let foundLen = 0;
  for (const ind of catalog.indicators) {
    for (const k of ind.keywords) {
      if (norm.includes(k) && k.length > foundLen) {
        found = ind;
        foundLen = k.length;
      }
    }
  }
  const has = (words: readonly string[]) => words.some((w) => ` ${norm} `.includes(` ${w} `));
  let direction: Direction | undefined;
  if (has(COVERAGE_WORDS)) direction = 'up';
  else if (has(DEPRIVATION_WORDS)) direction = 'down';
  else if (found) direction = found.direction;
  else if (has(WEAK_COVERAGE)) direction = 'up';
  if (!direction) return undefined;
  return { ...(found ? { indicator: found } : {}), direction };
}
