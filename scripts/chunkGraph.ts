/**
 * A Vite plugin writing the built chunks' graph (file, source module, static and dynamic
 * imports) to a JSON file outside the served folder; scripts/bundleBudget.ts reads it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import type { Plugin } from 'vite';

export interface ChunkInfo {
  file: string;
  /** Source module the chunk was built for, relative to the front-end's root ('' for shared chunks). */
  module: string;
  isEntry: boolean;
  imports: string[];
  dynamicImports: string[];
}

export function chunkGraph(outFile: string): Plugin {
  let root = '';
  return {
    name: 'qadam-chunk-graph',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    generateBundle(_options, bundle) {
      const chunks: ChunkInfo[] = [];
      for (const item of Object.values(bundle)) {
        if (item.type !== 'chunk') continue;
        chunks.push({
          file: item.fileName,
          module: item.facadeModuleId ? relative(root, item.facadeModuleId).replaceAll('\\', '/') : '',
          isEntry: item.isEntry,
          imports: item.imports,
          dynamicImports: item.dynamicImports,
        });
      }
      mkdirSync(dirname(outFile), { recursive: true });
      writeFileSync(outFile, JSON.stringify(chunks, null, 2));
    },
  };
}
