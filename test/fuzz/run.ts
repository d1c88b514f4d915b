// `npm run fuzz -- --runs N [--seed S]`: the property tests of properties.ts with N runs each
// (default 1,000) and a random seed, printed so that a failure can be replayed.
import { runProperties } from './properties';
import { killAllServers } from '../lsp/lspClient';

function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const at = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (at === -1) return undefined;
  const arg = args[at];
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[at + 1];
}

function integer(name: string, fallback: number): number {
  const text = option(name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value)) {
    process.stderr.write(`fuzz: --${name} needs an integer, not ${JSON.stringify(text)}\n`);
    process.exit(2);
  }
  return value;
}

async function main(): Promise<void> {
  const runs = integer('runs', 1000);
  const seed = integer('seed', (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0);
  process.stdout.write(`fuzz: ${runs} runs per property, seed ${seed}\n`);
  const started = performance.now();
  try {
    await runProperties({ runs, seed, log: (line) => process.stdout.write(`  ${line}\n`) });
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.stderr.write(`fuzz: FAILED with seed ${seed}\n`);
    killAllServers();
    process.exit(1);
  }
  process.stdout.write(`fuzz: all properties hold (${runs} runs each, seed ${seed}) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

void main();
