import type { EmailPayload } from '../messaging/outbox-message.entity';
import type { LicenceState } from '../tenancy/tenant.entity';

const SUBJECTS: Record<LicenceState, string> = {
  active: 'De licentie is weer actief',
  grace: 'Waarschuwing: de licentie is in de respijtperiode',
  suspended: 'De licentie is opgeschort',
};

const MEANING: Record<LicenceState, string> = {
  active: 'U en uw collega’s kunnen weer alles doen in Bezwaarplatform.',
  grace:
    'U en uw collega’s kunnen nog gewoon werken. Blijft de oorzaak bestaan, dan wordt de licentie opgeschort. ' +
    'Medewerkers kunnen dan alleen nog zaken inzien en exporteren.',
  suspended:
    'Medewerkers kunnen zaken nog inzien en exporteren, maar niets meer wijzigen: geen status, geen berichten, ' +
    'geen beslissingen.',
};

/** The warning every tenant admin gets when the municipality's licence state changes. */
export function licenceStateEmail(input: {
  to: string[];
  municipality: string;
  state: LicenceState;
  reason: string;
  licencePageUrl: string;
  sellerName: string;
  sellerEmail: string;
}): EmailPayload {
  return {
    to: input.to,
    subject: `${SUBJECTS[input.state]} – ${input.municipality}`,
    text: [
      'Beste beheerder,',
      `${SUBJECTS[input.state]} voor ${input.municipality}.`,
      `Reden: ${input.reason}`,
      MEANING[input.state],
      'Inwoners kunnen altijd bezwaar blijven maken en hun zaak inzien: de licentie verandert daar niets aan.',
      `De licentie en de facturen staan op ${input.licencePageUrl}`,
      `Vragen? Mail naar ${input.sellerEmail}.`,
      `Met vriendelijke groet,\n${input.sellerName}`,
    ].join('\n\n'),
  };
}
