// The example application's three performance indexes, declared once. Run `npx index-builder build --registry examples/prosaas/db/indexes.ts`.
import { defineIndexes } from 'index-builder';

export default defineIndexes([
  {
    name: 'idx_leads_last_call_direction',
    sql: `CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_leads_last_call_direction
          ON leads (last_call_direction)`,
    critical: false,
    description: 'Index for filtering leads by call direction',
  },
  {
    name: 'idx_call_log_lead_created',
    sql: `CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_call_log_lead_created
          ON call_log (lead_id, created_at DESC)
          WHERE lead_id IS NOT NULL`,
    critical: false,
    description: 'Partial index for call_log lookups',
  },
  {
    name: 'idx_leads_backfill_pending',
    sql: `CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_leads_backfill_pending
          ON leads (id)
          WHERE backfill_status = 'pending'`,
    critical: false,
    description: 'Partial index for backfill operations',
  },
]);
