import { formatDutchDate } from '../deadlines/dutch-dates';
import { LocalDate } from '../deadlines/local-date';

interface Parties {
  objector: {
    name: string;
    address?: { street: string; houseNumber: string; postalCode: string; city: string };
  };
  representative?: { name: string; organisation?: string } | null;
}

/** Who a letter goes to: the representative where there is one (Awb 2:1), else the objector at home. */
export function addresseeLines({ objector, representative }: Parties): string[] {
  if (representative) {
    return [representative.name, representative.organisation, `namens ${objector.name}`].filter(
      (line): line is string => Boolean(line),
    );
  }
  const address = objector.address;
  return address
    ? [
        objector.name,
        `${address.street} ${address.houseNumber}`,
        `${address.postalCode.toUpperCase()} ${address.city}`,
      ]
    : [objector.name];
}

/** The name in "Geachte …,". */
export function addresseeName({ objector, representative }: Parties): string {
  return (representative ?? objector).name;
}

/** 4 januari 2027: letters write dates out. */
export function writtenDate(date: string): string {
  return formatDutchDate(date as LocalDate, { weekday: false });
}

/** 29 november 2026 om 14:05, in Amsterdam's time. */
export function writtenDateTime(instant: Date): string {
  return new Intl.DateTimeFormat('nl-NL', {
    timeZone: 'Europe/Amsterdam',
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(instant);
}
