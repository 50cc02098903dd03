import { SimulatorPhoneNumberId } from './scenarios';
import type { ResolvedSimulatorOptions } from './simulator-options';
import type { WireHealthEntity, WireHealthStatus, WirePhoneNumberFields } from './wire-types';

type Identity = Pick<ResolvedSimulatorOptions, 'wabaId' | 'businessId' | 'appId'>;

function otherEntities(identity: Identity): WireHealthEntity[] {
  return [
    { entity_type: 'BUSINESS', id: identity.businessId, can_send_message: 'AVAILABLE' },
    { entity_type: 'APP', id: identity.appId, can_send_message: 'AVAILABLE' },
  ];
}

function available(id: string, identity: Identity): WireHealthStatus {
  return {
    can_send_message: 'AVAILABLE',
    entities: [
      { entity_type: 'PHONE_NUMBER', id, can_send_message: 'AVAILABLE' },
      { entity_type: 'WABA', id: identity.wabaId, can_send_message: 'AVAILABLE' },
      ...otherEntities(identity),
    ],
  };
}

function limited(id: string, identity: Identity): WireHealthStatus {
  return {
    can_send_message: 'LIMITED',
    entities: [
      { entity_type: 'PHONE_NUMBER', id, can_send_message: 'AVAILABLE' },
      {
        entity_type: 'WABA',
        id: identity.wabaId,
        can_send_message: 'LIMITED',
        errors: [
          {
            error_code: 141006,
            error_description:
              'There is an error with the payment method. This will block business initiated conversations.',
            possible_solution: 'Add a valid payment method to the account.',
          },
        ],
        additional_info: ['Customer-initiated conversations can still be answered.'],
      },
      ...otherEntities(identity),
    ],
  };
}

function blocked(id: string, identity: Identity): WireHealthStatus {
  return {
    can_send_message: 'BLOCKED',
    entities: [
      {
        entity_type: 'PHONE_NUMBER',
        id,
        can_send_message: 'BLOCKED',
        errors: [
          {
            error_code: 133010,
            error_description: 'The phone number is not registered on the WhatsApp Business Platform.',
            possible_solution: 'Register the phone number with the Cloud API, then try again.',
          },
        ],
      },
      { entity_type: 'WABA', id: identity.wabaId, can_send_message: 'AVAILABLE' },
      ...otherEntities(identity),
    ],
  };
}

/**
 * Every field of a known phone-number id, or undefined for an unknown id. The configured id is healthy;
 * the scenario ids are LIMITED (payment method) and BLOCKED (not registered).
 */
export function phoneNumberProfile(
  id: string,
  options: ResolvedSimulatorOptions,
): WirePhoneNumberFields | undefined {
  const base = {
    display_phone_number: options.displayPhoneNumber,
    verified_name: options.verifiedName,
    quality_rating: 'GREEN',
    messaging_limit_tier: 'TIER_1K',
    status: 'CONNECTED',
    name_status: 'APPROVED',
    code_verification_status: 'VERIFIED',
    throughput: { level: 'STANDARD' },
    platform_type: 'CLOUD_API',
    is_official_business_account: false,
  } as const;
  if (id === options.phoneNumberId) return { ...base, health_status: available(id, options) };
  if (id === SimulatorPhoneNumberId.LIMITED) {
    return {
      ...base,
      display_phone_number: '+1 555-078-3882',
      quality_rating: 'YELLOW',
      messaging_limit_tier: 'TIER_250',
      health_status: limited(id, options),
    };
  }
  if (id === SimulatorPhoneNumberId.BLOCKED) {
    return {
      ...base,
      display_phone_number: '+1 555-078-3883',
      quality_rating: 'UNKNOWN',
      status: 'DISCONNECTED',
      code_verification_status: 'EXPIRED',
      platform_type: 'NOT_APPLICABLE',
      throughput: { level: 'NOT_APPLICABLE' },
      health_status: blocked(id, options),
    };
  }
  return undefined;
}

/** Whether a phone-number id is one the simulator knows (sends from other ids are refused like Meta). */
export function isKnownPhoneNumberId(id: string, options: ResolvedSimulatorOptions): boolean {
  return (
    id === options.phoneNumberId ||
    id === SimulatorPhoneNumberId.LIMITED ||
    id === SimulatorPhoneNumberId.BLOCKED
  );
}
