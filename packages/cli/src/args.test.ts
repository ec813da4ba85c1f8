import { describe, expect, it } from 'vitest';
import { parseCommandLine } from './args.js';
import { isCliError } from './errors.js';

function keyOf(argv: string[]): string {
  try {
    parseCommandLine(argv);
    return 'ok';
  } catch (e) {
    return isCliError(e) ? e.key : 'thrown';
  }
}

describe('parseCommandLine', () => {
  it('parses validate with its options', () => {
    expect(
      parseCommandLine([
        'validate',
        'PL02.xlsx',
        '--format',
        'json',
        '--lang',
        'en',
        '--tolerance',
        '0,5',
        '--sheet',
        'PL02',
      ]),
    ).toEqual({
      command: 'validate',
      file: 'PL02.xlsx',
      format: 'json',
      lang: 'en',
      tolerance: '0.5',
      sheet: 'PL02',
    });
  });

  it('parses fill and template, reading "triệu" as trieu', () => {
    expect(
      parseCommandLine(['fill', 'a.xlsx', '-o', 'b.xlsx', '--values', '--overwrite-cells']),
    ).toMatchObject({
      command: 'fill',
      output: 'b.xlsx',
      values: true,
      overwrite: false,
      overwriteCells: true,
    });
    expect(
      parseCommandLine([
        'template',
        'poverty-targets',
        '-o',
        'x.xlsx',
        '--unit',
        'triệu',
        '--year',
        '2024',
      ]),
    ).toMatchObject({
      id: 'poverty-targets',
      unit: 'trieu',
      year: 2024,
    });
    expect(parseCommandLine(['--lang', 'en', 'templates'])).toEqual({
      command: 'templates',
      lang: 'en',
      format: 'text',
    });
  });

  it('turns every bad command line into a catalogue error', () => {
    expect(keyOf(['validate', 'a.xlsx', '--nope'])).toBe('cli.error.unknown-option');
    expect(keyOf(['validate', 'a.xlsx', '--sheet'])).toBe('cli.error.missing-value');
    expect(keyOf(['validate', 'a.xlsx', '--format', 'xml'])).toBe('cli.error.bad-value');
    expect(keyOf(['validate', 'a.xlsx', 'b.xlsx'])).toBe('cli.error.extra-argument');
    expect(keyOf(['validate'])).toBe('cli.error.missing-file');
    expect(keyOf(['validate', 'a.xlsx', '--template', 'x'])).toBe('cli.error.unknown-template');
    expect(keyOf(['fill', 'a.xlsx'])).toBe('cli.error.missing-output');
    expect(keyOf(['template', 'budget-allocation', '-o', 'x.xlsx', '--rows', '0'])).toBe(
      'cli.error.bad-integer',
    );
    expect(keyOf(['frobnicate'])).toBe('cli.error.unknown-command');
  });

  it('answers help and version', () => {
    expect(parseCommandLine([])).toEqual({ command: 'help', lang: 'vi' });
    expect(parseCommandLine(['fill', '--help'])).toMatchObject({ command: 'help', topic: 'fill' });
    expect(parseCommandLine(['--version'])).toMatchObject({ command: 'version' });
  });
});

describe('option values', () => {
  it('reads a value that starts with "-" as the value of an option that takes one', () => {
    // A negative tolerance is refused as a bad number, not as "takes no value".
    expect(keyOf(['validate', 'a.xlsx', '--tolerance', '-5'])).toBe('cli.error.bad-number');
    expect(parseCommandLine(['validate', 'a.xlsx', '--sheet', '-PL01-'])).toMatchObject({
      sheet: '-PL01-',
    });
    expect(parseCommandLine(['fill', 'a.xlsx', '-o', '-out.xlsx'])).toMatchObject({
      output: '-out.xlsx',
    });
    // A flag is still a flag; `--` still ends the options.
    expect(parseCommandLine(['fill', 'a.xlsx', '--values', '-o', 'b.xlsx'])).toMatchObject({
      values: true,
      output: 'b.xlsx',
    });
    expect(parseCommandLine(['validate', '--', '-a.xlsx'])).toMatchObject({ file: '-a.xlsx' });
    expect(keyOf(['validate', 'a.xlsx', '--sheet'])).toBe('cli.error.missing-value');
  });

  it('accepts a percent with or without its sign where a percent is meant', () => {
    for (const v of ['30', '30%', '30 %', '12,5%']) {
      const args = parseCommandLine(['validate', 'a.xlsx', '--counterpart-ratio', v]);
      expect(args).toMatchObject({ counterpartRatio: v.startsWith('12') ? '12.5' : '30' });
    }
    expect(keyOf(['validate', 'a.xlsx', '--counterpart-ratio', '%'])).toBe('cli.error.bad-number');
    expect(keyOf(['validate', 'a.xlsx', '--counterpart-ratio', '-30%'])).toBe(
      'cli.error.bad-number',
    );
  });
});

describe('serve', () => {
  it('defaults to 127.0.0.1:8787, 2 at once, a queue of 8, 60 s; checks each number', () => {
    expect(parseCommandLine(['serve'])).toEqual({
      command: 'serve',
      lang: 'vi',
      host: '127.0.0.1',
      port: 8787,
      concurrency: 2,
      queue: 8,
      timeout: 60,
    });
    expect(parseCommandLine(['serve', '--port', '0', '--timeout', '0,5'])).toMatchObject({
      port: 0,
      timeout: 0.5,
    });
    expect(keyOf(['serve', '--port', '70000'])).toBe('cli.error.bad-integer');
    expect(keyOf(['serve', '--concurrency', '0'])).toBe('cli.error.bad-integer');
    expect(keyOf(['serve', '--timeout', '0'])).toBe('cli.error.bad-number');
    expect(keyOf(['serve', 'x.xlsx'])).toBe('cli.error.extra-argument');
  });
});
