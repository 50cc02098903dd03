import {
  applyTemplateWebhook,
  FIRST_PAUSE_MS,
  SECOND_PAUSE_MS,
  TemplateCategory,
  TemplateQuality,
  type TemplateRecord,
  TemplateStatus,
  TemplateWebhookField,
  templateWebhookTarget,
} from '../../../src/templates';
import { positionalOrder } from './meta-components';
import { record } from './template-fixtures';

const ID = 1689556908129835;
const T0 = Date.UTC(2026, 6, 2, 9, 0, 0);
const HOUR = 3_600_000;

/** Meta's status update for the template, as pywa's fixture has it. */
const status = (event: string, extra: Record<string, unknown> = {}) => ({
  event,
  message_template_id: ID,
  message_template_name: 'order_update',
  message_template_language: 'en_US',
  reason: 'NONE',
  ...extra,
});

function changed(template: TemplateRecord, field: string, value: unknown, at: number): TemplateRecord {
  const outcome = applyTemplateWebhook(template, field, value, at);
  if (outcome.outcome !== 'CHANGED') throw new Error(`expected a change, got ${JSON.stringify(outcome)}`);
  return outcome.template;
}

const approved = record({ components: positionalOrder });

describe('the pause rules, from status events', () => {
  it('pauses 3 hours the first time, 6 the second, and disables on the third', () => {
    const first = changed(approved, TemplateWebhookField.STATUS, status('PAUSED'), T0);
    expect(first).toEqual(
      expect.objectContaining({
        status: TemplateStatus.PAUSED,
        pauseCount: 1,
        pausedUntil: T0 + FIRST_PAUSE_MS,
        statusChangedAt: T0,
      }),
    );
    expect(FIRST_PAUSE_MS).toBe(3 * HOUR);

    const back = changed(first, TemplateWebhookField.STATUS, status('APPROVED'), T0 + 3 * HOUR);
    expect(back.status).toBe(TemplateStatus.APPROVED);
    expect(back.pausedUntil).toBeUndefined();

    const second = changed(back, TemplateWebhookField.STATUS, status('PAUSED'), T0 + 10 * HOUR);
    expect(second).toEqual(
      expect.objectContaining({ pauseCount: 2, pausedUntil: T0 + 10 * HOUR + SECOND_PAUSE_MS }),
    );
    expect(SECOND_PAUSE_MS).toBe(6 * HOUR);

    const again = changed(second, TemplateWebhookField.STATUS, status('APPROVED'), T0 + 16 * HOUR);
    const third = changed(again, TemplateWebhookField.STATUS, status('PAUSED'), T0 + 20 * HOUR);
    expect(third).toEqual(
      expect.objectContaining({ status: TemplateStatus.DISABLED, pauseCount: 3, disabledAt: T0 + 20 * HOUR }),
    );
    expect(third.pausedUntil).toBeUndefined();
  });

  it('counts a PAUSED delivered twice as one pause', () => {
    const first = changed(approved, TemplateWebhookField.STATUS, status('PAUSED'), T0);
    expect(applyTemplateWebhook(first, TemplateWebhookField.STATUS, status('PAUSED'), T0 + 1)).toEqual({
      outcome: 'UNCHANGED',
      reason: expect.stringContaining('PAUSED'),
    });
  });

  it('ignores an event older than the current status', () => {
    const first = changed(approved, TemplateWebhookField.STATUS, status('PAUSED'), T0);
    expect(applyTemplateWebhook(first, TemplateWebhookField.STATUS, status('APPROVED'), T0 - 1).outcome).toBe(
      'UNCHANGED',
    );
  });

  it('keeps the disable date Meta gives (Unix seconds)', () => {
    const disabled = changed(
      approved,
      TemplateWebhookField.STATUS,
      status('DISABLED', { disable_info: { disable_date: 1751247548 } }),
      T0,
    );
    expect(disabled).toEqual(
      expect.objectContaining({ status: TemplateStatus.DISABLED, disabledAt: 1751247548_000 }),
    );
  });

  it('records a rejection with its reason, and clears it on approval', () => {
    const pending = record({ components: positionalOrder, status: 'PENDING' });
    const rejected = changed(
      pending,
      TemplateWebhookField.STATUS,
      status('REJECTED', { reason: 'INVALID_FORMAT' }),
      T0,
    );
    expect(rejected).toEqual(
      expect.objectContaining({ status: TemplateStatus.REJECTED, rejectedReason: 'INVALID_FORMAT' }),
    );
    expect(
      changed(rejected, TemplateWebhookField.STATUS, status('APPROVED'), T0 + 1).rejectedReason,
    ).toBeNull();
  });

  it('keeps APPROVED on FLAGGED (noting it) and REINSTATED clears the flag; LOCKED changes nothing', () => {
    const flagged = changed(approved, TemplateWebhookField.STATUS, status('FLAGGED'), T0);
    expect(flagged).toEqual(expect.objectContaining({ status: TemplateStatus.APPROVED, flaggedAt: T0 }));
    const reinstated = changed(flagged, TemplateWebhookField.STATUS, status('REINSTATED'), T0 + 1);
    expect(reinstated.status).toBe(TemplateStatus.APPROVED);
    expect(reinstated.flaggedAt).toBeUndefined();
    expect(applyTemplateWebhook(approved, TemplateWebhookField.STATUS, status('LOCKED'), T0).outcome).toBe(
      'UNCHANGED',
    );
  });

  it('stores an event it does not know as the UNKNOWN status', () => {
    expect(changed(approved, TemplateWebhookField.STATUS, status('QUARANTINED'), T0).status).toBe(
      TemplateStatus.UNKNOWN,
    );
  });
});

