export { anchor, minFuzzyQuoteLength, type Anchor } from './anchor'
export { contextLength, describe } from './describe'
export { searchApproximate, type ApproximateMatch } from './approximate-search'
export { reanchorHighlights } from './reanchor'
