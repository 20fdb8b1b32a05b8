import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

// The layers of src/ point one way (docs/architecture.md, "Layout"): shared is pure, the
// renderer and the preload reach main only through the contract, and the store knows nothing of
// the services built on it. ESLint keeps Node and Electron out of shared; this test keeps the
// relative imports in line and the main and shared modules free of cycles. It reads the files
// with TypeScript's own pre-processor (comments and strings are not mistaken for imports), so it
// needs no dependency of its own.

const root = resolve(import.meta.dirname, '../../..')
const src = join(root, 'src')

/** A file and what it imports, as paths relative to the repository, with '/' separators. */
type ImportGraph = ReadonlyMap<string, readonly string[]>

/** Both graphs: every import, and only the imports that remain at run time. */
type ImportGraphs = { readonly all: ImportGraph; readonly runtime: ImportGraph }

/**
 * Cycles that exist today and are accepted for now, each with why; empty is the goal. Each
 * must still exist (a test says so), so a fixed one is taken off the list.
 */
const knownCycles: readonly { readonly path: string; readonly why: string }[] = []

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(ts|svelte)$/.test(name) && !name.endsWith('.d.ts') ? [path] : []
  })
}

function scriptOf(path: string, text: string): string {
  if (!path.endsWith('.svelte')) return text
  return [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n')
}

/** One import of a file: its specifier, and whether only types cross it (erased at build). */
type Import = { readonly specifier: string; readonly typeOnly: boolean }

/** Static imports, re-exports, dynamic `import('…')` calls and `import('…')` types of a file. */
function importsOf(path: string, text: string): Import[] {
  const source = ts.createSourceFile(path, scriptOf(path, text), ts.ScriptTarget.Latest, false)
  const found: Import[] = []
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause
      const named = clause?.namedBindings
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined &&
            named !== undefined &&
            ts.isNamedImports(named) &&
            named.elements.length > 0 &&
            named.elements.every((e) => e.isTypeOnly)))
      found.push({ specifier: node.moduleSpecifier.text, typeOnly })
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier !== undefined &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      const named = node.exportClause
      const typeOnly =
        node.isTypeOnly ||
        (named !== undefined &&
          ts.isNamedExports(named) &&
          named.elements.length > 0 &&
          named.elements.every((e) => e.isTypeOnly))
      found.push({ specifier: node.moduleSpecifier.text, typeOnly })
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] !== undefined &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push({ specifier: node.arguments[0].text, typeOnly: false })
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      found.push({ specifier: node.argument.literal.text, typeOnly: true })
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

/** The file a relative (or `$shared/…`) specifier names, or undefined for a package. */
function resolveSpecifier(fromFile: string, specifier: string): string | undefined {
  let base: string
  if (specifier.startsWith('$shared/')) base = join(src, 'shared', specifier.slice(8))
  else if (specifier.startsWith('.')) base = resolve(dirname(fromFile), specifier)
  else return undefined
  const candidates = [
    base,
    `${base}.ts`,
    `${base}.svelte`,
    base.replace(/\.js$/, '.ts'),
    join(base, 'index.ts'),
  ]
  const found = candidates.find((c) => existsSync(c) && statSync(c).isFile())
  if (found === undefined) throw new Error(`${rel(fromFile)} imports '${specifier}', not found`)
  return found
}

function rel(path: string): string {
  return relative(root, path).split(sep).join('/')
}

function buildGraphs(): ImportGraphs {
  const all = new Map<string, string[]>()
  const runtime = new Map<string, string[]>()
  for (const file of sourceFiles(src)) {
    const imports = importsOf(file, readFileSync(file, 'utf8')).flatMap((i) => {
      const target = resolveSpecifier(file, i.specifier)
      return target === undefined ? [] : [{ target: rel(target), typeOnly: i.typeOnly }]
    })
    all.set(rel(file), [...new Set(imports.map((i) => i.target))])
    runtime.set(rel(file), [...new Set(imports.filter((i) => !i.typeOnly).map((i) => i.target))])
  }
  return { all, runtime }
}

/**
 * Every elementary cycle's shape is not needed: one cycle per strongly connected component is
 * enough to name the problem. Tarjan's algorithm finds the components; a breadth-first search
 * inside each gives a shortest cycle through its first file, written `a → b → a`.
 */
function findCycles(graph: ImportGraph, within: (file: string) => boolean): string[] {
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const components: string[][] = []
  let next = 0
  const edges = (file: string) => (graph.get(file) ?? []).filter(within)

  const visit = (file: string): void => {
    index.set(file, next)
    low.set(file, next)
    next += 1
    stack.push(file)
    onStack.add(file)
    for (const target of edges(file)) {
      if (!index.has(target)) {
        visit(target)
        low.set(file, Math.min(low.get(file)!, low.get(target)!))
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file)!, index.get(target)!))
      }
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = []
      let member: string
      do {
        member = stack.pop()!
        onStack.delete(member)
        component.push(member)
      } while (member !== file)
      const selfLoop = component.length === 1 && edges(file).includes(file)
      if (component.length > 1 || selfLoop) components.push(component)
    }
  }
  for (const file of [...graph.keys()].filter(within).sort()) if (!index.has(file)) visit(file)

  return components.map((component) => {
    const members = new Set(component)
    const start = [...component].sort()[0]
    const previous = new Map<string, string>()
    const queue = [start]
    while (queue.length > 0) {
      const file = queue.shift()!
      for (const target of edges(file).filter((t) => members.has(t))) {
        if (target === start) {
          const path = [start]
          for (let at = file; at !== start; at = previous.get(at)!) path.splice(1, 0, at)
          return [...path, start].join(' → ')
        }
        if (!previous.has(target)) {
          previous.set(target, file)
          queue.push(target)
        }
      }
    }
    return component.join(' → ')
  })
}

