/** Levenshtein distance between two short strings (context of up to 32 characters). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j - 1]! + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1),
        previous[j]! + 1,
        current[j - 1]! + 1,
      )
    }
    previous = current
  }
  return previous[b.length]!
}

/** 1 when the strings are equal, falling towards 0 as they differ; 1 for an empty expectation. */
export function similarity(expected: string, actual: string): number {
  if (expected.length === 0) return 1
  return Math.max(0, 1 - editDistance(expected, actual) / expected.length)
}
