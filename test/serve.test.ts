import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportJsonSchema } from '@phuluc/rules';
import { ErrorJsonSchema, FillJsonSchema, PlanJsonSchema, ValidateJsonSchema } from './contract.js';
import { CLI, ensureCliBuilt, EXAMPLES_DIR, ROOT, tempDir, MUONG_LAY_PLAN } from './helpers.js';
import { zipOf } from './zip-bomb.js';

/**
 * `phuluc serve` end to end: the built CLI started on an ephemeral port of 127.0.0.1, each route,
 * the limits, malformed bodies and 50 concurrent uploads. Every request is bounded in time; the
 * servers run with TMPDIR pointed at an empty folder that must stay empty.
 */
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DIRTY = readFileSync(join(EXAMPLES_DIR, 'muong-lay-2024-loi.xlsx'));
const PLAN_FILE = MUONG_LAY_PLAN;
const PLAN = readFileSync(PLAN_FILE);

interface Server {
  readonly child: ChildProcess;
  readonly url: string;
}

let tmp: ReturnType<typeof tempDir>;
let serverTmp: string;
let main: Server;
let slow: Server;

/** The CLI as `pnpm phuluc` runs it: from source, through tsx. */
const FROM_SOURCE = [
  '--conditions=@phuluc/source',
  '--import',
  'tsx',
  join(ROOT, 'packages', 'cli', 'src', 'main.ts'),
];

function start(
  extra: readonly string[],
  entry: readonly string[] = [CLI],
  tmpDir = serverTmp,
): Promise<Server> {
  const args = [...entry, 'serve', '--port', '0', '--lang', 'en', ...extra];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, TMPDIR: tmpDir, TMP: tmpDir, TEMP: tmpDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${out}`)), 20_000);
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: `http://127.0.0.1:${m[1]}` });
      }
    });
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
}

function stop(server: Server | undefined): Promise<number | null> {
  if (!server || server.child.exitCode !== null)
    return Promise.resolve(server?.child.exitCode ?? null);
  return new Promise((resolve) => {
    server.child.once('exit', (code) => resolve(code));
    server.child.kill('SIGTERM');
  });
}

function post(
  server: Server,
  path: string,
  body: Uint8Array | string,
  type = 'application/octet-stream', // '' sends none
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    body: typeof body === 'string' ? body : new Uint8Array(body),
    headers: { ...(type ? { 'content-type': type } : {}), ...headers },
    signal: AbortSignal.timeout(60_000),
  });
}

/** A refusal: its status, and a JSON error whose message is the CLI's one line. */
async function expectRefusal(res: Response, status: number, code: string): Promise<string> {
  const doc = ErrorJsonSchema.parse(await res.json());
  expect([res.status, doc.error.code]).toEqual([status, code]);
  expect(doc.error.message).toMatch(/^phuluc: [^\n]+ \/ [^\n]+$/);
  expect(doc.error.message).not.toMatch(/\bat .*\.js:\d+/);
  return doc.error.message;
}

