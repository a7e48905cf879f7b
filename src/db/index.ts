/**
 * The database machinery as department modules see it: typed SQL fragments, the
 * batched loaders and signal reads, ingestion contracts, provenance, and what a
 * module's command-line tool needs to open the database. Modules import db only
 * through this file (eslint.config.js enforces it).
 */
export { migrate } from './bootstrap.js';
export { andConditions, childPageLoader, type SqlCondition } from './child-page.loader.js';
export { defineContract, f, ordered, type CrossFieldRule, type IngestContract } from './ingest/contract.js';
export { leanColumns, leanDataMapper, leanProperties, leanRowMapper } from './lean-rows.js';
export { readRows } from './read-batch.js';
export { describeDatabase, type HubOrm } from './orm.js';
export { ProvenanceEntity } from './provenance.entity.js';
export {
  batchedSignalLoad,
  groupByUscc,
  latestAsOf,
  latestAsOfOf,
  latestBy,
  selectRecordsFor,
  sqlDay,
  usccIn,
  type ProvenanceRow,
} from './signal-rows.js';
export {
  andSql,
  joinSql,
  sql,
  sqlColumns,
  sqlIdentifier,
  sqlList,
  sqlTextArray,
  type SqlFragment,
} from './sql.js';
export { openToolOrm } from './tool-errors.js';
