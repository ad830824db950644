import { defineConfig } from 'drizzle-kit';

// The PostgreSQL engine's schema and migrations (the SQLite ones: drizzle.config.ts).
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/db/pg/schema.ts',
  out: './drizzle-pg',
});
