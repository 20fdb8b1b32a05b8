/** Sizes of the full benchmark and of the quick one CI runs. */
export interface Sizes {
  readonly textBytes: number
  readonly highlights: number
  readonly documents: number
  readonly highlightsPerDocument: number
  readonly searchDocuments: number
  readonly searchDocumentBytes: number
  readonly runs: number
}

export const fullSizes: Sizes = {
  textBytes: 1_000_000,
  highlights: 500,
  documents: 100,
  highlightsPerDocument: 1000,
  searchDocuments: 100,
  searchDocumentBytes: 100_000,
  runs: 5,
}
export const quickSizes: Sizes = {
  textBytes: 200_000,
  highlights: 100,
  documents: 10,
  highlightsPerDocument: 100,
  searchDocuments: 10,
  searchDocumentBytes: 50_000,
  runs: 3,
}
