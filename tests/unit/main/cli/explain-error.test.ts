import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { explainError } from '../../../../src/main/cli/explain-error'

describe('explainError', () => {
  const zodError = z.object({ id: z.string().regex(/^[a-z]+$/) }).safeParse({ id: '../x' }).error

  it('never prints a schema dump, a stack or a bare code', () => {
    const said = explainError(zodError, false)
    expect(said).toBe(
      'The command stopped because of an unexpected problem. Run it again with LECTERN_DEBUG=1 to see the details.',
    )
    const loop = Object.assign(new Error('ELOOP: too many symbolic links'), {
      code: 'ELOOP',
      path: '/data/lib',
    })
    expect(explainError(loop, false)).toMatch(
      /^\/data\/lib could not be used: a link on its path leads back to itself\. Run it again/,
    )
    const full = Object.assign(new Error('ENOSPC: no space left'), { code: 'ENOSPC' })
    expect(explainError(full, false)).toMatch(/^The command stopped because the disk is full\./)
    expect(explainError('a string', false)).not.toMatch(/a string/)
  })

  it('adds the detail when asked to debug', () => {
    expect(explainError(zodError, true)).toMatch(/\n.*ZodError|\n\s+at /)
  })
})
