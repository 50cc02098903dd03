import { useTestGateway } from '../../support/use-test-gateway';

const PHONE = /* GraphQL */ `
  query ($id: ID) {
    phoneNumber(id: $id) {
      id
      displayPhoneNumber
      verifiedName
      qualityRating
      messagingLimitTier
      status
      nameStatus
      throughputLevel
      platformType
      health {
        canSendMessage
        entities {
          entityType
          id
          canSendMessage
          errors {
            code
            description
            possibleSolution
          }
        }
      }
      diagnosis {
        verdict
        cause
      }
    }
  }
`;

const TOKEN = /* GraphQL */ `
  query ($token: String) {
    debugToken(token: $token) {
      isValid
      appId
      type
      expiresAt
      scopes
      granularScopes {
        scope
        targetIds
      }
      missingPermissions
      diagnosis {
        verdict
        cause
        explanation
        solutions
        evidence
      }
    }
  }
`;

describe('phoneNumber and debugToken against the simulator', () => {
  const gateway = useTestGateway();
  it('reads the configured sender with an AVAILABLE health', async () => {
    const { body } = await gateway.graphql(PHONE);
    expect(body.errors).toBeUndefined();
    expect(body.data!.phoneNumber).toMatchObject({
      id: gateway.simulator!.phoneNumberId,
      displayPhoneNumber: expect.any(String),
      qualityRating: expect.stringMatching(/GREEN|YELLOW|RED|UNKNOWN/),
      health: { canSendMessage: 'AVAILABLE' },
      diagnosis: { verdict: 'OK', cause: 'NONE' },
    });
  });

  it('explains a LIMITED number by its payment error', async () => {
    const { body } = await gateway.graphql<{
      phoneNumber: {
        health: { canSendMessage: string; entities: Array<{ errors: Array<{ code: number }> }> };
        diagnosis: { verdict: string; cause: string };
      };
    }>(PHONE, { id: '106540352240001' });
    const number = body.data!.phoneNumber;
    expect(number.health.canSendMessage).toBe('LIMITED');
    expect(number.health.entities.flatMap((entity) => entity.errors.map((error) => error.code))).toContain(
      141006,
    );
    expect(number.diagnosis).toEqual({ verdict: 'AT_RISK', cause: 'ACCOUNT_RESTRICTED' });
  });

  it('explains a BLOCKED number', async () => {
    const { body } = await gateway.graphql<{
      phoneNumber: { health: { canSendMessage: string }; diagnosis: { verdict: string } };
    }>(PHONE, {
      id: '106540352240002',
    });
    expect(body.data!.phoneNumber.health.canSendMessage).toBe('BLOCKED');
    expect(body.data!.phoneNumber.diagnosis.verdict).toBe('FAILED');
  });

  it('answers null for a number Meta does not know', async () => {
    const { body } = await gateway.graphql(PHONE, { id: '999' });
    expect(body.errors).toBeUndefined();
    expect(body.data!.phoneNumber).toBeNull();
  });

  it("inspects the gateway's own token without returning it", async () => {
    const { body } = await gateway.graphql<{
      debugToken: { isValid: boolean; missingPermissions: string[]; diagnosis: { verdict: string } };
    }>(TOKEN);
    expect(body.data!.debugToken).toMatchObject({
      isValid: true,
      missingPermissions: [],
      scopes: expect.arrayContaining(['whatsapp_business_management', 'whatsapp_business_messaging']),
      diagnosis: { verdict: 'OK' },
    });
    expect(JSON.stringify(body)).not.toContain('simulated-access-token');
  });

  it('names the missing messaging permission', async () => {
    const { body } = await gateway.graphql<{
      debugToken: {
        missingPermissions: string[];
        diagnosis: { cause: string; explanation: string; solutions: string[]; evidence: string[] };
      };
    }>(TOKEN, {
      token: 'SIM_TOKEN_MISSING_MESSAGING',
    });
    expect(body.data!.debugToken.missingPermissions).toEqual(['whatsapp_business_messaging']);
    expect(body.data!.debugToken.diagnosis.cause).toBe('PERMISSION_MISSING');
    const { explanation, solutions, evidence } = body.data!.debugToken.diagnosis;
    expect([explanation, ...solutions, ...evidence].join('\n')).toContain('whatsapp_business_messaging');
    expect(JSON.stringify(body)).not.toContain('SIM_TOKEN_MISSING_MESSAGING');
  });

  it('says an expired token expired', async () => {
    const { body } = await gateway.graphql<{
      debugToken: { isValid: boolean; diagnosis: { cause: string; verdict: string } };
    }>(TOKEN, {
      token: 'SIM_TOKEN_EXPIRED',
    });
    expect(body.data!.debugToken.isValid).toBe(false);
    expect(body.data!.debugToken.diagnosis).toMatchObject({ cause: 'ACCESS_TOKEN', verdict: 'FAILED' });
  });

  it('never writes a token to the log', () => {
    const text = gateway.logs.join('\n');
    for (const token of ['simulated-access-token', 'SIM_TOKEN_MISSING_MESSAGING', 'SIM_TOKEN_EXPIRED']) {
      expect(text).not.toContain(token);
    }
  });
});
