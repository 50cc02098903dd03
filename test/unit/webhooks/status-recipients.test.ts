import { parseWebhookPayload, type WebhookPayload } from '../../../src/webhooks';
import { change, type Json, messagesValue, notification } from './meta-payload.fixtures';

const BSUID = 'BR.20394857610293847';
const PARENT_BSUID = 'BR.ENT.55501928374650192';
const PARTICIPANT_BSUID = 'BR.77129384756102938';
const PARTICIPANT_PARENT_BSUID = 'BR.ENT.66610293847561029';

/** One status of a message, with Meta's 2026 recipient fields as given. */
function statusBody(fields: Record<string, Json>): Json {
  const status = { id: 'wamid.recipients', status: 'read', timestamp: '1760300000', ...fields };
  return notification([[change(messagesValue({ statuses: [status] }))]]);
}

function readAll(body: Json): WebhookPayload {
  const payload = parseWebhookPayload(body);
  expect(payload.unreadable).toEqual([]);
  return payload;
}

describe('parseWebhookPayload: who a status is about (2026 shapes)', () => {
  it.each<[string, Record<string, Json>]>([
    ['`parent_recipient_user_id` (Meta’s status examples)', { parent_recipient_user_id: PARENT_BSUID }],
    ['`recipient_parent_user_id` (the reference types)', { recipient_parent_user_id: PARENT_BSUID }],
    ['`parent_user_id` (Meta’s field list for statuses)', { parent_user_id: PARENT_BSUID }],
  ])('reads the parent BSUID of a customer under %s', (_name, parent) => {
    const payload = readAll(
      statusBody({ recipient_id: '5511987654321', recipient_user_id: BSUID, ...parent }),
    );
    expect(payload.statuses).toEqual([
      expect.objectContaining({
        recipientId: '5511987654321',
        recipientUserId: BSUID,
        recipientParentUserId: PARENT_BSUID,
      }),
    ]);
    expect(payload.contacts).toEqual([{ waId: '5511987654321', userId: BSUID, parentUserId: PARENT_BSUID }]);
    expect(payload.notices).toEqual([]);
  });

  it('reads a group participant’s number, BSUID and parent BSUID, and takes none of them for the group', () => {
    const payload = readAll(
      statusBody({
        recipient_id: '120363049182736451',
        recipient_type: 'group',
        recipient_participant_id: '5511912345678',
        recipient_participant_user_id: PARTICIPANT_BSUID,
        recipient_participant_parent_user_id: PARTICIPANT_PARENT_BSUID,
      }),
    );
    expect(payload.statuses).toEqual([
      expect.objectContaining({
        recipientId: '120363049182736451',
        recipientType: 'group',
        recipientParticipantId: '5511912345678',
        recipientParticipantUserId: PARTICIPANT_BSUID,
        recipientParticipantParentUserId: PARTICIPANT_PARENT_BSUID,
      }),
    ]);
    expect(payload.statuses[0]).not.toHaveProperty('recipientParentUserId');
    expect(payload.notices).toEqual([]);
  });

  it('takes a bare `parent_user_id` on a group status as the participant’s, and another spelling of the participant', () => {
    const payload = readAll(
      statusBody({
        recipient_id: '120363049182736451',
        recipient_type: 'group',
        participant_recipient_id: '5511912345678',
        recipient_participant_user_id: PARTICIPANT_BSUID,
        parent_user_id: PARTICIPANT_PARENT_BSUID,
      }),
    );
    expect(payload.statuses).toEqual([
      expect.objectContaining({
        recipientParticipantId: '5511912345678',
        recipientParticipantUserId: PARTICIPANT_BSUID,
        recipientParticipantParentUserId: PARTICIPANT_PARENT_BSUID,
      }),
    ]);
    expect(payload.statuses[0]).not.toHaveProperty('recipientParentUserId');
  });

  it('drops a new id that is no non-empty string, and keeps the status without it', () => {
    const payload = readAll(
      statusBody({
        recipient_id: '120363049182736451',
        recipient_type: 'group',
        recipient_participant_id: '5511912345678',
        recipient_participant_user_id: '',
        recipient_participant_parent_user_id: 42,
        parent_recipient_user_id: null,
      }),
    );
    expect(payload.statuses).toHaveLength(1);
    expect(payload.statuses[0]).toMatchObject({ recipientParticipantId: '5511912345678' });
    expect(payload.statuses[0]).not.toHaveProperty('recipientParticipantUserId');
    expect(payload.statuses[0]).not.toHaveProperty('recipientParticipantParentUserId');
    expect(payload.statuses[0]).not.toHaveProperty('recipientParentUserId');
  });
});
