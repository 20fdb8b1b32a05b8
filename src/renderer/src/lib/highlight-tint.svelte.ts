/**
 * Whether highlights are painted as a tint behind the text or, quietly, as a thin underline in
 * their label's colour. Quiet is the default: a first reader meets the bundled article with a dozen
 * evidence highlights, and a tint behind almost every sentence drowns the text. The choice is a
 * view preference kept in this window's local storage, not a library setting.
 */
class HighlightTint {
  isTinted = $state(readStored())

  /** Switches between tinted and underlined highlights and remembers the choice. */
  toggle(): void {
    this.isTinted = !this.isTinted
    try {
      localStorage.setItem(storageKey, this.isTinted ? 'tinted' : 'quiet')
    } catch {
      // Storage refused (private mode, full): the choice holds for this window only.
    }
    this.apply()
  }

  /** Marks the document root so the painter's stylesheet picks the matching style. */
  apply(): void {
    document.documentElement.dataset['highlights'] = this.isTinted ? 'tinted' : 'quiet'
  }
}

const storageKey = 'lectern.highlights'

function readStored(): boolean {
  try {
    return localStorage.getItem(storageKey) === 'tinted'
  } catch {
    return false
  }
}

/** The window's one highlight style. */
export const highlightTint = new HighlightTint()
