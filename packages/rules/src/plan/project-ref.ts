import { isUnknownProject, matchProject } from '../catalog/match.js';

/** A project reference read from folded text: the numbers of "Tiểu dự án N – Dự án M". */
export interface ProjectRef {
  readonly da?: number;
  readonly tda?: number;
  /** Offset of the reference in the text it was read from. */
  readonly index: number;
}

/** "dự án" as OCR leaves it: "du an", "d 4n", "dw &n", "dy &an", "dyu an", "du 4n". */
const DUAN = 'd(?:[uwy]{1,2}\\s*|\\s+)[&4a@]{1,2}n';
const NUM = '\\s*(?:so\\s*)?(\\d{1,2})(?![\\d])(?!\\.\\d{3})';
const TDA_RE = new RegExp(`(?<![a-z])(?:ti[^\\s:;,.()]{0,2}u\\s+(?:${DUAN}|da)|tda)${NUM}`, 'g');
const DA_RE = new RegExp(`(?<![a-z])(?:${DUAN}|da)${NUM}`, 'g');

/**
 * The first project reference of a folded line: "tieu du an 1 - du an 4" → `{ tda: 1, da: 4 }`,
 * "tiéu du 4n 1" → `{ tda: 1 }`, "d 4n 2" → `{ da: 2 }`, "(du an 2)" → `{ da: 2 }`.
 * A sub-project's own project is a "dự án N" written right after it (within 40 characters)
 * or just before it ("Dự án 3 – Tiểu dự án 1").
 */
export function findProjectRef(folded: string): ProjectRef | undefined {
  TDA_RE.lastIndex = 0;
  const tda = TDA_RE.exec(folded);
  // Blank the sub-project references out so that "tieu du an 1" is not read as "du an 1".
  const blanked = folded.replace(TDA_RE, (m) => ' '.repeat(m.length));
  DA_RE.lastIndex = 0;
  const das: Array<{ n: number; index: number; end: number }> = [];
  for (let m = DA_RE.exec(blanked); m; m = DA_RE.exec(blanked))
    das.push({ n: Number(m[1]), index: m.index, end: m.index + m[0].length });
  if (tda) {
    const tdaNum = Number(tda[1]);
    const end = tda.index + tda[0].length;
    // "– Dự án 6", "thuộc Dự án 4", ", 2 – Dự án 7": the project named right after.
    const after = das.find((d) => d.index >= end && d.index - end <= 40);
    // "Dự án 3 – Tiểu dự án 1": or right before.
    const before = [...das].reverse().find((d) => d.end <= tda.index && tda.index - d.end <= 12);
    const da = after ?? before;
    return { tda: tdaNum, ...(da ? { da: da.n } : {}), index: before ? before.index : tda.index };
  }
  const first = das[0];
  return first ? { da: first.n, index: first.index } : undefined;
}

/** A project reference resolved against the catalogue. */
export interface ResolvedRef {
  /** `'DA4'`. */
  readonly project: string;
  /** `'DA4.TDA1'`, or undefined. */
  readonly subproject?: string;
}

/**
 * Resolve a reference against the catalogue with {@link matchProject}: a sub-project named
 * alone belongs to `parentProject`. Returns undefined for codes the programme does not have.
 */
export function resolveRef(
  ref: ProjectRef,
  parentProject: string | undefined,
  period: string | undefined,
): ResolvedRef | undefined {
  let label: string;
  if (ref.tda !== undefined && ref.da !== undefined)
    label = `Tiểu dự án ${ref.tda} - Dự án ${ref.da}`;
  else if (ref.tda !== undefined) label = `Tiểu dự án ${ref.tda}`;
  else if (ref.da !== undefined) label = `Dự án ${ref.da}`;
  else return undefined;
  const m = matchProject(label, {
    ...(period ? { period } : {}),
    ...(parentProject ? { parentProject } : {}),
  });
  if (!m || isUnknownProject(m)) return undefined;
  return { project: m.project.code, ...(m.subproject ? { subproject: m.subproject.code } : {}) };
}
