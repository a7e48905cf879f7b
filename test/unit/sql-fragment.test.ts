import { describe, expect, it } from '@jest/globals';
import { andSql, sql, sqlColumns, sqlIdentifier, sqlList } from '../../src/db/sql.js';

describe('the sql tagged template', () => {
  it('binds every interpolated value as a placeholder, strings included', () => {
    const evil = "x'; drop table credit_penalty; --";
    const f = sql`t.status = ${evil} and t.year >= ${2024}`;
    expect(f.sql).toBe('t.status = ? and t.year >= ?');
    expect(f.params).toEqual([evil, 2024]);
  });

  it('splices a fragment with its own values in order', () => {
    const inner = sql`t.removal_reason is null or t.removal_reason = ${'EXPIRED'}`;
    const f = sql`(${inner}) or t.department = ${'TAX'}`;
    expect(f.sql).toBe('(t.removal_reason is null or t.removal_reason = ?) or t.department = ?');
    expect(f.params).toEqual(['EXPIRED', 'TAX']);
  });

  it('joins conditions with AND, parenthesised, and nothing as undefined', () => {
    const f = andSql([sql`t.a = ${1}`, sql`t.b is null`, sql`t.c <= ${2} and t.d >= ${3}`]);
    expect(f?.sql).toBe('(t.a = ?) and (t.b is null) and (t.c <= ? and t.d >= ?)');
    expect(f?.params).toEqual([1, 2, 3]);
    expect(andSql([])).toBeUndefined();
  });

  it('lists values as placeholders and quotes only plain identifiers', () => {
    const f = sql`t.uscc in (${sqlList(['A', 'B', 'C'])})`;
    expect(f.sql).toBe('t.uscc in (?, ?, ?)');
    expect(f.params).toEqual(['A', 'B', 'C']);
    expect(
      sql`select ${sqlColumns(['uscc', 'as_of'])} from ${sqlIdentifier('registry_enterprise')}`.sql,
    ).toBe('select "uscc", "as_of" from "registry_enterprise"');
    expect(() => sqlIdentifier('registry_enterprise"; drop')).toThrow(TypeError);
  });
});
