import { RequestContext } from '../../../src/graphql';
import { type LiveStreams } from '../../../src/graphql';
import { type MessageRecord, type MessageStore } from '../../../src/messages';
import { createSilentLogger } from '../../../src/observability';

function sources() {
  const getMany = jest.fn(async (ids: readonly string[]) => ids.map((): MessageRecord | null => null));
  const logger = createSilentLogger();
  const child = jest.spyOn(logger, 'child');
  const store = { getMany } as unknown as MessageStore;
  const live = {} as LiveStreams;
  return { getMany, child, source: { store, logger, live } };
}

describe('RequestContext', () => {
  it('makes its loaders and child logger on first use only, then keeps them', async () => {
    const { getMany, child, source } = sources();
    const context = new RequestContext('req-1', null, source);
    expect(context.requestId).toBe('req-1');
    expect(context.live).toBe(source.live);
    expect(child).not.toHaveBeenCalled();

    expect(context.logger).toBe(context.logger);
    expect(child).toHaveBeenCalledTimes(1);
    expect(child).toHaveBeenCalledWith({ requestId: 'req-1' });

    expect(context.loaders).toBe(context.loaders);
    await expect(context.loaders.message.load('wamid.A')).resolves.toBeNull();
    expect(getMany).toHaveBeenCalledWith(['wamid.A']);
  });

  it('keeps working when copied the way Apollo copies a context (same prototype, own fields)', () => {
    const { child, source } = sources();
    const context = new RequestContext('req-2', { label: 'key#1', keyId: 'k1', scopes: new Set() }, source);
    const copy = Object.assign(
      Object.create(Object.getPrototypeOf(context) as object),
      context,
    ) as RequestContext;
    expect(copy.caller).toEqual({ label: 'key#1', keyId: 'k1', scopes: new Set() });
    expect(copy.logger).toBeDefined();
    expect(child).toHaveBeenCalledWith({ requestId: 'req-2' });
    expect(copy.loaders.message).toBeDefined();
  });
});
