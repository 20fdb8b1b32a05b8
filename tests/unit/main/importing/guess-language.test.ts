import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { guessLanguage } from '../../../../src/main/importing/guess-language'
import { resourcesDir } from '../../../support/services'

describe('guessLanguage', () => {
  it('tells German from English in a single short sentence', () => {
    expect(guessLanguage('Wir treffen uns morgen um acht Uhr am Bahnhof.')).toBe('de')
    expect(guessLanguage('Das Gesetz tritt am ersten Januar in Kraft.')).toBe('de')
    expect(guessLanguage('Investigators say encryption hampers their work.')).toBe('en')
    expect(guessLanguage('We meet tomorrow at eight at the station.')).toBe('en')
  })

  it('names the bundled article English', () => {
    const article = readFileSync(
      join(resourcesDir, 'articles', 'europol-warns-about-e2ee.en.txt'),
      'utf8',
    )
    expect(guessLanguage(article)).toBe('en')
  })

  it('gives two-letter tags where a language has one, beyond the languages of Western Europe', () => {
    expect(guessLanguage('La policía advierte sobre el cifrado, y eso no es nuevo.')).toBe('es')
    expect(guessLanguage('Привет, как дела? Это тестовый текст на русском языке.')).toBe('ru')
  })

  it('does not guess a title, a fragment or figures', () => {
    for (const short of ['Das Kapital', 'Grey herons wait.', 'Untitled', '12345 67890', ''])
      expect(guessLanguage(short)).toBeNull()
  })
})
