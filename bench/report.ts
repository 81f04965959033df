/**
 * The output of one benchmark run: the machine it ran on, a table of every figure (printed), and the
 * same figures as JSON in `bench/results/latest.json` (git-ignored).
 *
 * @example
 * const machine = describeMachine();
 * console.log(formatMachine(machine));
 * console.log(formatFigures(figures));
 * writeResults(new URL("./results/latest.json", import.meta.url), { machine, figures, ... });
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { arch, availableParallelism, cpus, loadavg, platform, totalmem } from "node:os";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import type { Figure } from "./bench-module.js";

/** Where the run happened. */
export interface Machine {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly node: string;
  readonly platform: string;
  readonly memoryGiB: number;
  /** 1-minute load average when the run started: other work on the machine skews every figure. */
  readonly loadAverage: number;
}

/** The JSON file's content. */
export interface BenchResults {
  readonly machine: Machine;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly smoke: boolean;
  readonly figures: readonly Figure[];
}

export function describeMachine(): Machine {
  return {
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? "unknown",
    node: process.version,
    platform: `${platform()} ${arch()}`,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    loadAverage: loadavg()[0] ?? 0,
  };
}

export function formatMachine(machine: Machine): string {
  return (
    `machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGiB} GiB, ${machine.platform}, ` +
    `node ${machine.node}, load average ${machine.loadAverage.toFixed(2)} at start`
  );
}

function number(value: number): string {
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function optional(value: number | undefined, digits: number): string {
  return value === undefined ? "" : value.toFixed(digits);
}

/** The table: one row per figure (value, p50, p99, ratio, targets), its note on the line below. */
export function formatFigures(figures: readonly Figure[]): string {
  const nameWidth = Math.max(20, ...figures.map((figure) => figure.name.length));
  const header =
    `${"topic".padEnd(9)}${"figure".padEnd(nameWidth + 2)}${"value".padStart(10)} ${"unit".padEnd(12)}` +
    `${"p50 ms".padStart(8)}${"p99 ms".padStart(8)}${"ratio".padStart(7)}  targets`;
  const lines = [header, "-".repeat(header.length + 20)];
  for (const figure of figures) {
    const targets = (figure.targets ?? [])
      .map((target) => `${target.label}: ${target.met ? "met" : "MISSED"}`)
      .join("; ");
    lines.push(
      `${figure.topic.padEnd(9)}${figure.name.padEnd(nameWidth + 2)}${number(figure.value).padStart(10)} ` +
        `${figure.unit.padEnd(12)}${optional(figure.p50Ms, 2).padStart(8)}` +
        `${optional(figure.p99Ms ?? figure.p95Ms, 2).padStart(8)}${optional(figure.ratio, 2).padStart(7)}  ${targets}`,
    );
    const notes = [
      figure.ratioTo === undefined ? undefined : `ratio to ${figure.ratioTo}`,
      figure.p99Ms === undefined && figure.p95Ms !== undefined ? "p99 column shows p95" : undefined,
      figure.note,
    ].filter((part) => part !== undefined && part !== "");
    if (notes.length > 0) lines.push(`${" ".repeat(9)}  ${notes.join("; ")}`);
  }
  return lines.join("\n");
}

/** Writes `results` as pretty JSON to `file`, creating its folder. */
export function writeResults(file: URL, results: BenchResults): void {
  const path = fileURLToPath(file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
}
