import { coversBlocks, type StoredRow } from '../../shared/domain/alignment/edit-alignment'
import { alignBlocks } from '../../shared/domain/alignment/gale-church'
import { fail, ok, type Result } from '../../shared/ipc/result'
import type { DataStore } from '../store/data-store'
import type { LibraryService } from './library-service'
import { storageFailure } from './storage-failure'

/** Two documents' blocks lined up, and whether stored fixes no longer fit changed texts. */
export interface Alignment {
  readonly rows: readonly StoredRow[]
  /** The reader's fixes were made on older versions of the texts; they are kept, not used. */
  readonly hasOutdatedFixes: boolean
}

type Failure = 'not-found' | 'invalid-alignment' | 'storage-failed' | 'read-only'

/**
 * Aligns two documents and keeps the alignment. Automatic rows are recomputed when the texts
 * change; rows the reader fixed by hand are never overwritten: if the texts changed under them,
 * the automatic alignment is shown and the fixes stay stored, flagged as outdated.
 */
export class AlignmentService {
  readonly #store: DataStore
  readonly #library: LibraryService

  constructor(store: DataStore, library: LibraryService) {
    this.#store = store
    this.#library = library
  }

  async get(leftId: string, rightId: string): Promise<Result<Alignment, Failure>> {
    const counts = await this.#blockLengths(leftId, rightId)
    if (!counts.ok) return counts
    const [left, right] = counts.value
    const { file, orient } = await this.#file(leftId, rightId)
    const stored = file.data.rows.map(orient)
    const fits = coversBlocks(stored, left.length, right.length)
    const hasFixes = stored.some((row) => row.isManual)
    if (fits && stored.length > 0) return ok({ rows: stored, hasOutdatedFixes: false })
    const automatic = alignBlocks(left, right).map((row) => ({ ...row, isManual: false }))
    if (!hasFixes && !file.isReadOnly) {
      try {
        await file.update((draft) => {
          draft.rows = automatic.map(orient).map((row) => ({
            left: [...row.left],
            right: [...row.right],
            isManual: false,
          }))
        })
      } catch (error) {
        return storageFailure(error, 'the alignment')
      }
    }
    return ok({ rows: automatic, hasOutdatedFixes: hasFixes })
  }

  /** Stores rows the reader edited; they must still cover both texts exactly. */
  async save(
    leftId: string,
    rightId: string,
    rows: readonly StoredRow[],
  ): Promise<Result<Alignment, Failure>> {
    const counts = await this.#blockLengths(leftId, rightId)
    if (!counts.ok) return counts
    if (!coversBlocks(rows, counts.value[0].length, counts.value[1].length)) {
      return fail(
        'invalid-alignment',
        'That alignment leaves out or repeats a paragraph; it was not saved.',
      )
    }
    try {
      const { file, orient } = await this.#file(leftId, rightId)
      await file.update((draft) => {
        draft.rows = rows.map(orient).map((row) => ({
          left: [...row.left],
          right: [...row.right],
          isManual: row.isManual,
        }))
      })
      return ok({ rows, hasOutdatedFixes: false })
    } catch (error) {
      return storageFailure(error, 'the alignment')
    }
  }

  /**
   * A pair is stored once, under its ids in sorted order, whichever side the reader puts each
   * document on; `orient` swaps the sides of a row when the request is the other way round (it is
   * its own inverse).
   */
  async #file(leftId: string, rightId: string) {
    const isSwapped = leftId > rightId
    const file = await this.#store.alignment(
      isSwapped ? rightId : leftId,
      isSwapped ? leftId : rightId,
    )
    const orient = (row: StoredRow): StoredRow =>
      isSwapped ? { left: row.right, right: row.left, isManual: row.isManual } : row
    return { file, orient }
  }

  async #blockLengths(
    leftId: string,
    rightId: string,
  ): Promise<Result<[number[], number[]], 'not-found'>> {
    const [left, right] = await Promise.all([
      this.#library.open(leftId),
      this.#library.open(rightId),
    ])
    if (!left.ok) return left
    if (!right.ok) return right
    const lengths = (segments: readonly { start: number; end: number }[]) =>
      segments.map((s) => s.end - s.start)
    return ok([lengths(left.value.content.segments), lengths(right.value.content.segments)])
  }
}
