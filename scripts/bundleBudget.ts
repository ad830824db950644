/**
 * The admin panel's script sizes after a build: what each page fetches the first time it is
 * shown (compressed with gzip and brotli, as a server or proxy would send it), and a budget for
 * the first load — the sign-in page, then the dashboard — that fails the build when exceeded.
 *
 * It reads the chunk graph written by scripts/chunkGraph.ts (dist/admin.chunks.json).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { ChunkInfo } from './chunkGraph';

/**
 * Compressed (brotli) JS the sign-in page and then the dashboard fetch before their content
 * shows. The dashboard's charts (Chart.js) are fetched on demand beside it and listed apart.
 */
export const FIRST_LOAD_BUDGET = 150 * 1024;

/** The panel's screens: the modules shown on top of the entry (sign-in needs nothing more). */
export const SCREENS: { name: string; modules: string[] }[] = [
  { name: 'sign-in', modules: [] },
  { name: 'dashboard', modules: ['src/components/AppShell.vue', 'src/pages/DashboardPage.vue'] },
  { name: '+ charts', modules: ['src/components/AppShell.vue', 'src/pages/DashboardPage.vue', 'src/components/TrendChart.vue'] },
  { name: 'challenges', modules: ['src/components/AppShell.vue', 'src/pages/ChallengesPage.vue'] },
  { name: 'members', modules: ['src/components/AppShell.vue', 'src/pages/MembersPage.vue'] },
  { name: 'member', modules: ['src/components/AppShell.vue', 'src/pages/MemberDetailPage.vue'] },
  { name: 'announcements', modules: ['src/components/AppShell.vue', 'src/pages/AnnouncementsPage.vue'] },
  { name: 'audit', modules: ['src/components/AppShell.vue', 'src/pages/AuditPage.vue'] },
  { name: 'admins', modules: ['src/components/AppShell.vue', 'src/pages/AdminsPage.vue'] },
];

export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

export interface ScreenSizes extends Sizes {
  name: string;
  files: string[];
}

export interface BudgetReport {
  screens: ScreenSizes[];
  /** Sign-in, then the dashboard: the union of both screens' files. */
  firstLoad: Sizes & { files: string[] };
  budget: number;
  ok: boolean;
}

/** Brotli at its best setting is slow: a file's sizes are computed once per version of it. */
const compressed = new Map<string, Sizes>();

function sizesOf(code: Uint8Array): Sizes {
  return {
    raw: code.byteLength,
    gzip: gzipSync(code, { level: 9 }).byteLength,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).byteLength,
  };
}

/** The chunks a module needs before it runs: its own and everything it imports statically. */
function closure(graph: Map<string, ChunkInfo>, start: string[], into = new Set<string>()): Set<string> {
  const stack = [...start];
  while (stack.length) {
    const file = stack.pop()!;
    if (into.has(file)) continue;
    into.add(file);
    stack.push(...(graph.get(file)?.imports ?? []));
  }
  return into;
}

export function measure(distDir: string, chunksFile: string, budget = FIRST_LOAD_BUDGET): BudgetReport {
  if (!existsSync(chunksFile)) throw new Error(`${chunksFile} is missing: build the admin panel first`);
  const chunks = JSON.parse(readFileSync(chunksFile, 'utf8')) as ChunkInfo[];
  const graph = new Map(chunks.map((c) => [c.file, c]));
  const byModule = new Map(chunks.filter((c) => c.module).map((c) => [c.module, c.file]));
  const entry = chunks.filter((c) => c.isEntry).map((c) => c.file);
  const sizeOfFile = (file: string) => {
    const path = join(distDir, file);
    const st = statSync(path);
    const key = `${path}:${st.size}:${st.mtimeMs}`;
    let s = compressed.get(key);
    if (!s) compressed.set(key, (s = sizesOf(readFileSync(path))));
    return s;
  };
  const total = (files: Iterable<string>): Sizes => {
    const sum = { raw: 0, gzip: 0, brotli: 0 };
    for (const f of files) {
      const s = sizeOfFile(f);
      sum.raw += s.raw;
      sum.gzip += s.gzip;
      sum.brotli += s.brotli;
    }
    return sum;
  };

  const dashboardFiles = new Set<string>();
  const screens = SCREENS.map((screen) => {
    const start = [...entry];
    for (const m of screen.modules) {
      const file = byModule.get(m);
      if (!file) throw new Error(`no chunk for ${m}: is it still loaded on demand?`);
      start.push(file);
    }
    let files = [...closure(graph, start)].sort();
    if (screen.name === 'dashboard') files.forEach((f) => dashboardFiles.add(f));
    // The charts row lists only what the charts add on top of the dashboard.
    if (screen.name === '+ charts') files = files.filter((f) => !dashboardFiles.has(f));
    return { name: screen.name, files, ...total(files) };
  });
  const firstFiles = [...new Set(screens.filter((s) => s.name === 'sign-in' || s.name === 'dashboard').flatMap((s) => s.files))].sort();
  const firstLoad = { files: firstFiles, ...total(firstFiles) };
  return { screens, firstLoad, budget, ok: firstLoad.brotli <= budget };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export function formatReport(r: BudgetReport): string {
  const rows = r.screens.map((s) => `  ${s.name.padEnd(13)} ${kb(s.brotli).padStart(9)} brotli ${kb(s.gzip).padStart(9)} gzip ${kb(s.raw).padStart(10)} raw  (${s.files.length} files)`);
  const verdict = r.ok ? 'within' : 'OVER';
  return [
    'admin panel JS per screen (first visit, everything it fetches; "+ charts": what the dashboard fetches on demand beside it):',
    ...rows,
    `  first load (sign-in, then dashboard): ${kb(r.firstLoad.brotli)} brotli, ${kb(r.firstLoad.gzip)} gzip — ${verdict} the ${kb(r.budget)} budget`,
  ].join('\n');
}

/** Prints the sizes; throws when the first load is over budget (the build then fails). */
export function checkAdminBudget(root: string): void {
  const report = measure(join(root, 'dist/admin'), join(root, 'dist/admin.chunks.json'));
  console.log(formatReport(report));
  if (!report.ok) throw new Error(`admin first load is ${kb(report.firstLoad.brotli)} compressed JS, over the ${kb(report.budget)} budget`);
}
