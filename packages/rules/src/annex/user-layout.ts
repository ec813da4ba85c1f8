import { z } from 'zod';
import { normalizeText } from '../grid/normalize.js';
import { BUILT_IN_LAYOUTS } from './layouts/index.js';
import { CHECK_NAMES, LayoutDefinitionSchema, type LayoutDefinition } from './schema.js';
import { TOTAL_LABELS } from './layouts/common.js';

/** The largest layout file accepted, in characters. */
export const MAX_LAYOUT_FILE_CHARS = 256 * 1024;

const Text = z.string().trim().min(1).max(120);

/** Text matched against a sheet (a header, a total row's label): it must hold a letter or a digit. */
const Words = Text.refine((s) => normalizeText(s) !== '', {
  message: 'cần có chữ hoặc số / needs a letter or a digit',
});

/**
 * A user-defined layout as officials write it in JSON: columns with a header and its synonyms,
 * the total row's labels, and the checks that apply. See examples/layouts/ for a documented example.
 */
export const UserLayoutSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, {
      message: 'chữ thường, số và gạch nối / lower-case letters, digits and hyphens',
    }),
    title: z.object({ vi: Text, en: Text.optional() }),
    kind: z.enum(['budget', 'poverty', 'service']).default('budget'),
    columns: z
      .array(
        z
          .object({
            key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, {
              message: 'chữ thường, số và gạch dưới / lower-case letters, digits and underscores',
            }),
            header: Words,
            headerEn: Text.optional(),
            synonyms: z.array(Text).max(30).default([]),
            kind: z.enum(['text', 'count', 'money', 'percent', 'code']),
            unit: z.string().max(20).optional(),
            required: z.boolean().default(false),
          })
          .strict(),
      )
      .min(2)
      .max(40),
    totalLabels: z.array(Words).max(20).default([]),
    titleHints: z.array(Text).max(20).default([]),
    crossfoot: z
      .array(z.object({ target: z.string(), parts: z.array(z.string()).min(2).max(12) }).strict())
      .max(20)
      .default([]),
    rates: z
      .array(z.object({ rate: z.string(), count: z.string(), base: z.string() }).strict())
      .max(20)
      .default([]),
    differences: z
      .array(z.object({ result: z.string(), from: z.string(), to: z.string() }).strict())
      .max(20)
      .default([]),
    flows: z
      .array(
        z
          .object({
            end: z.string(),
            start: z.string(),
            out: z.array(z.string()).max(12).default([]),
            in: z.array(z.string()).max(12).default([]),
          })
          .strict()
          .refine((f) => f.out.length + f.in.length > 0, {
            message: 'cần ít nhất một cột "out" hoặc "in" / at least one "out" or "in" column',
          }),
      )
      .max(20)
      .default([]),
    ofWhich: z
      .array(z.object({ total: z.string(), parts: z.array(z.string()).min(1).max(12) }).strict())
      .max(20)
      .default([]),
    checks: z.array(z.enum(CHECK_NAMES)).min(1).optional(),
  })
  .strict()
  .superRefine((l, ctx) => {
    const keys = new Set<string>();
    l.columns.forEach((c, i) => {
      if (keys.has(c.key))
        ctx.addIssue({
          code: 'custom',
          path: ['columns', i, 'key'],
          message: `trùng khóa "${c.key}" / duplicate key "${c.key}"`,
        });
      keys.add(c.key);
    });
    if (!l.columns.some((c) => c.key === 'label'))
      ctx.addIssue({
        code: 'custom',
        path: ['columns'],
        message:
          'cần một cột khóa "label" (tên dòng) / a column with key "label" (the row names) is required',
      });
    const known = (k: string) => keys.has(k);
    const refs: Array<[string, (string | number)[]]> = [];
    l.crossfoot.forEach((e, i) =>
      [e.target, ...e.parts].forEach((k) => refs.push([k, ['crossfoot', i]])),
    );
    l.rates.forEach((e, i) =>
      [e.rate, e.count, e.base].forEach((k) => refs.push([k, ['rates', i]])),
    );
    l.differences.forEach((e, i) =>
      [e.result, e.from, e.to].forEach((k) => refs.push([k, ['differences', i]])),
    );
    l.flows.forEach((e, i) =>
      [e.end, e.start, ...e.out, ...e.in].forEach((k) => refs.push([k, ['flows', i]])),
    );
    l.ofWhich.forEach((e, i) =>
      [e.total, ...e.parts].forEach((k) => refs.push([k, ['ofWhich', i]])),
    );
    for (const [k, path] of refs)
      if (!known(k))
        ctx.addIssue({ code: 'custom', path, message: `không có cột "${k}" / no column "${k}"` });
    if (BUILT_IN_LAYOUTS.some((b) => b.id === l.id))
      ctx.addIssue({
        code: 'custom',
        path: ['id'],
        message: `"${l.id}" là mẫu có sẵn / "${l.id}" is a built-in layout`,
      });
  });

