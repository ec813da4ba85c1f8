import { readFileSync } from 'node:fs';
import { t } from '@phuluc/rules';
import { describe, expect, it } from 'vitest';
import { COMMANDS, OPTIONS } from './args.js';

/** The README's usage block: the first code block of its section "The command line". */
const README = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8')
  .split('## The command line')[1]!
  .split('```')[1]!;

/** The usage lines of one command in a text: from `phuluc COMMAND ` to the next usage line. */
function usage(text: string, command: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => new RegExp(`phuluc ${command}( |$)`).test(l));
  expect(start, `usage of ${command}`).toBeGreaterThanOrEqual(0);
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => !/^\s{10,}\[/.test(l));
  return [lines[start], ...rest.slice(0, end < 0 ? rest.length : end)].join('\n');
}

describe('usage lines', () => {
  for (const command of COMMANDS) {
    // Each option as a usage line spells it: its short form when it has one (`-o`).
    const options = Object.entries(OPTIONS[command])
      .filter(([o]) => o !== 'help' && o !== 'lang')
      .map(([o, def]) => (def.short ? `-${def.short} ` : `--${o}`));
    it(`list every option of ${command}: the help (vi, en), its own help and the README`, () => {
      for (const lang of ['vi', 'en'] as const) {
        const main = usage(t('cli.help', { version: 'x' }, lang), command);
        const own = t(`cli.help.${command}`, {}, lang);
        for (const o of options) {
          expect(main, `${lang} usage of ${command}`).toContain(o);
          expect(own, `${lang} help of ${command}`).toContain(o);
        }
      }
      const readme = usage(README, command);
      for (const o of options) expect(readme, `README usage of ${command}`).toContain(o);
    });
  }
});
