import { markup, renderPage } from './citizen-pages';
import { TestPerson } from './test-persons';

const NOTICE = markup`<p class="note">
  <strong>Dit is geen echte DigiD.</strong> Deze pagina bestaat alleen in een ontwikkel- of testomgeving en
  speelt de inlogdienst na. U logt in als een verzonnen testpersoon.
</p>`;

/** The login page of the DigiD simulation: choose a fictitious test person, or cancel. */
export function simulationLoginPage(uid: string, persons: readonly TestPerson[]): string {
  const choices = persons.map(
    (person, i) => markup`<div class="choice">
      <input type="radio" name="person" id="person-${person.key}" value="${person.key}" required ${
        i === 0 ? markup`checked` : ''
      } />
      <label for="person-${person.key}">
        <strong>${person.name}</strong>, ${person.address.street} ${person.address.houseNumber},
        ${person.address.postalCode} ${person.address.city} (test-BSN ${person.bsn})
      </label>
    </div>`,
  );
  return renderPage(
    'DigiD-simulatie - Inloggen',
    markup`<h1>DigiD-simulatie</h1>
      ${NOTICE}
      <form method="post" action="/interaction/${uid}/login">
        <fieldset>
          <legend>Als wie wilt u inloggen?</legend>
          ${choices}
        </fieldset>
        <button type="submit" class="primary">Inloggen</button>
      </form>
      <form method="post" action="/interaction/${uid}/abort">
        <button type="submit" class="secondary">Annuleren</button>
      </form>`,
  );
}

/** Shown when the simulation cannot go on (an expired or unknown login attempt, a wrong request). */
export function simulationErrorPage(detail: string): string {
  return renderPage(
    'DigiD-simulatie - Fout',
    markup`<h1>DigiD-simulatie: dit ging niet goed</h1>
      ${NOTICE}
      <p>${detail}</p>
      <p>Ga terug naar de website van de gemeente en begin opnieuw met inloggen.</p>`,
  );
}
