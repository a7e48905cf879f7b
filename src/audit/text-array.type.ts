import { ArrayType, type Platform, type TransformContext } from '@mikro-orm/core';

/**
 * A PostgreSQL text[] that round-trips every string exactly. MikroORM's array
 * literal leaves plain elements unquoted, and PostgreSQL trims blanks around an
 * unquoted element and reads a bare NULL as null; the access-log hash covers these
 * values, so each element is always written quoted and escaped.
 */
export class TextArrayType extends ArrayType {
  override convertToDatabaseValue(
    value: string[] | null,
    platform: Platform,
    context?: TransformContext,
  ): string | null {
    if (!Array.isArray(value)) return super.convertToDatabaseValue(value, platform, context);
    return `{${value.map((v) => `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
  }
}
