import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

/** The words of the bundled article: real English vocabulary with realistic repetition. */
const articleWords = readFileSync(
  resolve(__dirname, '../../resources/articles/europol-warns-about-e2ee.en.txt'),
  'utf8',
)
  .split(/\s+/)
  .filter((word) => word.length > 0)

/** A small seeded generator (mulberry32): the same seed gives the same text on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Prose of about `length` characters made of the article's words in random order. */
export function generateProse(random: () => number, length: number): string {
  const words: string[] = []
  let size = 0
  while (size < length) {
    const word = articleWords[Math.floor(random() * articleWords.length)]!
    words.push(word)
    size += word.length + 1
    if (random() < 0.04) words.push('\n\n')
  }
  return words.join(' ').slice(0, length)
}

/** A random integer in [min, max]. */
export function randomInt(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1))
}
