/**
 * Check implementations by id. A rule set lists ids with parameters; the validator looks each one
 * up here. Adding a check is: a factory, an entry below, and its parameters in CheckRule.
 */
import { agentIdVariant, endBeforeStart, overlappingStates, staleOpenState } from './agent-state-checks';
import type { CheckContext, CheckFactory, RowCheck } from './check-types';
import { duplicateKey, queueRenamed } from './queue-checks';
import type { CheckId, CheckRule } from './rule-set-types';
import {
  answeredExceedsOffered,
  flagNot01,
  futureTimestamp,
  negativeCount,
  offGrid,
  unknownChannel,
} from './value-checks';

type Registry = { readonly [K in CheckId]: CheckFactory<Extract<CheckRule, { id: K }>> };

export const CHECKS: Registry = {
  'negative-count': negativeCount,
  'answered-exceeds-offered': answeredExceedsOffered,
  'flag-not-01': flagNot01,
  'unknown-channel': unknownChannel,
  'off-grid': offGrid,
  'future-timestamp': futureTimestamp,
  'duplicate-key': duplicateKey,
  'queue-renamed': queueRenamed,
  'end-before-start': endBeforeStart,
  'overlapping-states': overlappingStates,
  'stale-open-state': staleOpenState,
  'agent-id-variant': agentIdVariant,
};

export function createCheck<R extends CheckRule>(rule: R, context: CheckContext): RowCheck {
  // TypeScript cannot correlate rule.id with the factory's parameter type; the Registry type keeps them paired.
  const factory = CHECKS[rule.id] as CheckFactory<R>;
  return factory(rule, context);
}
