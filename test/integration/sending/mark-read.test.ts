import { useTestGateway } from '../../support/use-test-gateway';

const MARK_READ = 'mutation ($id: ID!, $from: ID) { markMessageRead(messageId: $id, phoneNumberId: $from) }';

describe('markMessageRead against the simulator', () => {
  const gateway = useTestGateway();
  it('marks an inbound message read through the Cloud API', async () => {
    const before = gateway.simulator!.stats.markedRead;
    const { body } = await gateway.graphql(MARK_READ, { id: 'wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQTdGQzdB' });
    expect(body).toEqual({ data: { markMessageRead: true } });
    expect(gateway.simulator!.stats.markedRead).toBe(before + 1);
  });

  it.each([
    [{ id: 'not-a-wamid' }, 'messageId'],
    [{ id: 'wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQTdGQzdB', from: '+1 555' }, 'phoneNumberId'],
  ])('refuses %j naming %s', async (variables, field) => {
    const { body } = await gateway.graphql(MARK_READ, variables);
    expect(body.data).toBeNull();
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});
