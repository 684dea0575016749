/**
 * What an app contributes to the tenant isolation suite (test/isolation.test.ts): a file
 * `src/modules/<app>/test/isolation.ts` default-exporting an `IsolationFixture`. The suite calls
 * every tenant route of the OpenAPI document on tenant A with tenant B's credentials, and with A's
 * credentials on B's ids; the fixture says how to reach the app's routes and what of B's must
 * never come back.
 */
import type { TestContext } from './harness.ts';

/**
 * A valid body for a mutation, so that the call gets past validation to the tenant checks: JSON
 * (strings `B_<NAME>` in it are replaced by B's ids of that name, from the suite or a fixture's
 * setup; `B_EMAIL` by B's admin's email), a small PDF or CSV file, or none.
 */
export type Sample = object | 'pdf' | 'csv' | undefined;

/** One of the two tenants, with the headers of its administrator (tenant and platform admin). */
export type IsolationTenant = Readonly<{ id: string; slug: string; admin: Record<string, string> }>;

/** What a fixture's setup is given: the app is already live in both tenants. */
export type IsolationContext = Readonly<{
  t: TestContext;
  a: IsolationTenant;
  b: IsolationTenant;
  /** B's ids created by the kernel's setup so far: `B_AGENCY` (B's agency), `B_USER` (B's admin)… */
  ids: Readonly<Record<string, string>>;
}>;

/** B's ids by name, each `B_<NAME>` (capitals): none may appear in any answer to a call on A. */
export type Ids = Readonly<Record<string, string>>;

export type IsolationFixture = Readonly<{
  /** A sample for each of the app's mutations, by `METHOD /path` (the OpenAPI path after `/t/{tenant}`). */
  samples: Readonly<Record<string, Sample>>;
  /**
   * Writes a citizen may make without an account: another tenant's credentials count as no
   * credentials there, so they may succeed as anonymous calls on A's own data, or be refused.
   */
  anonymousWrites?: readonly string[];
  /** Reads that need a signed-in caller: B's credentials are refused there. */
  signedInReads?: readonly string[];
  /**
   * Reads a protocol makes by POST (CKAN's Action API takes its parameters as a JSON body): no
   * sample is needed, and they are checked as reads — B's ids and credentials get nothing of B.
   */
  postReads?: readonly string[];
  /** Writes the app's data in A (what B's calls could reach there) and in B; returns B's ids and secrets. */
  setup(ctx: IsolationContext): Promise<Ids>;
  /** Texts of B's data that must never appear in an answer on A. */
  leaks: readonly string[];
  /**
   * The path with its parameters filled with B's ids, or undefined when the path is not the app's.
   * Every parameter of the app's paths must be filled.
   */
  fill(path: string, ids: Ids): string | undefined;
  /** The query string a read of the app needs (with its `?`), or undefined for none. */
  query?(path: string, ids: Ids): string | undefined;
}>;