describe('the other template webhooks', () => {
  it('applies a category update, noting the category Meta will correct it to', () => {
    const value = {
      message_template_id: ID,
      new_category: 'MARKETING',
      previous_category: 'UTILITY',
      correct_category: 'UTILITY',
    };
    expect(changed(approved, TemplateWebhookField.CATEGORY, value, T0)).toEqual(
      expect.objectContaining({
        category: TemplateCategory.MARKETING,
        pendingCategory: TemplateCategory.UTILITY,
      }),
    );
    const plain = changed(
      approved,
      TemplateWebhookField.CATEGORY,
      { message_template_id: ID, new_category: 'MARKETING' },
      T0,
    );
    expect(plain.pendingCategory).toBeUndefined();
  });

  it('applies a quality update', () => {
    const value = { message_template_id: ID, previous_quality_score: 'GREEN', new_quality_score: 'RED' };
    expect(changed(approved, TemplateWebhookField.QUALITY, value, T0).quality).toBe(TemplateQuality.RED);
    const same = { message_template_id: ID, new_quality_score: 'GREEN' };
    expect(applyTemplateWebhook(approved, TemplateWebhookField.QUALITY, same, T0).outcome).toBe('UNCHANGED');
  });

  it('asks for the template to be read again when its components changed', () => {
    const value = {
      message_template_id: ID,
      message_template_title: 'Order {{1}}',
      message_template_element: 'Hi {{1}}',
    };
    expect(applyTemplateWebhook(approved, TemplateWebhookField.COMPONENTS, value, T0)).toEqual({
      outcome: 'REFETCH',
      templateId: String(ID),
    });
  });

  it.each([
    ['a value that is not an object', TemplateWebhookField.STATUS, 'PAUSED'],
    ['no template id', TemplateWebhookField.STATUS, { event: 'PAUSED' }],
    [
      'an id of the wrong type',
      TemplateWebhookField.STATUS,
      { event: 'PAUSED', message_template_id: { n: 1 } },
    ],
    ['another template', TemplateWebhookField.STATUS, status('PAUSED', { message_template_id: 42 })],
    ['no event', TemplateWebhookField.STATUS, { message_template_id: ID, event: 7 }],
    ['no new category', TemplateWebhookField.CATEGORY, { message_template_id: ID }],
    ['no new quality', TemplateWebhookField.QUALITY, { message_template_id: ID, new_quality_score: null }],
    ['another field', 'account_update', { message_template_id: ID }],
  ])('leaves the record unchanged for %s, saying why', (_what, field, value) => {
    const outcome = applyTemplateWebhook(approved, field, value, T0);
    expect(outcome).toEqual({ outcome: 'UNCHANGED', reason: expect.any(String) });
  });

  it('names the template of a webhook with its numeric id as a string', () => {
    expect(templateWebhookTarget(status('PAUSED'))).toEqual({
      templateId: '1689556908129835',
      name: 'order_update',
      language: 'en_US',
    });
    expect(templateWebhookTarget({ message_template_id: '77' })).toEqual({ templateId: '77' });
    expect(templateWebhookTarget({ message_template_id: 1.5 })).toBeUndefined();
  });
});
