import { say, textOr } from '../../../lib/messages';
import { useApp } from '../../../lib/session';

/** Detail keys whose values are codes, and where their texts are. */
const CODED: Record<string, string> = {
  from: 'stage',
  to: 'stage',
  before: 'stage',
  after: 'stage',
  stage: 'stage',
  status: 'status',
  party: 'party',
  contacted: 'party',
  channel: 'channel',
  direction: 'direction',
  thirdPartyPurpose: 'thirdPartyPurpose',
};

/** What an audit entry recorded, labelled and worded in the user's language. */
export function AuditDetails({ action, details }: { action: string; details: Record<string, string> }) {
  const { t, lang } = useApp();
  const { reasonCode, ...rest } = details;
  const shown = Object.entries(rest).filter(([key]) => !(reasonCode && ['lender', 'days', 'kind', 'since'].includes(key)));
  const label = (key: string) => textOr(t, `audit.key.${key}`, key);
  const value = (key: string, raw: string) => {
    if (key === 'reason' && reasonCode) return say(t, lang, { code: reasonCode, params: rest }, raw);
    const prefix = CODED[key] ?? (action.startsWith('debt.') && key === 'status' ? 'debtStatus' : undefined);
    if (!prefix || !/^[A-Z_]+$/.test(raw)) return raw;
    return textOr(t, `${prefix}.${raw}`, raw);
  };
  return (
    <span className="muted small audit-details">
      {shown.map(([key, raw], i) => (
        <span key={key}>
          {i > 0 && ' · '}
          {label(key)}: <span className="user-text">{value(key, raw)}</span>
        </span>
      ))}
    </span>
  );
}
