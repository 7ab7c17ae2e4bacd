import type { Policy } from '../policy/policy';
import type { NoticeSettings } from './build-notice';

/**
 * Removed terrorist content is kept six months for the authorities under EU Regulation 2021/784
 * (Art. 6); without a unit rule of its own, a notice asks for the same.
 */
export const DEFAULT_PRESERVATION_DAYS = 180;

/** A notice asks for removal; the machine policy may name the unit's organisation, contact and preservation. */
export function noticeSettings(policy: Policy): NoticeSettings {
  return {
    organisation: policy.notice?.organisation ?? null,
    contactEmail: policy.notice?.contactEmail ?? null,
    requestedAction: 'remove',
    preservationDays: policy.notice?.preservationDays ?? DEFAULT_PRESERVATION_DAYS,
  };
}
