// A short run of the fuzz properties (test/fuzz/properties.ts) with every test run: a new seed
// each time, printed on failure. FUZZ_RUNS and FUZZ_SEED choose the runs and replay a seed;
// `npm run fuzz -- --runs N` is the long run.
import { killAllServers } from './lspClient';
import { runProperties } from '../fuzz/properties';

after(() => killAllServers());

describe('fuzz properties (a short run)', function () {
  // About 3 s on a quiet machine; the timeout only catches a hang, so it leaves room for a
  // machine whose cores are all busy (runs there took over 60 s).
  this.timeout(300_000);

  it('hold for generated framework files, edit sequences and quick fixes', async () => {
    const runs = Number(process.env.FUZZ_RUNS) || 100;
    const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0;
    try {
      await runProperties({ runs, seed });
    } catch (e) {
      process.stderr.write(`fuzz properties failed with seed ${seed} (replay: FUZZ_SEED=${seed} FUZZ_RUNS=${runs})\n`);
      throw e;
    }
  });
});
