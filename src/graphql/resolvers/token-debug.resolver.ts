import { Arg, Authorized, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Scope } from '../../config';
import { type Diagnosis, Locale, missingPermissions } from '../../diagnosis';
import { type DebugTokenData, type GraphApiClient, GraphApiError } from '../../upstream';
import { badInput, GatewayError, GatewayErrorCode } from '../gateway-error';
import { toGatewayError } from '../domain-errors';
import { type DiagnosisService } from '../services/diagnosis-service';
import { Diagnosis as DiagnosisType } from '../types/diagnosis.type';
import { TokenDebug } from '../types/token-debug.type';

/** A token debug answer, with what the diagnosis needs kept beside the GraphQL fields. */
type TokenDebugView = TokenDebug & { error: DebugTokenData['error'] | null; expiresAtMillis: number | null };

@Resolver(() => TokenDebug)
export class TokenDebugResolver {
  constructor(
    private readonly upstream: GraphApiClient,
    private readonly diagnoses: DiagnosisService,
    /** The gateway's own token: inspected when no token is given, and never returned. */
    private readonly ownToken: string,
  ) {}

  @Authorized(Scope.ADMIN)
  @Query(() => TokenDebug, {
    description:
      "What Meta says about an access token: validity, expiry, permissions. Without `token`, the gateway's own. The token is never echoed.",
  })
  async debugToken(
    @Arg('token', () => String, { nullable: true, description: 'The token to inspect.' })
    token: string | null,
  ): Promise<TokenDebugView> {
    const inputToken = token ?? this.ownToken;
    if (inputToken.trim() === '' || /\s/.test(inputToken))
      throw badInput('token', 'token must be a non-empty access token.');
    try {
      return toTokenDebug(await this.upstream.debugToken(inputToken));
    } catch (error) {
      if (error instanceof GraphApiError) {
        throw new GatewayError(
          GatewayErrorCode.UPSTREAM_UNAVAILABLE,
          `The Graph API refused to inspect the token: (#${error.code}).`,
          {
            upstreamCode: error.code,
          },
        );
      }
      throw toGatewayError(error);
    }
  }

  @FieldResolver(() => DiagnosisType, {
    description: 'Whether the token can send WhatsApp messages, and how to get one that can.',
  })
  diagnosis(
    @Root() token: TokenDebugView,
    @Arg('locale', () => Locale, { defaultValue: Locale.EN, description: 'The language of the texts.' })
    locale: Locale,
  ): Diagnosis {
    return this.diagnoses.forToken(
      {
        isValid: token.isValid,
        expiresAt: token.expiresAtMillis,
        scopes: token.scopes,
        ...(token.appId !== null && { appId: token.appId }),
        ...(token.error && { error: token.error }),
      },
      locale,
    );
  }
}

const fromUnixSeconds = (seconds: number | undefined): Date | null =>
  seconds === undefined || seconds === 0 ? null : new Date(seconds * 1000);

function toTokenDebug(data: DebugTokenData): TokenDebugView {
  const scopes = data.scopes ?? [];
  const expiresAt = fromUnixSeconds(data.expires_at);
  return {
    isValid: data.is_valid,
    appId: data.app_id ?? null,
    application: data.application ?? null,
    type: data.type ?? null,
    expiresAt,
    expiresAtMillis: expiresAt?.getTime() ?? null,
    dataAccessExpiresAt: fromUnixSeconds(data.data_access_expires_at),
    issuedAt: fromUnixSeconds(data.issued_at),
    scopes,
    granularScopes: (data.granular_scopes ?? []).map((scope) => ({
      scope: scope.scope,
      targetIds: scope.target_ids ?? [],
    })),
    missingPermissions: missingPermissions(scopes),
    error: data.error ?? null,
  };
}