function cliJson(args: readonly string[], cwd = ROOT): unknown {
  const r = spawnSync(process.execPath, [CLI, ...args, '--format', 'json'], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return JSON.parse(r.stdout);
}

beforeAll(async () => {
  ensureCliBuilt();
  tmp = tempDir();
  serverTmp = join(tmp.dir, 'server-tmp');
  mkdirSync(serverTmp);
  [main, slow] = await Promise.all([
    start(['--concurrency', '2', '--queue', '3', '--timeout', '60']),
    start(['--timeout', '0.001']),
  ]);
}, 60_000);

afterAll(async () => {
  const codes = await Promise.all([stop(main), stop(slow)]);
  expect(codes).toEqual([0, 0]); // SIGTERM stops it cleanly
  expect(readdirSync(serverTmp)).toEqual([]); // no temp file left behind
  tmp?.cleanup();
});

describe('phuluc serve: routes', () => {
  it('GET /healthz says it is up, its version, and its load', async () => {
    const res = await fetch(`${main.url}/healthz`, { signal: AbortSignal.timeout(10_000) });
    const version = (
      JSON.parse(readFileSync(join(ROOT, 'packages', 'cli', 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
    expect(await res.json()).toEqual({ status: 'ok', version, active: 0, queued: 0 });
  });

  it("GET /openapi.json is OpenAPI 3.1 whose schemas are the reports' JSON Schemas, and they validate real answers", async () => {
    const doc = (await (await fetch(`${main.url}/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { parameters?: Array<{ name: string }> }>>;
      components: { schemas: Record<string, Record<string, unknown>> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/healthz',
      '/openapi.json',
      '/v1/fill',
      '/v1/plan',
      '/v1/validate',
    ]);
    const { $schema: _v, ...validate } = reportJsonSchema('validate');
    expect(doc.components.schemas.ValidateReport).toEqual(validate);
    expect(doc.paths['/v1/validate']!.post!.parameters!.map((p) => p.name)).toEqual([
      'name',
      'lang',
      'sheet',
      'template',
      'tolerance',
      'counterpart-ratio',
      'assigned-reduction',
    ]);
    const ajv = new Ajv2020({ strict: false });
    const answer = await (await post(main, '/v1/validate', DIRTY)).json();
    expect(
      ajv.validate(doc.components.schemas.ValidateReport!, answer),
      JSON.stringify(ajv.errors),
    ).toBe(true);
  });

  it('POST /v1/validate answers the JSON the CLI prints for the same file and options', async () => {
    const res = await post(
      main,
      '/v1/validate?name=muong-lay-2024-loi.xlsx&counterpart-ratio=30%25&lang=en',
      DIRTY,
      XLSX,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('x-phuluc-errors')).toBe('true');
    const json = ValidateJsonSchema.parse(await res.json());
    const cli = cliJson(
      ['validate', 'muong-lay-2024-loi.xlsx', '--counterpart-ratio', '30%', '--lang', 'en'],
      EXAMPLES_DIR,
    );
    expect(json).toEqual(cli);
  });

  it('POST /v1/fill answers the filled workbook with its report in a header, or both as multipart', async () => {
    const res = await post(main, '/v1/fill?name=loi.xlsx&sheet=PL01', DIRTY);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="loi.filled.xlsx"');
    expect(res.headers.get('x-phuluc-summary')).toMatch(/^writes=\d+; conflicts=\d+$/);
    const report = FillJsonSchema.parse(
      JSON.parse(Buffer.from(res.headers.get('x-phuluc-report')!, 'base64').toString('utf8')),
    );
    expect(report.summary.writes + report.summary.conflicts).toBeGreaterThan(0);
    const filled = Buffer.from(await res.arrayBuffer());
    expect(filled.subarray(0, 2).toString()).toBe('PK');
    // The filled workbook is a workbook phuluc reads again, and the CLI's fill reports the same.
    const again = await post(main, '/v1/validate', filled);
    expect(again.status).toBe(200);
    const out = join(tmp.dir, 'loi.filled.xlsx');
    writeFileSync(join(tmp.dir, 'loi.xlsx'), DIRTY);
    expect(cliJson(['fill', 'loi.xlsx', '-o', out, '--sheet', 'PL01'], tmp.dir)).toEqual({
      ...report,
      output: out,
    });

    const multi = await post(main, '/v1/fill?name=loi.xlsx', DIRTY, XLSX, {
      accept: 'multipart/mixed',
    });
    const boundary = /boundary=(\S+)/.exec(multi.headers.get('content-type') ?? '')?.[1];
    expect(boundary).toBeDefined();
    const text = Buffer.from(await multi.arrayBuffer()).toString('latin1');
    const parts = text.split(`--${boundary}`).slice(1, -1);
    expect(parts).toHaveLength(2);
    const json = parts[0]!.split('\r\n\r\n').slice(1).join('\r\n\r\n').replace(/\r\n$/, '');
    FillJsonSchema.parse(JSON.parse(Buffer.from(json, 'latin1').toString('utf8')));
    expect(parts[1]).toContain(`Content-Type: ${XLSX}`);
  });

  it('POST /v1/plan takes the text alone or a form with the plan and its annex', async () => {
    const alone = await post(main, '/v1/plan?name=kh.txt', PLAN, 'text/plain; charset=utf-8');
    expect(alone.status).toBe(200);
    expect(PlanJsonSchema.parse(await alone.json()).annex).toBeNull();
    const form = new FormData();
    form.set('plan', new Blob([PLAN], { type: 'text/plain' }), '000-muong-lay-2024.txt');
    form.set('annex', new Blob([DIRTY], { type: XLSX }), 'muong-lay-2024-loi.xlsx');
    const res = await fetch(`${main.url}/v1/plan`, {
      method: 'POST',
      body: form,
      signal: AbortSignal.timeout(60_000),
    });
    expect(res.status).toBe(200);
    const json = PlanJsonSchema.parse(await res.json());
    expect(json.annex).toEqual({ file: 'muong-lay-2024-loi.xlsx', sheet: 'PL01' });
    const cwd = join(tmp.dir, 'plan');
    mkdirSync(cwd);
    writeFileSync(join(cwd, '000-muong-lay-2024.txt'), PLAN);
    writeFileSync(join(cwd, 'muong-lay-2024-loi.xlsx'), DIRTY);
    expect(json).toEqual(
      cliJson(['plan', '000-muong-lay-2024.txt', '--annex', 'muong-lay-2024-loi.xlsx'], cwd),
    );
  });
});

describe("phuluc serve: bad input gets a JSON error with the CLI's line and a fitting status", () => {
  it('an empty body: 400, the very line the CLI prints for an empty file', async () => {
    const message = await expectRefusal(
      await post(main, '/v1/validate?name=empty.xlsx', new Uint8Array(0)),
      400,
      'cli.input.empty',
    );
    writeFileSync(join(tmp.dir, 'empty.xlsx'), '');
    const cli = spawnSync(process.execPath, [CLI, 'validate', 'empty.xlsx'], {
      cwd: tmp.dir,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(message).toBe(cli.stderr.trimEnd());
  });

  it('a truncated workbook 400, a wrong content type 415, an old .xls 415, a zip bomb 413', async () => {
    await expectRefusal(
      await post(main, '/v1/validate', DIRTY.subarray(0, DIRTY.length >> 1)),
      400,
      'cli.input.corrupt-zip',
    );
    await expectRefusal(
      await post(main, '/v1/validate', DIRTY, 'text/plain'),
      415,
      'cli.serve.content-type',
    );
    await expectRefusal(
      await post(main, '/v1/fill', DIRTY, ''), // no content type at all
      415,
      'cli.serve.content-type',
    );
    const ole2 = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(600),
    ]);
    expect((await post(main, '/v1/validate', ole2)).status).toBe(415);
    // A small zip that declares a 3.9 GB sheet: refused before anything is inflated.
    const sheet = deflateRawSync(Buffer.from('<worksheet/>'));
    const bomb = zipOf([
      { name: 'xl/worksheets/sheet1.xml', data: sheet, declared: 3_900_000_000 },
    ]);
    await expectRefusal(await post(main, '/v1/validate', bomb), 413, 'cli.input.too-large');
    await expectRefusal(await post(main, '/v1/fill', bomb), 413, 'cli.input.too-large');
  });

  it('bad parameters, routes, methods and multipart bodies: 400/404/405, before the body is read', async () => {
    const bad = await expectRefusal(
      await post(main, '/v1/validate?tolerance=-5', DIRTY),
      400,
      'cli.error.bad-number',
    );
    expect(bad).toContain('"-5"');
    await expectRefusal(
      await post(main, '/v1/validate?layout-file=/etc/passwd', DIRTY),
      400,
      'cli.serve.option-not-allowed',
    );
    await expectRefusal(
      await post(main, '/v1/fill?output=/tmp/x.xlsx', DIRTY),
      400,
      'cli.serve.option-not-allowed',
    );
    await expectRefusal(
      await post(main, '/v1/validate?nope=1', DIRTY),
      400,
      'cli.error.unknown-option',
    );
    await expectRefusal(
      await post(main, '/v1/validate?template=nope', DIRTY),
      400,
      'cli.error.unknown-template',
    );
    await expectRefusal(await post(main, '/v2/validate', DIRTY), 404, 'cli.serve.not-found');
    await expectRefusal(await fetch(`${main.url}/v1/validate`), 405, 'cli.serve.method');
    await expectRefusal(
      await post(
        main,
        '/v1/plan',
        '--x\r\nContent-Disposition: form-data; name="plan"\r\n\r\ntext',
        'multipart/form-data; boundary=x',
      ),
      400,
      'cli.serve.multipart',
    );
    await expectRefusal(
      await post(main, '/v1/plan', Buffer.from('%PDF-1.4 …')),
      415,
      'cli.plan.error.pdf',
    );
  });

  it('an upload declared over the limit is refused with 413 before it is read', async () => {
    const answer = await rawRequest(
      `POST /v1/validate HTTP/1.1\r\nHost: x\r\nContent-Type: ${XLSX}\r\nContent-Length: ${300 * 1024 * 1024}\r\n\r\nPK`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toContain('"code": "cli.serve.too-large"');
  });

  it('a client that disconnects mid-upload, or sends less than it declared, leaves the server serving', async () => {
    for (const end of ['destroy', 'end'] as const) {
      await new Promise<void>((resolve, reject) => {
        const socket = connect(Number(new URL(main.url).port), '127.0.0.1', () => {
          socket.write(
            `POST /v1/validate HTTP/1.1\r\nHost: x\r\nContent-Type: ${XLSX}\r\nContent-Length: 100000\r\n\r\n`,
          );
          socket.write(DIRTY.subarray(0, 2000), () => {
            if (end === 'destroy') socket.destroy();
            else socket.end();
            resolve();
          });
        });
        socket.on('error', reject);
        socket.setTimeout(10_000, () => reject(new Error('timeout')));
      });
    }
    // The slots those requests held are given back.
    await expect
      .poll(async () => (await (await fetch(`${main.url}/healthz`)).json()) as unknown, {
        timeout: 10_000,
      })
      .toMatchObject({
        active: 0,
        queued: 0,
      });
    expect((await post(main, '/v1/validate', DIRTY)).status).toBe(200);
  });

  it('a request over the time limit is stopped: 503, and the server keeps serving', async () => {
    await expectRefusal(await post(slow, '/v1/validate', DIRTY), 503, 'cli.serve.timeout');
    expect((await fetch(`${slow.url}/healthz`)).status).toBe(200);
  });
});

describe('phuluc serve from source (pnpm -s phuluc serve)', () => {
  it('runs its jobs in workers that load the TypeScript sources too', async () => {
    // A TMPDIR of its own: tsx keeps its compile cache there (that is tsx, not phuluc).
    const own = join(tmp.dir, 'source-tmp');
    mkdirSync(own);
    const server = await start(['--concurrency', '1'], FROM_SOURCE, own);
    try {
      const res = await post(server, '/v1/validate?name=loi.xlsx', DIRTY);
      expect(res.status).toBe(200);
      expect(ValidateJsonSchema.parse(await res.json()).summary.errors).toBeGreaterThan(0);
    } finally {
      expect(await stop(server)).toBe(0);
    }
  }, 60_000);
});

describe('phuluc serve: 50 concurrent uploads', () => {
  it('runs 2 at a time, queues 3, answers the rest 503 at once, and ends with every slot free', async () => {
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 50 }, async () => {
        const res = await post(main, '/v1/validate', DIRTY);
        return { status: res.status, body: (await res.json()) as { error?: { code: string } } };
      }),
    );
    const ok = answers.filter((a) => a.status === 200);
    const busy = answers.filter((a) => a.status === 503);
    expect(ok.length + busy.length).toBe(50);
    expect(ok.length).toBeGreaterThanOrEqual(5);
    expect(busy.length).toBeGreaterThan(0);
    expect(busy.every((a) => a.body.error?.code === 'cli.serve.busy')).toBe(true);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(await (await fetch(`${main.url}/healthz`)).json()).toMatchObject({
      active: 0,
      queued: 0,
    });
  }, 90_000);
});

/** Send raw bytes, read what comes back until the server closes or 10 s pass. */
function rawRequest(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(new URL(main.url).port), '127.0.0.1', () => socket.write(text));
    let answer = '';
    socket.on('data', (b: Buffer) => {
      answer += b.toString('utf8');
      if (/\r\n\r\n[\s\S]*\}\n$/.test(answer)) socket.destroy();
    });
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
    socket.setTimeout(10_000, () => {
      socket.destroy();
      resolve(answer);
    });
  });
}
