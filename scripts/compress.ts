/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy beside every text file of a built page, so
 * the server sends compressed bytes without compressing per request (server/rest/static.ts).
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TEXT = new Set(['.html', '.js', '.mjs', '.css', '.svg', '.json', '.txt', '.webmanifest', '.xml']);
/** Below this, headers outweigh what compression saves. */
export const MIN_BYTES = 256;

export interface CompressedSizes {
  files: number;
  raw: number;
  br: number;
  gzip: number;
}

export function compressDir(dir: string, totals: CompressedSizes = { files: 0, raw: 0, br: 0, gzip: 0 }): CompressedSizes {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      compressDir(path, totals);
      continue;
    }
    if (!TEXT.has(extname(entry)) || statSync(path).size < MIN_BYTES) continue;
    const raw = readFileSync(path);
    const br = brotliCompressSync(raw, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
    });
    const gz = gzipSync(raw, { level: 9 });
    writeFileSync(`${path}.br`, br);
    writeFileSync(`${path}.gz`, gz);
    totals.files += 1;
    totals.raw += raw.length;
    totals.br += br.length;
    totals.gzip += gz.length;
  }
  return totals;
}
