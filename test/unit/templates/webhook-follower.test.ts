import { createLogger } from '../../../src/observability';
import {
  MemoryTemplateCatalogueStore,
  type TemplateRecord,
  TemplateStatus,
  TemplateWebhookFollower,
} from '../../../src/templates';
import { ACCOUNT, record } from './template-fixtures';

const logger = createLogger({ level: 'silent' });
const approved = record({ components: [{ type: 'BODY', text: 'Your order {{1}} has been updated.' }] });

function followerWith(
  held: TemplateRecord | undefined,
  readTemplate = jest.fn().mockRejectedValue(new Error('down')),
) {
  const store = new MemoryTemplateCatalogueStore();
  const upsert = jest.spyOn(store, 'upsert');
  const remove = jest.spyOn(store, 'remove');
  const follower = new TemplateWebhookFollower({
    cache: { byId: (_account, id) => (held?.id === id ? held : undefined) },
    store,
    reader: { readTemplate },
    logger,
    now: () => Date.UTC(2026, 6, 2),
  });
  return { follower, upsert, remove, readTemplate };
}

const change = (value: unknown, field = 'message_template_status_update') => ({
  businessAccountId: ACCOUNT,
  field,
  value,
  at: Date.UTC(2026, 6, 2),
});

describe('TemplateWebhookFollower', () => {
  it('stores a status change of a template it holds', async () => {
    const { follower, upsert } = followerWith(approved);
    await follower.follow([change({ event: 'PAUSED', message_template_id: Number(approved.id) })]);
    expect(upsert).toHaveBeenCalledWith(
      expect.objectContaining({ id: approved.id, status: TemplateStatus.PAUSED }),
    );
  });

  it('changes nothing for a value it cannot read, and does not throw', async () => {
    const { follower, upsert } = followerWith(approved);
    await follower.follow([
      change('not an object'),
      change({ event: 42 }),
      change({ message_template_id: approved.id }),
    ]);
    expect(upsert).not.toHaveBeenCalled();
  });

  it('leaves the record as it was when Meta cannot be read again', async () => {
    const { follower, upsert, readTemplate } = followerWith(approved);
    await follower.follow([
      change({ message_template_id: approved.id }, 'message_template_components_update'),
    ]);
    expect(readTemplate).toHaveBeenCalledWith(approved.id);
    expect(upsert).not.toHaveBeenCalled();
  });

  it('reads a template it does not hold yet', async () => {
    const { follower, upsert } = followerWith(
      undefined,
      jest.fn().mockResolvedValue({
        id: '77',
        name: 'fresh',
        language: 'en_US',
        status: 'APPROVED',
        components: [],
      }),
    );
    await follower.follow([change({ event: 'APPROVED', message_template_id: 77 })]);
    expect(upsert).toHaveBeenCalledWith(
      expect.objectContaining({ id: '77', name: 'fresh', businessAccountId: ACCOUNT }),
    );
  });

  it('takes a template Meta deleted out of the catalogue instead of keeping it as DELETED', async () => {
    const { follower, upsert, remove } = followerWith(approved);
    await follower.follow([change({ event: 'DELETED', message_template_id: Number(approved.id) })]);
    expect(remove).toHaveBeenCalledWith(ACCOUNT, approved.id);
    expect(upsert).not.toHaveBeenCalled();
  });
});
