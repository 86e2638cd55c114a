// Where the CPU went during a phase, from /proc (Linux): the API process (and a separate worker process), Postgres (postmaster and every backend, incl.
// backends that exited, through the postmaster's cutime/cstime), this process (the load generator) and the whole box.
//
//   const a = cpuSnapshot({ apiPid, pgPid });  …  const use = cpuUsage(a, cpuSnapshot({ apiPid, pgPid }));
//   use.api  // cores busy on average (1.0 = one core fully busy); use.boxBusy  // share of all cores busy, 0..1
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';

let ticksPerSecond = 100;
try {
  ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100;
} catch {
  /* not Linux, or no getconf: the usual value */
}

/** [utime + stime, cutime + cstime] in clock ticks, or null when the process is gone. */
function procTicks(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields[0] = state (field 3)
    return { own: Number(fields[11]) + Number(fields[12]), children: Number(fields[13]) + Number(fields[14]) };
  } catch {
    return null;
  }
}

function childPids(parent) {
  const out = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) {
      continue;
    }
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent) {
        out.push(Number(name));
      }
    } catch {
      /* exited while we looked */
    }
  }
  return out;
}

/** Ticks of a process tree one level deep (the postmaster and its backends), with reaped children. */
function treeTicks(pid) {
  const root = procTicks(pid);
  if (!root) {
    return 0;
  }
  return childPids(pid).reduce((sum, child) => sum + (procTicks(child)?.own ?? 0), root.own + root.children);
}

function boxTicks() {
  try {
    const cpu = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const idle = cpu[3] + (cpu[4] ?? 0); // idle + iowait
    return { total: cpu.reduce((a, b) => a + b, 0), idle };
  } catch {
    return { total: 0, idle: 0 };
  }
}

export function cpuSnapshot({ apiPid, pgPid, workerPid = null }) {
  return {
    at: process.hrtime.bigint(),
    api: procTicks(apiPid)?.own ?? 0,
    worker: workerPid ? (procTicks(workerPid)?.own ?? 0) : null,
    pg: treeTicks(pgPid),
    self: process.cpuUsage(),
    box: boxTicks(),
  };
}

/** Average cores busy per component between two snapshots. */
export function cpuUsage(a, b) {
  const seconds = Number(b.at - a.at) / 1e9;
  const cores = (ticks) => ticks / ticksPerSecond / seconds;
  const selfMicros = b.self.user + b.self.system - (a.self.user + a.self.system);
  const total = b.box.total - a.box.total;
  return {
    seconds,
    api: cores(b.api - a.api),
    // a worker process started inside the window: all its CPU time falls in the window
    worker: b.worker === null ? null : cores(b.worker - (a.worker ?? 0)),
    postgres: cores(b.pg - a.pg),
    loadgen: selfMicros / 1e6 / seconds,
    boxBusy: total > 0 ? 1 - (b.box.idle - a.box.idle) / total : 0,
    cores: os.availableParallelism?.() ?? os.cpus().length,
  };
}

/** Cores busy outside the three components (other jobs on a shared machine, the kernel's own work). */
export const otherCores = (u) => Math.max(0, u.boxBusy * u.cores - u.api - (u.worker ?? 0) - u.postgres - u.loadgen);

export const formatCpu = (u) =>
  `API ${u.api.toFixed(2)} · ${u.worker === null ? '' : `worker ${u.worker.toFixed(2)} · `}Postgres ${u.postgres.toFixed(2)} · load generator ${u.loadgen.toFixed(2)} · ` +
  `other ${otherCores(u).toFixed(2)} of ${u.cores} cores (box ${(u.boxBusy * 100).toFixed(0)} % busy)`;
