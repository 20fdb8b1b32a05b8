export { anchor, anchorAll, minFuzzyQuoteLength, type Anchor } from './anchor'
export { contextLength, describe } from './describe'
export {
  searchApproximate,
  searchApproximateEverywhere,
  type ApproximateMatch,
} from './approximate-search'
export { indexGrams, regionsToScan, type GramIndex, type Region } from './gram-filter'
export { reanchorHighlights } from './reanchor'
