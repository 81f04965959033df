/**
 * What Linux says about a process, for tests of `serve` as real processes: its resident memory
 * (`/proc/PID/status` VmRSS) and the bytes it has written through system calls (`/proc/PID/io`
 * wchar, sockets included, so a worker that answered requests shows it), plus the worker pids the
 * `serve` banner lists.
 *
 * @example
 * const [first, second] = bannerWorkerPids(server.stdout(), 2);
 * const before = writtenBytes(first);
 * // ... requests ...
 * expect(writtenBytes(first)).toBeGreaterThan(before);
 */
import { readFileSync } from "node:fs";

function procField(file: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+)`, "m").exec(readFileSync(file, "utf8"));
  if (match === null) throw new Error(`${file} has no ${field} line`);
  return Number(match[1]);
}

/** The resident set size of `pid`, in bytes. */
export function residentBytes(pid: number): number {
  return procField(`/proc/${pid}/status`, "VmRSS") * 1024;
}

/** The bytes `pid` has written with write-like system calls (files, pipes and sockets). */
export function writtenBytes(pid: number): number {
  return procField(`/proc/${pid}/io`, "wchar");
}

/** The worker pids in a `serve --workers N` banner (`Workers: N (pids a, b, ...)`). */
export function bannerWorkerPids(stdout: string, count: number): number[] {
  const match = /Workers: +(\d+) \(pids ([\d, ]+)\)/.exec(stdout);
  if (match === null) throw new Error(`no worker pids in the banner:\n${stdout}`);
  const pids = (match[2] ?? "").split(",").map((pid) => Number(pid.trim()));
  if (pids.length !== count)
    throw new Error(`expected ${count} workers, the banner lists ${pids.join(", ")}`);
  return pids;
}
