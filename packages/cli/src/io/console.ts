/** A place to write text: stdout or stderr, or a buffer in tests. */
export interface Out {
  write(text: string): void;
  /** Whether the stream is a terminal (colour and progress lines only then). */
  readonly isTTY: boolean;
}

/** The outside world a command sees: streams and environment. */
export interface Io {
  readonly stdout: Out;
  readonly stderr: Out;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** The process' own streams. */
export function processIo(): Io {
  return {
    stdout: { write: (s) => void process.stdout.write(s), isTTY: process.stdout.isTTY === true },
    stderr: { write: (s) => void process.stderr.write(s), isTTY: process.stderr.isTTY === true },
    env: process.env,
  };
}

/** Whether to colour text on `out`: a terminal, and `NO_COLOR` unset or empty (https://no-color.org). */
export function useColor(out: Out, env: Io['env']): boolean {
  return out.isTTY && !env.NO_COLOR;
}