function importsAgainst(
  graph: ImportGraph,
  from: (file: string) => boolean,
  forbidden: (target: string) => boolean,
): string[] {
  return [...graph]
    .filter(([file]) => from(file))
    .flatMap(([file, targets]) => targets.filter(forbidden).map((t) => `${file} → ${t}`))
}

const under = (folder: string) => (file: string) => file.startsWith(`src/${folder}/`)

describe('the import graph of src/', () => {
  const { all: graph, runtime } = buildGraphs()
  const mainOrShared = (f: string) => under('main')(f) || under('shared')(f)

  it('reads every kind of import the code uses, and tells type-only ones apart', () => {
    const text = [
      "import type { A } from './a'",
      "import {\n  b,\n} from '../b'",
      "export { c } from './c'",
      "export * from './d'",
      "const e = await import('./e')",
      "import './f.css'",
      "import { type G } from './g'",
      "export type { H } from './h'",
      "type I = typeof import('./i')",
      "// import { j } from './j'",
      'const k = "from \'./k\'"',
    ].join('\n')
    expect(importsOf('x.ts', text)).toEqual([
      { specifier: './a', typeOnly: true },
      { specifier: '../b', typeOnly: false },
      { specifier: './c', typeOnly: false },
      { specifier: './d', typeOnly: false },
      { specifier: './e', typeOnly: false },
      { specifier: './f.css', typeOnly: false },
      { specifier: './g', typeOnly: true },
      { specifier: './h', typeOnly: true },
      { specifier: './i', typeOnly: true },
    ])
    const svelte =
      "<script lang=\"ts\">\n  import X from './X.svelte'\n</script>\n<p>from './no'</p>"
    expect(importsOf('X.svelte', svelte)).toEqual([{ specifier: './X.svelte', typeOnly: false }])
  })

  it('covers the tree: hundreds of files, and the edges it is known to have', () => {
    expect(graph.size).toBeGreaterThan(200)
    expect(runtime.get('src/main/importing/read-off-thread.ts')).toContain(
      'src/main/importing/import-format.ts',
    )
    expect(graph.get('src/shared/domain/anchoring/index.ts')).toContain(
      'src/shared/domain/anchoring/anchor.ts',
    )
    expect(graph.get('src/renderer/src/App.svelte')?.length).toBeGreaterThan(0)
  })

  it('names a cycle as a readable path, and only files inside the checked part count', () => {
    const sample = new Map([
      ['a', ['b']],
      ['b', ['c', 'x']],
      ['c', ['a']],
      ['x', ['a']],
      ['d', ['d']],
      ['e', ['f']],
    ])
    expect(findCycles(sample, () => true).sort()).toEqual(['a → b → c → a', 'd → d'])
    expect(findCycles(sample, (f) => f !== 'c' && f !== 'x')).toEqual(['d → d'])
  })

  it('has no cycles at run time among the files of src/main and src/shared', () => {
    expect(findCycles(runtime, mainOrShared)).toEqual([])
  })

  it('has no cycles among the files of src/main and src/shared, counting type imports', () => {
    const accepted = new Set(knownCycles.map((c) => c.path))
    expect(findCycles(graph, mainOrShared).filter((c) => !accepted.has(c))).toEqual([])
  })

  it('lists no accepted cycle that is gone (so the allow-list only shrinks)', () => {
    const cycles = new Set(findCycles(graph, mainOrShared))
    expect(knownCycles.map((c) => c.path).filter((c) => !cycles.has(c))).toEqual([])
  })

  it('keeps src/shared pure: it imports nothing from main, the renderer or the preload', () => {
    const other = (t: string) => under('main')(t) || under('renderer')(t) || under('preload')(t)
    expect(importsAgainst(graph, under('shared'), other)).toEqual([])
  })

  it('keeps the renderer out of main', () => {
    expect(importsAgainst(graph, under('renderer'), under('main'))).toEqual([])
  })

  it('lets the preload import only src/shared', () => {
    expect(importsAgainst(graph, under('preload'), (t) => !under('shared')(t))).toEqual([])
  })

  it('keeps the store below the services: src/main/store imports nothing from services', () => {
    const services = (t: string) => t.startsWith('src/main/services/')
    expect(importsAgainst(graph, (f) => f.startsWith('src/main/store/'), services)).toEqual([])
  })
})
