import type { Page } from '@playwright/test'

/** Drops files on the window as a reader dragging them from their file manager would. */
export async function dropFiles(
  page: Page,
  files: { name: string; content: string | number[]; type?: string }[],
): Promise<void> {
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer()
    for (const file of list) {
      const body = typeof file.content === 'string' ? file.content : new Uint8Array(file.content)
      transfer.items.add(new File([body], file.name, { type: file.type ?? 'text/plain' }))
    }
    return transfer
  }, files)
  await page.dispatchEvent('body', 'dragover', { dataTransfer })
  await page.dispatchEvent('body', 'drop', { dataTransfer })
}
