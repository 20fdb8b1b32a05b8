import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { hostname } from 'node:os'

/**
 * Who a process is, told apart from a later process that got the same pid: the pid alone is
 * reused by the system, so a lock naming only a pid can keep a library read-only forever once
 * an unrelated program gets that number.
 */
export interface ProcessIdentity {
  readonly pid: number
  readonly host: string
  /** The process's start time in clock ticks since boot (Linux); null where it cannot be read. */
  readonly started: string | null
  /** The id of the system boot it ran in (Linux); null where it cannot be read. */
  readonly boot: string | null
  /** Random per process and per loaded module: tells this very opener from any other. */
  readonly token: string
}

let current: ProcessIdentity | undefined

/** This process, read once. */
export function thisProcess(): ProcessIdentity {
  current ??= {
    pid: process.pid,
    host: hostname(),
    started: startTimeOf(process.pid),
    boot: bootId(),
    token: randomBytes(8).toString('hex'),
  }
  return current
}

/**
 * Whether the process a lock names still runs. Judged on the safe side: a holder on another
 * machine cannot be asked and is taken to run, and so is one whose start time cannot be read.
 * A process is gone when no process has its pid, when the system booted since, or when the
 * process with its pid started at another time (the pid was reused).
 */
export function isStillRunning(holder: Partial<ProcessIdentity> & { pid: number }): boolean {
  const me = thisProcess()
  if (holder.host !== undefined && holder.host !== me.host) return true
  if (!Number.isSafeInteger(holder.pid) || holder.pid <= 0) return false
  if (holder.boot && me.boot && holder.boot !== me.boot) return false
  // A lock of this Lectern always carries a token: one naming this pid without one was left by
  // an older Lectern that had this pid before, not by this process.
  if (holder.pid === me.pid && holder.token === undefined) return false
  if (!processExists(holder.pid)) return false
  if (holder.started) {
    const started = startTimeOf(holder.pid)
    if (started !== null && started !== holder.started) return false
  }
  return true
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return error instanceof Error && (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Field 22 of /proc/<pid>/stat (start time), or null off Linux or when the process is gone. */
export function startTimeOf(pid: number): string | null {
  try {
    return startTimeFromStat(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return null
  }
}

/**
 * The start time in a /proc/<pid>/stat line. Field 2 is the command name in parentheses, which
 * may itself hold spaces and parentheses, so fields are counted from the last ')': field 3 is
 * the first after it, field 22 the twentieth.
 */
export function startTimeFromStat(stat: string): string | null {
  const close = stat.lastIndexOf(')')
  if (close < 0) return null
  const field = stat
    .slice(close + 1)
    .trim()
    .split(/\s+/)[19]
  return field && /^\d+$/.test(field) ? field : null
}

function bootId(): string | null {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || null
  } catch {
    return null
  }
}
