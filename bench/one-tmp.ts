import { fullSizes, quickSizes } from './workloads'
import { openLargeDocument } from './chromium-workloads'
void openLargeDocument(process.argv.includes('--full') ? fullSizes : quickSizes).then((r) =>
  console.log(JSON.stringify(r, null, 1)),
)
