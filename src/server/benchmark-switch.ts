/**
 * The benchmark measures what authorisation costs by building a second app with the
 * rules off. That switch must not be reachable by anything a deployment controls: no
 * setting, environment variable or request can turn it on. Only code running in the
 * same process can, by calling `unlockBenchmarkWithoutAuthorization()` first, and only
 * the benchmark's own entry (bench/run.ts) does. `buildApp` refuses the switch
 * otherwise, whatever NODE_ENV says, so a production hub started with `npm start`
 * (src/main.ts) can never serve without authorisation.
 */
let unlocked = false;

export function unlockBenchmarkWithoutAuthorization(): void {
  unlocked = true;
}

export class BenchmarkSwitchError extends Error {
  constructor() {
    super(
      'benchmarkWithoutAuthorization is refused: only the benchmark entry (bench/run.ts) may turn authorisation off',
    );
    this.name = 'BenchmarkSwitchError';
  }
}

/** Throws unless the benchmark entry unlocked the switch in this process. */
export function assertBenchmarkSwitchAllowed(): void {
  if (!unlocked) throw new BenchmarkSwitchError();
}
