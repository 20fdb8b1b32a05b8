import { describe, expect, it } from 'vitest'
import { UndoHistory } from '../../../src/renderer/src/lib/undo-history'

function counter() {
  let value = 0
  const log: string[] = []
  const change = (label: string, delta: number, delayMs = 0) => ({
    label,
    undo: async () => {
      await new Promise((resolve) => setTimeout(resolve, delayMs))
      value -= delta
      log.push(`undo ${label}`)
      return true
    },
    redo: async () => {
      value += delta
      log.push(`redo ${label}`)
      return true
    },
  })
  return { change, value: () => value, log }
}

describe('UndoHistory', () => {
  it('undoes and redoes in order, and a new change clears what could be redone', async () => {
    const history = new UndoHistory()
    const c = counter()
    history.record(c.change('a', 1))
    history.record(c.change('b', 10))
    expect(await history.undo()).toBe('b')
    expect(await history.undo()).toBe('a')
    expect(await history.undo()).toBeNull()
    expect(await history.redo()).toBe('a')
    history.record(c.change('c', 100))
    expect(await history.redo()).toBeNull()
    expect(c.value()).toBe(-10)
  })

  it('lets a redo pressed during a slow undo wait for it (regression: quick Ctrl+Z, Ctrl+Shift+Z)', async () => {
    const history = new UndoHistory()
    const c = counter()
    history.record(c.change('slow', 1, 20))
    const undo = history.undo()
    const redo = history.redo()
    expect(await Promise.all([undo, redo])).toEqual(['slow', 'slow'])
    expect(c.log).toEqual(['undo slow', 'redo slow'])
  })

  it('keeps a change whose undo failed', async () => {
    const history = new UndoHistory()
    history.record({ label: 'x', undo: async () => false, redo: async () => true })
    expect(await history.undo()).toBeNull()
    expect(await history.redo()).toBeNull()
  })
})
