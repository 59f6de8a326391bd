/** One figure measured side by side with its baseline in the same run. */
export interface Comparison {
  /** The benchmark's name, as `--only=` takes it. */
  benchmark: string;
  measured: string;
  baseline: string;
  unit: string;
  value: number;
  baselineValue: number;
  /** value / baselineValue. */
  ratio: number;
  /** The target, in words. */
  target: string;
  /** Whether this run met it (a quick run's sizes are too small to judge the full targets by). */
  met: boolean;
  details?: Record<string, unknown>;
}

export interface BenchOptions {
  quick: boolean;
  /** Prints a line of progress; benchmarks that run long report through it. */
  progress: (line: string) => void;
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
