// The matcher as it was before the label-matching fast paths (commit 0ac6966), kept verbatim
// as the reference the equivalence test holds the new one to. Test-only.
import { bigramSimilarity, bigrams, normalizeText, type Bigrams } from '../../grid/normalize.js';
import { DEFAULT_PERIOD, getCatalog } from '../registry.js';
import type { ProgrammeCatalog, Project, SubProject } from '../types.js';

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

/** Strip the code prefix ("Tiểu dự án 1 - Dự án 6:", "DA3.TDA1") and keep the name. */
function nameOf(norm: string): string {
  return norm
    .replace(TDA_RE, ' ')
    .replace(DA_RE, ' ')
    .replace(/\bthuoc\b/g, ' ')
    .replace(/^\s*(\d+\s*)+/, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A project or sub-project of a catalogue with its normalised name (and that name's bigrams). */
interface Entry {
  readonly project: Project;
  readonly subproject?: SubProject;
  readonly name: string;
  readonly grams: Bigrams;
  readonly code: string;
}

/** Each catalogue's entries, normalised once (catalogues are constant data). */
const ENTRIES = new WeakMap<ProgrammeCatalog, readonly Entry[]>();

function entries(catalog: ProgrammeCatalog): readonly Entry[] {
  const cached = ENTRIES.get(catalog);
  if (cached) return cached;
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
  ENTRIES.set(catalog, list);
  return list;
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

/** Compare a label's name with an official name: equal, contained, or close enough. */
function nameScore(
  labelName: string,
  grams: () => Bigrams,
  official: { readonly name: string; readonly grams: Bigrams },
): number {
  if (!labelName) return 1;
  if (official.name.includes(labelName) || labelName.includes(official.name)) return 1;
  return bigramSimilarity(grams(), official.grams);
}

/** A name's bigrams, read the first time they are needed (most labels never need them). */
function lazyBigrams(name: string): () => Bigrams {
  let grams: Bigrams | undefined;
  return () => (grams ??= bigrams(name));
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
export function referenceMatchProject(
  label: string,
  options: MatchOptions = {},
): ProjectMatch | UnknownProject | undefined {
  const catalog = getCatalog(options.period ?? DEFAULT_PERIOD);
  if (!catalog || typeof label !== 'string') return undefined;
  const norm = normalizeText(label);
  if (!norm) return undefined;

  let daNum: number | undefined;
  let tdaNum: number | undefined;
  // Both patterns are anchored: a label with a letter (DOTTED_RE) or that does not start with
  // "da" (CODE_RE) cannot match, whatever the replacements, so most labels skip them.
  const dotted =
    (ONLY_DOTTED.test(norm)
      ? DOTTED_RE.exec(norm.replace(/ /g, '.').replace(/\.+/g, '.'))
      : null) ?? (/^\d\.\d$/.test(label.trim()) ? DOTTED_RE.exec(label.trim()) : null);
  const code = norm.startsWith('da') ? CODE_RE.exec(norm.replace(/\s+/g, ' ')) : null;
  if (dotted && /^\s*\d\s*\.\s*\d\s*$/.test(label)) {
    daNum = Number(dotted[1]);
    tdaNum = Number(dotted[2]);
  } else if (code) {
    daNum = Number(code[1]);
    tdaNum = code[2] ? Number(code[2]) : undefined;
  } else {
    const tda = TDA_RE.exec(norm);
    if (tda) tdaNum = Number(tda[1]);
    const rest = tda ? norm.replace(TDA_RE, ' ') : norm;
    const da = DA_RE.exec(rest);
    if (da) daNum = Number(da[1]);
  }
  if (daNum === undefined && tdaNum !== undefined && options.parentProject) {
    const parent = /^DA(\d+)/.exec(options.parentProject);
    if (parent) daNum = Number(parent[1]);
  }

  const all = entries(catalog);
  const labelName = code || dotted ? '' : nameOf(norm);

  if (daNum !== undefined) {
    const project = catalog.projects.find((p) => p.number === daNum);
    const claimed = tdaNum !== undefined ? `DA${daNum}.TDA${tdaNum}` : `DA${daNum}`;
    if (!project) return { unknown: true, claimed };
    const subproject =
      tdaNum !== undefined ? project.subprojects.find((s) => s.number === tdaNum) : undefined;
    if (tdaNum !== undefined && !subproject) return { unknown: true, claimed };
    const officialName = (subproject ?? project).name;
    const ownCode = (subproject ?? project).code;
    const wordy = labelName.split(' ').length >= 3;
    let score = 1;
    let nameSuggests: string | undefined;
    if (wordy) {
      const grams = lazyBigrams(labelName);
      const own = all.find((e) => e.code === ownCode);
      score = own
        ? nameScore(labelName, grams, own)
        : nameScore(labelName, grams, {
            name: normalizeText(officialName),
            grams: bigrams(normalizeText(officialName)),
          });
      // Another entry is suggested only when it scores higher than the label's own entry, and at
      // least NAME_MATCH: nothing beats a full score, and entries that cannot reach NAME_MATCH
      // need no comparing.
      if (score < 1) {
        let best = { code: '', score: 0 };
        for (const e of all) {
          const contained = e.name.includes(labelName) || labelName.includes(e.name);
          if (!contained && !mayReach(labelName, e.name, NAME_MATCH)) continue;
          const s = contained ? 1 : bigramSimilarity(grams(), e.grams);
          if (s > best.score) best = { code: e.code, score: s };
        }
        if (best.code && best.code !== ownCode && best.score >= NAME_MATCH && best.score > score) {
          nameSuggests = best.code;
        }
      }
    }
    return {
      project,
      ...(subproject ? { subproject } : {}),
      code: ownCode,
      officialName,
      by: 'code',
      ...(wordy ? { labelName } : {}),
      nameMismatch: wordy && (score < NAME_OK || nameSuggests !== undefined),
      ...(nameSuggests ? { nameSuggests } : {}),
    };
  }
  if (tdaNum !== undefined) return undefined;

  // No code: the official name alone ("Cải thiện dinh dưỡng"). Only an entry that may reach
  // NAME_MATCH can be the answer, so the others are not compared.
  const name = nameOf(norm);
  if (name.split(' ').length < 2) return undefined;
  let best: { e: Entry; score: number } | undefined;
  let grams: Bigrams | undefined;
  for (const e of all) {
    if (name !== e.name && !mayReach(name, e.name, NAME_MATCH)) continue;
    const s = name === e.name ? 1 : bigramSimilarity((grams ??= bigrams(name)), e.grams);
    if (!best || s > best.score) best = { e, score: s };
  }
  if (!best || best.score < NAME_MATCH) return undefined;
  return {
    project: best.e.project,
    ...(best.e.subproject ? { subproject: best.e.subproject } : {}),
    code: best.e.code,
    officialName: (best.e.subproject ?? best.e.project).name,
    by: 'name',
    labelName: name,
    nameMismatch: false,
  };
}
