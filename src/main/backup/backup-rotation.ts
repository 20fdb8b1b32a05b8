/** How many automatic backups are kept: the newest of each of the last 7 days and 4 weeks. */
export const keptDailyBackups = 7
export const keptWeeklyBackups = 4

/** An automatic backup, known by its name and the local day it was made on (yyyy-mm-dd). */
export interface DatedBackup {
  readonly name: string
  readonly day: string
}

/**
 * Which automatic backups to keep: the newest backup of each of the 7 most recent days that have
 * one, and the newest of each of the 4 most recent ISO weeks that have one. The rest may go.
 */
export function backupsToKeep(backups: readonly DatedBackup[]): Set<string> {
  const newestFirst = [...backups].sort(
    (a, b) => b.day.localeCompare(a.day) || b.name.localeCompare(a.name),
  )
  const keep = new Set<string>()
  const pick = (periodOf: (day: string) => string, count: number) => {
    const seen = new Set<string>()
    for (const backup of newestFirst) {
      const period = periodOf(backup.day)
      if (seen.has(period)) continue
      if (seen.size === count) break
      seen.add(period)
      keep.add(backup.name)
    }
  }
  pick((day) => day, keptDailyBackups)
  pick(isoWeek, keptWeeklyBackups)
  return keep
}

/** The ISO 8601 week of a yyyy-mm-dd day, as "2026-W48". */
export function isoWeek(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number]
  const time = new Date(Date.UTC(year, month - 1, date))
  const weekday = time.getUTCDay() || 7
  // The Thursday of this week decides the week's year.
  time.setUTCDate(time.getUTCDate() + 4 - weekday)
  const yearStart = Date.UTC(time.getUTCFullYear(), 0, 1)
  const week = Math.ceil(((time.getTime() - yearStart) / 86_400_000 + 1) / 7)
  return `${time.getUTCFullYear()}-W${String(week).padStart(2, '0')}`
}
