#!/usr/bin/env node
// Make sure Debian's Chromium is there for the browser tests; install it with apt-get when
// we are root and it is missing. Never downloads a browser build of its own.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const CHROMIUM = process.env.PHULUC_CHROMIUM ?? '/usr/bin/chromium';

if (existsSync(CHROMIUM)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (!isRoot || !hasApt) {
  console.error(
    `phuluc: Chromium (${CHROMIUM}) is missing for the browser tests. Install Debian's package: sudo apt-get install -y chromium ` +
      `(or set PHULUC_CHROMIUM to a Chromium binary).`,
  );
  process.exit(1);
}
console.error('phuluc: installing Debian chromium for the browser tests (apt-get)…');
try {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], {
    stdio: 'inherit',
    env,
  });
} catch {
  console.error(
    'phuluc: apt-get could not install chromium. Install it by hand: apt-get install -y chromium',
  );
  process.exit(1);
}
if (!existsSync(CHROMIUM)) {
  console.error(`phuluc: chromium was installed but ${CHROMIUM} is not there.`);
  process.exit(1);
}
