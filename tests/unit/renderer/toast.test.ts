import { fireEvent, render, screen } from '@testing-library/svelte'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import Toast from '../../../src/renderer/src/components/Toast.svelte'
import NoticeBanner from '../../../src/renderer/src/components/NoticeBanner.svelte'

describe('Toast', () => {
  beforeEach(() => void vi.useFakeTimers())
  afterEach(() => void vi.useRealTimers())

  it('lets a confirmation fade after a few seconds', () => {
    const ondismiss = vi.fn()
    render(Toast, { tone: 'status', message: 'Backed up your library.', ondismiss })
    expect(screen.getByRole('status').textContent).toContain('Backed up your library.')
    vi.advanceTimersByTime(4999)
    expect(ondismiss).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(ondismiss).toHaveBeenCalledOnce()
  })

  it('keeps a problem until the reader dismisses it', async () => {
    const ondismiss = vi.fn()
    render(Toast, { message: 'The file could not be read.', ondismiss })
    vi.advanceTimersByTime(10 * 60_000)
    expect(ondismiss).not.toHaveBeenCalled()
    await fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }))
    expect(ondismiss).toHaveBeenCalledOnce()
  })

  it('holds a confirmation while the pointer is on it, then fades it', async () => {
    const ondismiss = vi.fn()
    render(Toast, { tone: 'status', message: 'Saved.', ondismiss })
    await fireEvent.pointerEnter(screen.getByRole('status'))
    vi.advanceTimersByTime(60_000)
    expect(ondismiss).not.toHaveBeenCalled()
    await fireEvent.pointerLeave(screen.getByRole('status'))
    vi.advanceTimersByTime(5000)
    expect(ondismiss).toHaveBeenCalledOnce()
  })

  it('takes a confirmation away when the view changes', async () => {
    const ondismiss = vi.fn()
    const toast = render(Toast, {
      tone: 'status',
      message: 'Saved.',
      dismissOn: 'reader',
      ondismiss,
    })
    expect(ondismiss).not.toHaveBeenCalled()
    await toast.rerender({ tone: 'status', message: 'Saved.', dismissOn: 'library', ondismiss })
    expect(ondismiss).toHaveBeenCalled()
  })
})

describe('NoticeBanner timing', () => {
  beforeEach(() => void vi.useFakeTimers())
  afterEach(() => void vi.useRealTimers())

  const notice = { id: 'n1', title: 'Imported', message: 'Two documents were added.' }

  it('lets information fade and keeps a warning', () => {
    const informed = vi.fn()
    const warned = vi.fn()
    render(NoticeBanner, { notice: { ...notice, level: 'info' }, ondismiss: informed })
    render(NoticeBanner, { notice: { ...notice, id: 'n2', level: 'warning' }, ondismiss: warned })
    vi.advanceTimersByTime(10 * 60_000)
    expect(informed).toHaveBeenCalledOnce()
    expect(warned).not.toHaveBeenCalled()
  })
})
