import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DurableJsonAdapter } from '../../../../src/main/store/durable-json-adapter'
import { realFs, type StoreFs } from '../../../../src/main/store/store-fs'
import { tempDirs } from '../../../support/temp-dir'

describe('DurableJsonAdapter', () => {
  const makeDir = tempDirs()

  it('reads null for a file that does not exist yet', async () => {
    const adapter = new DurableJsonAdapter(join(await makeDir(), 'missing.json'))
    expect(await adapter.read()).toBeNull()
  })

  it('writes JSON that reads back, creating the folder, and leaves no temp file', async () => {
    const dir = await makeDir()
    const path = join(dir, 'nested', 'file.json')
    const adapter = new DurableJsonAdapter<{ n: number }>(path)
    await adapter.write({ n: 1 })
    expect(await adapter.read()).toEqual({ n: 1 })
    expect(await readdir(join(dir, 'nested'))).toEqual(['file.json'])
  })

  it('applies concurrent writes one at a time, in call order', async () => {
    const path = join(await makeDir(), 'file.json')
    const adapter = new DurableJsonAdapter<{ n: number }>(path)
    await Promise.all(Array.from({ length: 25 }, (_, n) => adapter.write({ n })))
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ n: 24 })
  })

  it('fsyncs the temp file before renaming it over the target, then fsyncs the folder', async () => {
    const dir = await makeDir()
    const steps: string[] = []
    const tracingFs: StoreFs = {
      ...realFs,
      open: (async (path: string, flags: string, mode?: number) => {
        const handle = await realFs.open(path, flags, mode)
        const kind = path === dir ? 'dir' : 'temp'
        steps.push(`open ${kind}`)
        return Object.assign(Object.create(handle) as typeof handle, {
          sync: async () => {
            steps.push(`sync ${kind}`)
            return handle.sync()
          },
          writeFile: (data: string, encoding: BufferEncoding) => handle.writeFile(data, encoding),
          close: () => handle.close(),
        })
      }) as StoreFs['open'],
      rename: async (from, to) => {
        steps.push('rename')
        return realFs.rename(from, to)
      },
    }
    await new DurableJsonAdapter(join(dir, 'file.json'), tracingFs).write({ ok: true })
    expect(steps).toEqual(['open temp', 'sync temp', 'rename', 'open dir', 'sync dir'])
  })

  it('keeps the old content and removes its temp file when a write fails', async () => {
    const dir = await makeDir()
    const path = join(dir, 'file.json')
    await new DurableJsonAdapter(path).write({ version: 'old' })
    const fullDisk: StoreFs = {
      ...realFs,
      rename: async () => {
        throw Object.assign(new Error('no space'), { code: 'ENOSPC' })
      },
    }
    const failing = new DurableJsonAdapter(path, fullDisk)
    await expect(failing.write({ version: 'new' })).rejects.toThrow('no space')
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ version: 'old' })
    expect(await readdir(dir)).toEqual(['file.json'])
  })

  it('throws on a file that is not JSON, rather than treating it as empty', async () => {
    const dir = await makeDir()
    const path = join(dir, 'file.json')
    await new DurableJsonAdapter(path).write({})
    await realFs.open(path, 'w').then(async (handle) => {
      await handle.writeFile('{"cut', 'utf8')
      await handle.close()
    })
    await expect(new DurableJsonAdapter(path).read()).rejects.toThrow(SyntaxError)
  })
})
