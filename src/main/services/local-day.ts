/**
 * The reader's calendar day of a moment, "2026-11-28": in `timeZone` (an IANA name such as
 * "Pacific/Honolulu") when given, else in the machine's time zone. Tests pass a zone, so what
 * they expect does not depend on the machine that runs them.
 */
export function localDay(isoTime: string, timeZone?: string): string {
  const date = new Date(isoTime)
  if (timeZone !== undefined) return dayFormat(timeZone).format(date)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** The start of the reader's next calendar day after a moment, as an ISO time. */
export function startOfNextDay(isoTime: string): string {
  const date = new Date(isoTime)
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1).toISOString()
}

/** The calendar day `days` after `day` ("2026-11-28", 3 → "2026-12-01"), in any time zone. */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10)
}

/** One formatter per zone: making one costs far more than formatting a date with it. */
const dayFormats = new Map<string, Intl.DateTimeFormat>()

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone)
  if (!format) {
    // Swedish writes dates as ISO does: "2026-11-28".
    format = new Intl.DateTimeFormat('sv-SE', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    })
    dayFormats.set(timeZone, format)
  }
  return format
}
