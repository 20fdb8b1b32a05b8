import { describe, expect, it } from 'vitest'
import { storageFailure } from '../../../../src/main/services/storage-failure'
import { ReadOnlyStoreError } from '../../../../src/main/store/stored-file'

describe('storageFailure', () => {
  it('says in plain words that the disk is full and nothing changed', () => {
    const error = Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
    expect(storageFailure(error, 'your settings')).toEqual({
      ok: false,
      error: {
        code: 'storage-failed',
        message:
          'Lectern could not save your settings because the disk is full. Nothing was changed.',
      },
    })
  })

  it('reports a read-only file as such', () => {
    expect(storageFailure(new ReadOnlyStoreError('Your library'), 'x')).toMatchObject({
      ok: false,
      error: { code: 'read-only' },
    })
  })

  it('falls back to an unexpected error', () => {
    expect(storageFailure(new Error('boom'), 'x')).toMatchObject({
      error: {
        message: 'Lectern could not save x because of an unexpected error. Nothing was changed.',
      },
    })
  })
})