/** A user-defined layout file, as parsed (see {@link UserLayoutSchema}). */
export type UserLayout = z.infer<typeof UserLayoutSchema>;

/** The result of {@link parseLayoutFile}: a layout, or the problems, one line each, saying where and what. */
export type LayoutFileResult =
  | { readonly ok: true; readonly layout: LayoutDefinition }
  | { readonly ok: false; readonly errors: readonly string[] };

/** Turn a user layout into the engine's layout definition: headers and synonyms become phrase patterns. */
export function toLayoutDefinition(user: UserLayout): LayoutDefinition {
  return LayoutDefinitionSchema.parse(layoutOf(user));
}

/** {@link toLayoutDefinition} before the engine's schema checks it. */
function layoutOf(user: UserLayout): LayoutDefinition {
  return {
    id: user.id,
    kind: user.kind,
    title: { vi: user.title.vi, en: user.title.en ?? user.title.vi },
    titleHints: user.titleHints.map(normalizeText).filter(Boolean),
    columns: user.columns.map((c) => ({
      key: c.key,
      header: c.header,
      headerEn: c.headerEn ?? c.header,
      kind: c.kind,
      ...(c.unit ? { unit: c.unit } : {}),
      required: c.required,
      patterns: [
        { all: [[...new Set([c.header, ...c.synonyms].map(normalizeText).filter(Boolean))]] },
      ],
    })),
    crossfoot: user.crossfoot.map((e) => ({ ...e, minParts: 2 })),
    rates: user.rates,
    differences: user.differences,
    flows: user.flows,
    ofWhich: user.ofWhich,
    leftOf: [],
    totalLabels: user.totalLabels.length ? user.totalLabels.map(normalizeText) : TOTAL_LABELS,
    ...(user.checks ? { checks: user.checks } : {}),
  };
}

/** Problems as {@link parseLayoutFile} says them: at most 20, each "path: message". */
function problems(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues
    .slice(0, 20)
    .map((i) => `${i.path.length ? i.path.join('.') : '(gốc / root)'}: ${i.message}`);
}

/**
 * Read a user-defined layout from JSON text: size-limited, validated, with errors that say
 * where (a JSON path) and what to change, in Vietnamese and English. Never throws.
 *
 * @example
 * const r = parseLayoutFile(readFileSync('examples/layouts/kinh-phi-theo-xa.json', 'utf8'));
 * if (r.ok) validateSheet(grid, { layouts: [...listLayouts(), r.layout] });
 */
export function parseLayoutFile(text: string): LayoutFileResult {
  if (typeof text !== 'string') return { ok: false, errors: ['không phải văn bản / not text'] };
  if (text.length > MAX_LAYOUT_FILE_CHARS) {
    return {
      ok: false,
      errors: [
        `tệp quá lớn (${text.length} ký tự, tối đa ${MAX_LAYOUT_FILE_CHARS}) / file too large (${text.length} characters, at most ${MAX_LAYOUT_FILE_CHARS})`,
      ],
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      errors: [`không phải JSON hợp lệ: ${(e as Error).message} / not valid JSON`],
    };
  }
  const parsed = UserLayoutSchema.safeParse(json);
  if (!parsed.success) return { ok: false, errors: problems(parsed.error.issues) };
  // What the file's own schema lets through, the engine's must too; if not, said the same way.
  const layout = LayoutDefinitionSchema.safeParse(layoutOf(parsed.data));
  if (!layout.success) return { ok: false, errors: problems(layout.error.issues) };
  return { ok: true, layout: layout.data };
}
