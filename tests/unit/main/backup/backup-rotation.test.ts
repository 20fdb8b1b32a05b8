import { describe, expect, it } from 'vitest'
import { backupsToKeep, isoWeek } from '../../../../src/main/backup/backup-rotation'
import { addDays } from '../../../../src/main/services/local-day'

describe('backup rotation', () => {
  it('names ISO weeks, including across a new year', () => {
    expect(isoWeek('2026-11-28')).toBe('2026-W48')
    expect(isoWeek('2027-01-01')).toBe('2026-W53')
    expect(isoWeek('2024-12-30')).toBe('2025-W01')
  })

  it('keeps the newest of each of the last 7 days and of the last 4 weeks', () => {
    const days = Array.from({ length: 60 }, (_, i) => addDays('2026-09-30', i))
    const backups = days.map((day) => ({ name: `b-${day}`, day }))
    const kept = [...backupsToKeep(backups)].sort()
    const daily = days.slice(-7).map((day) => `b-${day}`)
    expect(kept).toEqual(expect.arrayContaining(daily))
    // Weeks W48 and W47 have their newest among the dailies (Nov 28, Nov 22); W46 and W45
    // keep their Sundays.
    expect(kept).toEqual([...daily, 'b-2026-11-08', 'b-2026-11-15'].sort())
    expect(new Set(kept.map((name) => isoWeek(name.slice(2)))).size).toBe(4)
    expect(kept.length).toBeLessThanOrEqual(11)
  })

  it('keeps everything while there are fewer backups than that', () => {
    const backups = [
      { name: 'a', day: '2026-11-01' },
      { name: 'b', day: '2026-11-28' },
    ]
    expect(backupsToKeep(backups)).toEqual(new Set(['a', 'b']))
  })
})
