import { hasErrorCode } from '../store/store-fs'

/**
 * True unless no process has this pid. A pid of someone else's process (EPERM) counts as
 * running: leftovers named after a pid are removed only when their process surely ended.
 */
export function isProcessRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return !hasErrorCode(error, 'ESRCH')
  }
}
