import type { Signer } from '../../../../electron/core/packages';
import { forgedStatement, renamed, resign, stemOf, statementOf } from '../forge';
import { sha256 } from '../helpers';
import { type PlainEntry } from '../zip-tools';

/**
 * Signature chains attacked with real keys (PACKAGE-FORMAT "The chain of statements"): statements
 * inserted, renamed, covering the wrong statements, or signed twice by one key. chain.test.ts
 * asserts each verdict; the browser verifier spec compares the page's with verifyPackage's.
 */

export interface ChainKeys {
  analyst: Signer;
  supervisor: Signer;
  /** another key, signing under the analyst's name */
  outsider: Signer;
}

type Forgery = (e: PlainEntry[]) => PlainEntry[];
const coverAll = (e: readonly PlainEntry[], upTo: number) =>
  Array.from({ length: upTo }, (_, i) => sha256(statementOf(e, i + 1).bytes));
/** statement 2 renamed to 3, behind an inserted approval by the outsider covering `covers` */
const insertedBeforeGenuine =
  (k: ChainKeys, covers: (e: PlainEntry[]) => string[]): Forgery =>
  (e) => {
    const genuine = statementOf(e, 2).stem;
    const moved = renamed(e, genuine, genuine.replace('signatures/2-', 'signatures/3-'));
    return resign(moved, stemOf(2, k.outsider), k.outsider, forgedStatement(e, k.outsider, 'approved', covers(e)));
  };

/** Forgeries of a package the analyst submitted (statement 1 only). */
export const forgeSubmitted = (k: ChainKeys) => ({
  outsiderReturns: ((e) => [
    ...e,
    ...resign(e, stemOf(2, k.outsider), k.outsider, forgedStatement(e, k.outsider, 'returned', coverAll(e, 1))).slice(
      e.length,
    ),
  ]) as Forgery,
});

/** Forgeries of a package the supervisor approved (statements 1 and 2). */
export const forgeApproved = (k: ChainKeys) => ({
  outsiderReturns: ((e) =>
    resign(
      e,
      stemOf(3, k.outsider),
      k.outsider,
      forgedStatement(e, k.outsider, 'returned', coverAll(e, 2)),
    )) as Forgery,
  thirdCoversOnlyFirst: ((e) =>
    resign(
      e,
      stemOf(3, k.outsider),
      k.outsider,
      forgedStatement(e, k.outsider, 'returned', coverAll(e, 1)),
    )) as Forgery,
  insertedWithEmptyCovers: insertedBeforeGenuine(k, () => []),
  insertedCoveringFirst: insertedBeforeGenuine(k, (e) => coverAll(e, 1)),
  coversReversed: ((e) =>
    resign(
      e,
      stemOf(3, k.outsider),
      k.outsider,
      forgedStatement(e, k.outsider, 'returned', coverAll(e, 2).reverse()),
    )) as Forgery,
  coversTwice: ((e) =>
    resign(
      e,
      stemOf(3, k.outsider),
      k.outsider,
      forgedStatement(e, k.outsider, 'returned', [...coverAll(e, 2), coverAll(e, 1)[0]!]),
    )) as Forgery,
  gap: ((e) =>
    renamed(e, statementOf(e, 2).stem, statementOf(e, 2).stem.replace('signatures/2-', 'signatures/3-'))) as Forgery,
  supervisorSignsTwice: ((e) =>
    resign(
      e,
      stemOf(3, k.supervisor),
      k.supervisor,
      forgedStatement(e, k.supervisor, 'returned', coverAll(e, 2)),
    )) as Forgery,
});

/** A package approved with the key that submitted it (the same vault, its role switched). */
export const selfApproved =
  (selfSupervisor: Signer): Forgery =>
  (e) =>
    resign(
      e,
      stemOf(2, selfSupervisor),
      selfSupervisor,
      forgedStatement(e, selfSupervisor, 'approved', coverAll(e, 1)),
    );
