import {
  templateFromDefinition,
  TemplateCategory,
  TemplateParameterFormat,
  TemplateQuality,
  TemplateStatus,
} from '../../../src/templates';
import { namedReservation } from './meta-components';
import { ACCOUNT, definition, SYNCED_AT } from './template-fixtures';

describe("a template record from Meta's definition", () => {
  it('keeps the components whole and reads the enums, unknown values becoming UNKNOWN', () => {
    const template = templateFromDefinition(
      ACCOUNT,
      definition({
        components: namedReservation,
        status: 'SOMETHING_NEW',
        category: 'TRANSACTIONAL',
        qualityScore: 'PURPLE',
        parameterFormat: 'named',
        rejectedReason: 'NONE',
      }),
      SYNCED_AT,
    );
    expect(template).toEqual(
      expect.objectContaining({
        businessAccountId: ACCOUNT,
        status: TemplateStatus.UNKNOWN,
        category: TemplateCategory.UTILITY,
        quality: TemplateQuality.UNKNOWN,
        parameterFormat: TemplateParameterFormat.NAMED,
        rejectedReason: null,
        pauseCount: 0,
        lastSyncedAt: SYNCED_AT,
      }),
    );
    expect(template.components).toBe(namedReservation);
    expect(template.parameters).toHaveLength(5);
  });

  it('defaults to positional parameters and UNKNOWN for what Meta left out', () => {
    const template = templateFromDefinition(
      ACCOUNT,
      { id: '1', name: 'n', language: 'en', components: [] },
      SYNCED_AT,
    );
    expect(template).toEqual(
      expect.objectContaining({
        status: TemplateStatus.UNKNOWN,
        category: TemplateCategory.UNKNOWN,
        quality: TemplateQuality.UNKNOWN,
        parameterFormat: TemplateParameterFormat.POSITIONAL,
      }),
    );
  });

  it('keeps the pause window and count the webhooks gave while the sync still sees it paused', () => {
    const paused = {
      ...templateFromDefinition(ACCOUNT, definition({ components: [], status: 'PAUSED' }), 1),
      pauseCount: 1,
      pausedUntil: 99,
      statusChangedAt: 5,
    };
    const synced = templateFromDefinition(
      ACCOUNT,
      definition({ components: [], status: 'PAUSED' }),
      SYNCED_AT,
      paused,
    );
    expect(synced).toEqual(
      expect.objectContaining({
        pauseCount: 1,
        pausedUntil: 99,
        statusChangedAt: 5,
        lastSyncedAt: SYNCED_AT,
      }),
    );
    const approved = templateFromDefinition(ACCOUNT, definition({ components: [] }), SYNCED_AT, paused);
    expect(approved).toEqual(
      expect.objectContaining({ status: TemplateStatus.APPROVED, pauseCount: 1, statusChangedAt: SYNCED_AT }),
    );
    expect(approved.pausedUntil).toBeUndefined();
  });
});
