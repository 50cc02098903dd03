import { Arg, Authorized, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Scope } from '../../config';
import { type Diagnosis, type HealthEvidence, Locale } from '../../diagnosis';
import { type GraphApiClient, GraphApiError, type PhoneNumberResponse } from '../../upstream';
import { badInput, GatewayError, GatewayErrorCode } from '../gateway-error';
import { toGatewayError } from '../domain-errors';
import { type DiagnosisService } from '../services/diagnosis-service';
import { Diagnosis as DiagnosisType } from '../types/diagnosis.type';
import { type HealthStatus, PhoneNumber, SendAvailability } from '../types/phone-number.type';

const AVAILABILITY = new Set<string>(Object.values(SendAvailability));

@Resolver(() => PhoneNumber)
export class PhoneNumberResolver {
  constructor(
    private readonly upstream: GraphApiClient,
    private readonly diagnoses: DiagnosisService,
    private readonly defaultPhoneNumberId: string,
  ) {}

  @Authorized(Scope.ADMIN)
  @Query(() => PhoneNumber, {
    nullable: true,
    description:
      'A business phone number: its status, quality, limits and messaging health (the configured sender by default).',
  })
  async phoneNumber(
    @Arg('id', () => ID, { nullable: true, description: 'The phone number id.' }) id: string | null,
  ): Promise<PhoneNumber | null> {
    const phoneNumberId = id ?? this.defaultPhoneNumberId;
    if (!/^\d{1,32}$/.test(phoneNumberId))
      throw badInput('id', 'id must be the digits of a phone number id.');
    try {
      return toPhoneNumber(await this.upstream.getPhoneNumber(phoneNumberId));
    } catch (error) {
      if (error instanceof GraphApiError) {
        // Meta answers 100/33 for an id that does not exist or that this token cannot see.
        if (error.code === 100 || error.code === 33) return null;
        throw new GatewayError(
          GatewayErrorCode.UPSTREAM_UNAVAILABLE,
          `The Graph API refused: (#${error.code}) ${error.message}`,
          {
            upstreamCode: error.code,
          },
        );
      }
      throw toGatewayError(error);
    }
  }

  @FieldResolver(() => DiagnosisType, {
    description: 'What the health status means for sending, and what to do.',
  })
  diagnosis(
    @Root() phoneNumber: PhoneNumber,
    @Arg('locale', () => Locale, { defaultValue: Locale.EN, description: 'The language of the texts.' })
    locale: Locale,
  ): Diagnosis {
    return this.diagnoses.forHealth(toHealthEvidence(phoneNumber.health), locale);
  }
}

function availability(value: string | undefined): SendAvailability {
  return value !== undefined && AVAILABILITY.has(value)
    ? (value as SendAvailability)
    : SendAvailability.BLOCKED;
}

export function toPhoneNumber(wire: PhoneNumberResponse): PhoneNumber {
  const health = wire.health_status;
  return {
    id: wire.id,
    displayPhoneNumber: wire.display_phone_number ?? null,
    verifiedName: wire.verified_name ?? null,
    qualityRating: wire.quality_rating ?? null,
    messagingLimitTier: wire.messaging_limit_tier ?? null,
    status: wire.status ?? null,
    nameStatus: wire.name_status ?? null,
    codeVerificationStatus: wire.code_verification_status ?? null,
    throughputLevel: wire.throughput?.level ?? null,
    platformType: wire.platform_type ?? null,
    isOfficialBusinessAccount: wire.is_official_business_account ?? null,
    health: health
      ? {
          canSendMessage: availability(health.can_send_message),
          entities: (health.entities ?? []).map((entity) => ({
            entityType: entity.entity_type,
            id: entity.id,
            canSendMessage: availability(entity.can_send_message),
            errors: (entity.errors ?? []).map((error) => ({
              code: error.error_code,
              description: error.error_description ?? null,
              possibleSolution: error.possible_solution ?? null,
            })),
            additionalInfo: entity.additional_info ?? [],
          })),
        }
      : null,
  };
}

/** A number whose health Meta did not report is diagnosed as available: nothing says otherwise. */
function toHealthEvidence(health: HealthStatus | null): HealthEvidence {
  return {
    canSendMessage: health?.canSendMessage ?? SendAvailability.AVAILABLE,
    entities: (health?.entities ?? []).map((entity) => ({
      entityType: entity.entityType,
      id: entity.id,
      canSendMessage: entity.canSendMessage,
      errors: entity.errors.map((error) => ({
        errorCode: error.code,
        ...(error.description !== null && { description: error.description }),
        ...(error.possibleSolution !== null && { possibleSolution: error.possibleSolution }),
      })),
    })),
  };
}
