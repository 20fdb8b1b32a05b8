/**
 * Characters per gram: the longest for which a match with a quarter of its characters edited
 * must still keep some of the quote's grams (each edit destroys at most this many).
 */
const gramLength = 3
/** Grams are hashed into this many buckets (collisions only make the filter let more through). */
const hashBits = 16

/**
 * A text with, for each gram (hash), the positions where it starts, in order: built once for all
 * the searches of a re-anchoring run, about three passes over the text.
 */
export interface GramIndex {
  readonly text: string
  /** Where each bucket's positions begin in `positions`; one more entry than buckets. */
  readonly offsets: Int32Array
  readonly positions: Int32Array
}

/** Hashes the `gramLength` characters at `at` into `hashBits` bits. */
function gramHash(text: string, at: number): number {
  let hash = 0
  for (let k = 0; k < gramLength; k++) hash = Math.imul(hash ^ text.charCodeAt(at + k), 0x9e3779b1)
  return hash >>> (32 - hashBits)
}

/** The gram index of a text. */
export function indexGrams(text: string): GramIndex {
  const count = Math.max(0, text.length - gramLength + 1)
  const grams = new Uint16Array(count)
  const offsets = new Int32Array((1 << hashBits) + 1)
  for (let at = 0; at < count; at++) {
    const gram = gramHash(text, at)
    grams[at] = gram
    offsets[gram + 1]!++
  }
  for (let gram = 0; gram < 1 << hashBits; gram++) offsets[gram + 1]! += offsets[gram]!
  const next = offsets.slice(0, 1 << hashBits)
  const positions = new Int32Array(count)
  for (let at = 0; at < count; at++) positions[next[grams[at]!]!++] = at
  return { text, offsets, positions }
}

/** A stretch `[from, to)` of a text. */
export interface Region {
  readonly from: number
  readonly to: number
}

/**
 * The stretches of the text that can hold a match of `pattern` with at most `maxErrors` edits.
 * Every such match lies inside one, together with every other start that gives its end as few
 * edits, so a scan of the stretches alone finds each match with the edit count a scan of the
 * whole text would give. Null when the filter cannot rule anything out (short patterns, many
 * errors).
 *
 * Why nothing is missed (the q-gram lemma on diagonals): each edit destroys at most `gramLength`
 * of the pattern's `length - gramLength + 1` grams, so a match keeps at least `length -
 * gramLength + 1 - gramLength * maxErrors` of them. A kept gram at pattern position i lies at
 * text position p = start + i + (insertions − deletions before it), so its diagonal p − i stays
 * within `maxErrors + 1` consecutive values for the whole match, inside two neighbouring bins of
 * that width. Counting for each pair of neighbouring bins the pattern positions with a gram on a
 * diagonal in it (each position once), a match needs its pair to reach the threshold; the
 * stretches come from those pairs only. Hash collisions only add hits, never hide one.
 */
export function regionsToScan(
  index: GramIndex,
  pattern: string,
  maxErrors: number,
): Region[] | null {
  const length = pattern.length
  const threshold = length - gramLength + 1 - gramLength * maxErrors
  if (threshold <= 0) return null
  const { text, offsets, positions } = index
  const width = maxErrors + 1
  // Diagonals p − i run from −length to text.length; bins count them from −length.
  const binCount = Math.ceil((text.length + length) / width) + 2
  // hits[b]: pattern positions with a gram on a diagonal in bin b or b + 1, each counted once.
  const hits = new Int32Array(binCount)
  const lastCounted = new Int32Array(binCount).fill(-1)
  for (let i = 0; i + gramLength <= length; i++) {
    const gram = gramHash(pattern, i)
    for (let k = offsets[gram]!, end = offsets[gram + 1]!; k < end; k++) {
      const bin = ((positions[k]! - i + length) / width) | 0
      // Positions come in order, so one pattern position meets each pair in one run.
      if (lastCounted[bin] !== i) {
        lastCounted[bin] = i
        hits[bin]!++
      }
      if (bin > 0 && lastCounted[bin - 1] !== i) {
        lastCounted[bin - 1] = i
        hits[bin - 1]!++
      }
    }
  }
  const span = length + maxErrors
  const regions: Region[] = []
  let regionFrom = -1
  let regionTo = -1
  for (let bin = 0; bin + 1 < binCount; bin++) {
    if (hits[bin]! < threshold) continue
    // Diagonals of the pair; a match on them starts up to `maxErrors` either side of them and
    // spans at most `span` characters.
    const firstDiagonal = bin * width - length
    const from = Math.max(0, firstDiagonal - maxErrors)
    const to = Math.min(text.length, firstDiagonal + 2 * width + maxErrors + span)
    if (from <= regionTo) regionTo = Math.max(regionTo, to)
    else {
      if (regionTo > regionFrom) regions.push({ from: regionFrom, to: regionTo })
      regionFrom = from
      regionTo = to
    }
  }
  if (regionTo > regionFrom) regions.push({ from: regionFrom, to: regionTo })
  return regions
}
