import { errorLine, run } from './run.js';
import { processIo } from './io/console.js';

// A closed pipe (`phuluc validate x.xlsx | head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

function die(e: unknown): void {
  process.stderr.write(errorLine(e));
  process.exit(2);
}
process.on('uncaughtException', die);
process.on('unhandledRejection', die);

run(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
}, die);
