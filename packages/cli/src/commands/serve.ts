import { LIMITS } from '@phuluc/xlsx/fast';
import { t } from '@phuluc/rules';
import type { ServeArgs } from '../args.js';
import { CliError } from '../errors.js';
import type { Io } from '../io/console.js';
import { createPhulucServer } from '../serve/server.js';

/**
 * `phuluc serve`: run the local HTTP service until SIGINT or SIGTERM. Prints one line saying
 * where it listens (the port chosen when `--port 0`).
 *
 * @returns 0 once stopped; a port that cannot be opened is a {@link CliError} (exit status 2).
 */
export async function serveCommand(args: ServeArgs, io: Io): Promise<number> {
  const server = createPhulucServer({
    concurrency: args.concurrency,
    queue: args.queue,
    timeoutMs: args.timeout * 1000,
    maxBodyBytes: LIMITS.maxUncompressedBytes,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        new CliError('cli.serve.cannot-listen', {
          host: args.host,
          port: args.port,
          reason: e.code ?? e.message,
        }),
      ),
    );
    server.listen(args.port, args.host, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : args.port;
  const host = args.host.includes(':') ? `[${args.host}]` : args.host;
  io.stdout.write(
    `${t('cli.serve.listening', { url: `http://${host}:${port}`, concurrency: args.concurrency, queue: args.queue, timeout: args.timeout }, args.lang)}\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => {
      server.close(() => resolve());
      server.closeAllConnections();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
