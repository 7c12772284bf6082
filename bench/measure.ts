import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

export interface Measurement {
  exitCode: number | null;
  wallMs: number;
  /**
   * Peak resident memory of the whole process tree in MB: the sum of each process's VmHWM (its
   * own peak) as last seen in /proc. Worker threads share their process, so for cpc, one
   * process, this is exact; with several processes it is an upper bound. null without /proc.
   */
  peakRssMb: number | null;
  /** user + system CPU seconds of the tree as last sampled (a little under the true total); null without /proc */
  cpuSeconds: number | null;
  stderr: string;
}

/** clock ticks per second of /proc/<pid>/stat times (USER_HZ, 100 on Linux) */
const TICKS_PER_SECOND = 100;

function cpuTicks(pid: number): number | null {
  try {
    // the command name (field 2) may hold spaces; fields after its closing parenthesis are fixed
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

function statusField(pid: number, field: string): number | null {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

function descendants(pid: number): number[] {
  const found: number[] = [];
  let tasks: string[] = [];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return found;
  }
  for (const tid of tasks) {
    let children = '';
    try {
      children = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8');
    } catch {
      continue;
    }
    for (const child of children.split(/\s+/).filter(Boolean).map(Number)) found.push(child, ...descendants(child));
  }
  return found;
}

/** Run a command, sampling the memory of its process tree every `intervalMs`. */
export function measure(command: string, args: readonly string[], options: { cwd: string; intervalMs?: number }): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const hwmKb = new Map<number, number>();
    const ticks = new Map<number, number>();
    const sample = () => {
      if (child.pid === undefined) return;
      for (const pid of [child.pid, ...descendants(child.pid)]) {
        const hwm = statusField(pid, 'VmHWM');
        if (hwm !== null) hwmKb.set(pid, Math.max(hwm, hwmKb.get(pid) ?? 0));
        const t = cpuTicks(pid);
        if (t !== null) ticks.set(pid, Math.max(t, ticks.get(pid) ?? 0));
      }
    };
    const timer = setInterval(sample, options.intervalMs ?? 20);
    child.on('error', (e) => {
      clearInterval(timer);
      reject(e);
    });
    child.on('close', (exitCode) => {
      clearInterval(timer);
      const total = [...hwmKb.values()].reduce((a, b) => a + b, 0);
      const cpu = [...ticks.values()].reduce((a, b) => a + b, 0) / TICKS_PER_SECOND;
      resolve({ exitCode, wallMs: performance.now() - started, peakRssMb: hwmKb.size ? Math.round(total / 1024) : null, cpuSeconds: ticks.size ? cpu : null, stderr });
    });
  });
}
