/** A change the reader can take back and do again. Each step resolves false if it failed. */
export interface UndoableChange {
  /** What the change was, for announcements: "Highlight created". */
  readonly label: string
  readonly undo: () => Promise<boolean>
  readonly redo: () => Promise<boolean>
}

/** Undo and redo stacks of one document's changes. */
export class UndoHistory {
  readonly #done: UndoableChange[] = []
  readonly #undone: UndoableChange[] = []
  /** Oldest changes are forgotten beyond this many. */
  readonly #limit: number

  constructor(limit = 200) {
    this.#limit = limit
  }

  /** Records a change just made; anything undone before it can no longer be redone. */
  record(change: UndoableChange): void {
    this.#done.push(change)
    if (this.#done.length > this.#limit) this.#done.shift()
    this.#undone.length = 0
  }

  /** Takes back the last change; null when there is none or it failed (it stays then). */
  async undo(): Promise<string | null> {
    const change = this.#done.pop()
    if (!change) return null
    if (!(await change.undo())) {
      this.#done.push(change)
      return null
    }
    this.#undone.push(change)
    return change.label
  }

  /** Does the last undone change again. */
  async redo(): Promise<string | null> {
    const change = this.#undone.pop()
    if (!change) return null
    if (!(await change.redo())) {
      this.#undone.push(change)
      return null
    }
    this.#done.push(change)
    return change.label
  }
}
