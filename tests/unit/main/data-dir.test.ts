import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveDataDir } from '../../../src/main/data-dir'

describe('resolveDataDir', () => {
  const fallback = '/home/reader/.config/Lectern/library'

  it('uses the OS folder by default', () => {
    expect(resolveDataDir(['electron', '.'], {}, fallback)).toBe(fallback)
  })

  it('prefers --data-dir, in both spellings, over LECTERN_DATA_DIR', () => {
    const env = { LECTERN_DATA_DIR: '/env/dir' }
    expect(resolveDataDir(['app', '--data-dir', 'here'], env, fallback)).toBe(resolve('here'))
    expect(resolveDataDir(['app', '--data-dir=/abs/there'], env, fallback)).toBe('/abs/there')
    expect(resolveDataDir(['app'], env, fallback)).toBe('/env/dir')
  })

  it('ignores an empty value', () => {
    expect(resolveDataDir(['app', '--data-dir='], { LECTERN_DATA_DIR: '' }, fallback)).toBe(
      fallback,
    )
  })
})
