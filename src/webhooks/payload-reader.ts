import { type z } from 'zod';
import { type ContactSighting, mergeSightings } from '../contacts';
import { type MessageErrorDetail } from '../messages';
import { withoutUndefined } from './json-fields';
import { contactSchema, errorSchema } from './webhook-payload.schema';
import {
  MAX_REPORTED_NOTICES,
  type Party,
  type PartPlace,
  type PayloadNotice,
  type WebhookPayload,
} from './webhook-payload.types';
import { describeIssues } from './zod-issues';

/** A readable error of an `errors[]` list, with where it was. */
export interface PlacedError {
  error: MessageErrorDetail;
  path: string;
}

/**
 * One notification being read, and what every reader of its parts shares: a part its schema cannot read
 * is set aside whole (never refused), properties the gateway does not know are reported as notices, errors
 * and contacts are read alike wherever they sit, and what the parts show of customers is collected.
 */
export class PayloadReader {
  readonly payload: WebhookPayload = {
    statuses: [],
    inbound: [],
    contacts: [],
    accountErrors: [],
    accountChanges: [],
    calls: 0,
    echoes: [],
    callEvents: [],
    unreadable: [],
    unknownStatuses: 0,
    notices: [],
    omittedNotices: 0,
  };
  private readonly sightings: ContactSighting[] = [];

  /** `raw` as `schema` reads it; null when it cannot be read, and then it is set aside whole at `place`. */
  read<S extends z.ZodType>(schema: S, raw: unknown, place: PartPlace): z.output<S> | null {
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    this.payload.unreadable.push({ ...place, reason: describeIssues(parsed.error), raw });
    return null;
  }

  /** Like `read`, for an object whose every property the gateway knows: any other is reported. */
  readObject<S extends z.ZodObject>(schema: S, raw: unknown, place: PartPlace): z.output<S> | null {
    const data = this.read(schema, raw, place);
    if (data !== null) this.reportExtraKeys(data, schema.shape, place.path);
    return data;
  }

  /** A part the schemas read but whose meaning the gateway cannot tell; kept whole like any unreadable part. */
  setAside(place: PartPlace, reason: string, raw: unknown): void {
    this.payload.unreadable.push({ ...place, reason, raw });
  }

  notice(item: PayloadNotice): void {
    if (this.payload.notices.length < MAX_REPORTED_NOTICES) this.payload.notices.push(item);
    else this.payload.omittedNotices += 1;
  }

  /** The readable errors of the `errors[]` of the part at `place`. */
  readErrors(list: readonly unknown[] | undefined, place: PartPlace): MessageErrorDetail[] {
    return this.readPlacedErrors(list, place).map(({ error }) => error);
  }

  /** The readable errors of the `errors[]` of the part at `place`, each with its path. */
  readPlacedErrors(list: readonly unknown[] | undefined, place: PartPlace): PlacedError[] {
    const errors: PlacedError[] = [];
    for (const [i, raw] of (list ?? []).entries()) {
      const path = `${place.path}.errors[${i}]`;
      const parsed = this.read(errorSchema, raw, { ...place, path });
      if (parsed === null) continue;
      const { code, title, message, error_data: data, href } = parsed;
      errors.push({ error: withoutUndefined({ code, title, message, details: data?.details, href }), path });
    }
    return errors;
  }

  /** The customers a change's `contacts[]` names, each also a sighting. */
  readContactList(list: readonly unknown[], at: (item: string) => PartPlace): Party[] {
    const parties: Party[] = [];
    for (const [i, raw] of list.entries()) {
      const contact = this.read(contactSchema, raw, at(`contacts[${i}]`));
      if (contact === null) continue;
      const party = withoutUndefined<Party>({
        waId: contact.wa_id,
        userId: contact.user_id,
        parentUserId: contact.parent_user_id,
      });
      if (party.waId !== undefined || party.userId !== undefined) parties.push(party);
      this.sighted({ ...party, username: contact.profile?.username, profileName: contact.profile?.name });
    }
    return parties;
  }

  /** Notes what a part shows of a customer; the sightings of one customer merge into one contact. */
  sighted(sighting: ContactSighting): void {
    this.sightings.push(sighting);
  }

  /** The payload read so far, with its contacts merged per customer. */
  finish(): WebhookPayload {
    this.payload.contacts = mergeSightings(this.sightings);
    return this.payload;
  }

  private reportExtraKeys(value: object, shape: Record<string, unknown>, path: string): void {
    for (const key of Object.keys(value)) {
      if (!Object.hasOwn(shape, key)) {
        this.notice({ kind: 'extra-property', path: path === '' ? key : `${path}.${key}` });
      }
    }
  }
}

/** The place of an item of a change's value (`statuses[0]`, …): under the value, with its business number. */
export function itemPlace(value: PartPlace, phoneNumberId: string): (item: string) => PartPlace {
  return (item) => ({ ...value, path: `${value.path}.${item}`, phoneNumberId });
}
