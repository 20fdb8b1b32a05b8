import { describe, expect, it } from 'vitest'
import { decodeText, maxTextFileBytes } from '../../../../src/main/importing/decode-text'

const utf8 = (text: string) => new TextEncoder().encode(text)

describe('decodeText', () => {
  it('reads UTF-8 and drops a byte-order mark', () => {
    expect(decodeText(utf8('\uFEFFGrüße, 世界'), 'a.txt')).toEqual({
      ok: true,
      value: 'Grüße, 世界',
    })
  })

  it('reads UTF-16 with a byte-order mark', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x48, 0x00, 0x69, 0x00])
    expect(decodeText(bytes, 'a.txt')).toEqual({ ok: true, value: 'Hi' })
  })

  it('refuses an empty file, naming it', () => {
    const result = decodeText(new Uint8Array(), 'notes.txt')
    expect(result).toMatchObject({ ok: false, error: { code: 'empty' } })
    expect(!result.ok && result.error.message).toContain('“notes.txt” is empty')
  })

  it('refuses a file of blank space', () => {
    expect(decodeText(utf8(' \n\t\r\n'), 'a.txt')).toMatchObject({
      ok: false,
      error: { code: 'empty' },
    })
  })

  it('refuses binary data', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])
    expect(decodeText(png, 'photo.txt')).toMatchObject({ ok: false, error: { code: 'binary' } })
  })

  it('refuses text full of control characters', () => {
    const noisy = utf8('abc\u0001\u0002\u0003\u0004def'.repeat(10))
    expect(decodeText(noisy, 'a.txt')).toMatchObject({ ok: false, error: { code: 'binary' } })
  })

  it('refuses invalid UTF-8 with advice', () => {
    const latin1 = new Uint8Array([0x47, 0x72, 0xfc, 0xdf, 0x65]) // "Grüße" in Latin-1
    const result = decodeText(latin1, 'old.txt')
    expect(result).toMatchObject({ ok: false, error: { code: 'encoding' } })
    expect(!result.ok && result.error.message).toMatch(/not valid UTF-8.*Save it as UTF-8/)
  })

  it('refuses a file over the size limit', () => {
    const big = new Uint8Array(maxTextFileBytes + 1).fill(0x61)
    expect(decodeText(big, 'big.txt')).toMatchObject({ ok: false, error: { code: 'too-large' } })
  })
})
