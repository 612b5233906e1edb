/**
 * Code in this folder runs INSIDE the sandbox, in Deno, before and next to the learner's code.
 * It must not import server code (zod, node-only helpers): only other files of this folder,
 * `node:` built-ins and the client libraries.
 *
 * The project type-checks with Node's types, so the slice of Deno's API used here is declared
 * by hand.
 */
export interface DenoApi {
  env: { get(key: string): string | undefined; delete(key: string): void };
  openSync(path: string, options: { write: true }): { writeSync(bytes: Uint8Array): number };
  exit(code?: number): never;
}

export const deno = (globalThis as unknown as { Deno: DenoApi }).Deno;
