import { listLayouts, t } from '@phuluc/rules';
import type { TemplatesArgs } from '../args.js';
import { useColor, type Io } from '../io/console.js';
import { palette } from '../render/color.js';
import { renderJson } from '../render/json.js';

/**
 * `phuluc templates`: the built-in layouts and their columns.
 *
 * @returns 0
 */
export async function templatesCommand(args: TemplatesArgs, io: Io): Promise<number> {
  const layouts = listLayouts();
  const { lang } = args;
  if (args.format === 'json') {
    io.stdout.write(
      renderJson(
        layouts.map((l) => ({
          id: l.id,
          title: l.title[lang],
          columns: l.columns.map((c) => ({
            key: c.key,
            header: lang === 'vi' ? c.header : c.headerEn,
            kind: c.kind,
            required: c.required,
            ...(c.unit ? { unit: c.unit } : {}),
          })),
        })),
      ),
    );
    return 0;
  }
  const p = palette(useColor(io.stdout, io.env));
  const lines: string[] = [];
  for (const l of layouts) {
    lines.push(p.bold(`${l.id}  ${l.title[lang]}`));
    const width = Math.max(...l.columns.map((c) => c.key.length));
    for (const c of l.columns) {
      const header = lang === 'vi' ? c.header : c.headerEn;
      const req = c.required
        ? t('cli.templates.required', {}, lang)
        : t('cli.templates.optional', {}, lang);
      lines.push(
        `  ${c.key.padEnd(width)}  ${header} ${p.dim(`(${t(`cli.templates.kind.${c.kind}`, {}, lang)}, ${req})`)}`,
      );
    }
    lines.push('');
  }
  lines.push(t('cli.templates.hint', {}, lang));
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
