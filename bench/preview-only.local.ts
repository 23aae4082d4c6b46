import { resolve } from 'node:path'
import { benchPreview } from './preview.bench.ts'
await benchPreview(resolve(process.argv[2] ?? resolve(import.meta.dirname, '../out/renderer')))
