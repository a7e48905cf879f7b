import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { BadInputError } from '../common/errors.js';

@ObjectType('PageInfo')
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface Edge<T> {
  readonly node: T;
  readonly cursor: string;
}

export interface Connection<T> {
  readonly edges: readonly Edge<T>[];
  readonly pageInfo: PageInfo;
  /** A getter may compute it, so a count query runs only when a client asks for it. */
  readonly totalCount: number | Promise<number>;
}

/**
 * Builds the `XConnection` and `XEdge` object types of a Relay-style connection.
 */
export function connectionType<T extends object>(node: ClassType<T>, name: string): ClassType<Connection<T>> {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field(() => node)
    node!: T;

    @Field(() => String, { description: 'Opaque cursor; pass it as `after` to continue after this edge.' })
    cursor!: string;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionType {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Number of items matching the filter, over all pages.' })
    totalCount!: number;
  }
  return ConnectionType;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: 'Page size (default 50, at most 1000 unless configured).',
  })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Cursor of the edge after which the page starts.' })
  after?: string;
}

export interface PageLimits {
  readonly defaultPageSize: number;
  readonly maxPageSize: number;
}

/** Applies the default and the cap; a size outside 1..cap is a coded input error naming `first`. */
export function pageSize(first: number | undefined | null, limits: PageLimits): number {
  if (first === undefined || first === null) return limits.defaultPageSize;
  if (!Number.isInteger(first) || first < 1 || first > limits.maxPageSize) {
    throw new BadInputError(`first must be between 1 and ${limits.maxPageSize}, got ${first}`, {
      argument: 'first',
      max: limits.maxPageSize,
    });
  }
  return first;
}

/** Cursors of nested lists: an opaque offset, valid only for the same list and filter. */
export function encodeOffsetCursor(offset: number): string {
  return Buffer.from(`o:${offset}`, 'utf8').toString('base64url');
}

export function decodeOffsetCursor(after: string | undefined | null): number {
  if (after === undefined || after === null) return 0;
  const text = Buffer.from(after, 'base64url').toString('utf8');
  const match = /^o:(\d{1,9})$/.exec(text);
  if (!match) throw new BadInputError('after is not a cursor issued by this list', { argument: 'after' });
  return Number(match[1]);
}

/** An edge whose cursor is encoded only if the query selects it. */
class OffsetEdge<T> {
  constructor(
    readonly node: T,
    private readonly position: number,
  ) {}

  get cursor(): string {
    return encodeOffsetCursor(this.position);
  }
}

/** pageInfo of an offset page; its cursors, like the edges', are encoded only when read. */
class OffsetPageInfo {
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;

  constructor(
    private readonly offset: number,
    private readonly count: number,
    totalCount: number,
  ) {
    this.hasNextPage = offset + count < totalCount;
    this.hasPreviousPage = offset > 0;
  }

  get startCursor(): string | null {
    return this.count > 0 ? encodeOffsetCursor(this.offset + 1) : null;
  }

  get endCursor(): string | null {
    return this.count > 0 ? encodeOffsetCursor(this.offset + this.count) : null;
  }
}

/**
 * A page of a nested list. A page of 200 enterprises holds thousands of edges, and
 * most queries select no cursor, so none is encoded unless asked for.
 */
export function offsetConnection<T>(items: readonly T[], offset: number, totalCount: number): Connection<T> {
  return {
    edges: items.map((node, i) => new OffsetEdge(node, offset + i + 1)),
    totalCount,
    pageInfo: new OffsetPageInfo(offset, items.length, totalCount),
  };
}
