/** The reader's calendar day of a moment, "2026-11-28", in the machine's time zone. */
export function localDay(isoTime: string): string {
  const date = new Date(isoTime)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** The start of the reader's next calendar day after a moment, as an ISO time. */
export function startOfNextDay(isoTime: string): string {
  const date = new Date(isoTime)
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1).toISOString()
}

/** The calendar day `days` after `day` ("2026-11-28", 3 → "2026-12-01"). */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number]
  return localDay(new Date(year, month - 1, date + days, 12).toISOString())
}
