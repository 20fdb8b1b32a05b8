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
  /** Undo and redo run one after another: a quick second key press waits for the first. */
  #queue: Promise<unknown> = Promise.resolve()

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
  undo(): Promise<string | null> {
    return this.#enqueue(() => this.#step(this.#done, this.#undone, 'undo'))
  }

  /** Does the last undone change again. */
  redo(): Promise<string | null> {
    return this.#enqueue(() => this.#step(this.#undone, this.#done, 'redo'))
  }

  #enqueue(step: () => Promise<string | null>): Promise<string | null> {
    const run = this.#queue.then(step)
    this.#queue = run.catch(() => undefined)
    return run
  }

  async #step(
    from: UndoableChange[],
    to: UndoableChange[],
    direction: 'undo' | 'redo',
  ): Promise<string | null> {
    const change = from.pop()
    if (!change) return null
    if (!(await change[direction]())) {
      from.push(change)
      return null
    }
    to.push(change)
    return change.label
  }
}
