import { fireEvent, render, screen } from '@testing-library/svelte'
import { describe, expect, it, vi } from 'vitest'
import NoticeBanner from '../../../src/renderer/src/components/NoticeBanner.svelte'

describe('NoticeBanner', () => {
  it('announces a recovery as an alert and can be dismissed', async () => {
    const ondismiss = vi.fn()
    render(NoticeBanner, {
      notice: {
        id: 'n1',
        level: 'warning',
        title: 'Recovered from a backup',
        message: 'Your library could not be read.',
      },
      ondismiss,
    })
    expect(screen.getByRole('alert').textContent).toContain(
      'Recovered from a backup. Your library could not be read.',
    )
    await fireEvent.click(screen.getByRole('button', { name: 'Dismiss this message' }))
    expect(ondismiss).toHaveBeenCalledOnce()
  })
})
