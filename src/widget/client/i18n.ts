// The widget's words in the six languages of the Nordic network.
export const LANGS = ['en', 'sv', 'fi', 'nb', 'da', 'is'] as const;
export type Lang = (typeof LANGS)[number];

export interface Strings {
  title: string;
  describe: string;
  describeHint: string;
  country: string;
  lookFor: string;
  partners: string;
  opportunities: string;
  search: string;
  searching: string;
  found: (n: number) => string;
  none: string;
  strength: Record<'very strong' | 'strong' | 'good' | 'some', string>;
  why: string;
  deadline: string;
  requestIntro: string;
  yourName: string;
  yourEmail: string;
  message: string;
  consent: string;
  send: string;
  cancel: string;
  sent: string;
  notEnabled: string;
  tooMany: string;
  failed: string;
  tooShort: string;
  invalidForm: string;
  poweredBy: string;
  targetCountries: string;
  showMore: string;
  employees: (band: string) => string;
  website: string;
  yourCompany: string;
  invalidEmail: string;
  sending: string;
  requested: string;
}

export const STRINGS: Record<Lang, Strings> = {
  en: {
    title: 'Find a Nordic partner', describe: 'Describe your company and what you are looking for', describeHint: 'For example: we make recyclable packaging and seek a distributor in Sweden.',
    country: 'Your country', lookFor: 'Show', partners: 'Partner companies', opportunities: 'Export opportunities', search: 'Search', searching: 'Searching…',
    found: (n) => `${n} match${n === 1 ? '' : 'es'} found.`, none: 'No matches yet. Try describing what you offer and need in other words.',
    strength: { 'very strong': 'Very strong match', strong: 'Strong match', good: 'Good match', some: 'Possible match' },
    why: 'Why', deadline: 'Deadline', requestIntro: 'Request an introduction', yourName: 'Your name', yourEmail: 'Your e-mail', message: 'Message to NordicHub',
    consent: 'I agree that NordicHub stores this request and contacts me and the company about it.', send: 'Send request', cancel: 'Cancel',
    sent: 'Thank you. NordicHub has received your request and will be in touch.', notEnabled: 'This search is not available on this site right now.',
    tooMany: 'Too many searches right now. Please wait a minute and try again.', failed: 'Something went wrong. Please try again.',
    tooShort: 'Please write at least a few words.', invalidForm: 'Please fill in every field and tick the consent box.', poweredBy: 'Matches by NordicHub',
    targetCountries: 'Partners in (optional)', showMore: 'Show more', employees: (b) => `${b} employees`, website: 'Website', yourCompany: 'Your company',
    invalidEmail: 'Please enter a valid e-mail address, such as name@company.com.', sending: 'Sending…', requested: 'Introduction requested',
  },
  sv: {
    title: 'Hitta en nordisk partner', describe: 'Beskriv ditt företag och vad du söker', describeHint: 'Till exempel: vi tillverkar återvinningsbara förpackningar och söker en distributör i Norge.',
    country: 'Ditt land', lookFor: 'Visa', partners: 'Partnerföretag', opportunities: 'Exportmöjligheter', search: 'Sök', searching: 'Söker…',
    found: (n) => `${n} ${n === 1 ? 'träff' : 'träffar'}.`, none: 'Inga träffar ännu. Beskriv gärna vad ni erbjuder och behöver med andra ord.',
    strength: { 'very strong': 'Mycket stark matchning', strong: 'Stark matchning', good: 'Bra matchning', some: 'Möjlig matchning' },
    why: 'Varför', deadline: 'Sista dag', requestIntro: 'Be om en introduktion', yourName: 'Ditt namn', yourEmail: 'Din e-post', message: 'Meddelande till NordicHub',
    consent: 'Jag godkänner att NordicHub sparar denna förfrågan och kontaktar mig och företaget om den.', send: 'Skicka förfrågan', cancel: 'Avbryt',
    sent: 'Tack! NordicHub har tagit emot din förfrågan och hör av sig.', notEnabled: 'Sökningen är inte tillgänglig på den här webbplatsen just nu.',
    tooMany: 'För många sökningar just nu. Vänta en minut och försök igen.', failed: 'Något gick fel. Försök igen.',
    tooShort: 'Skriv minst några ord.', invalidForm: 'Fyll i alla fält och kryssa i samtycket.', poweredBy: 'Matchningar från NordicHub',
    targetCountries: 'Partner i (valfritt)', showMore: 'Visa fler', employees: (b) => `${b} anställda`, website: 'Webbplats', yourCompany: 'Ditt företag',
    invalidEmail: 'Skriv en giltig e-postadress, till exempel namn@foretag.se.', sending: 'Skickar…', requested: 'Introduktion begärd',
  },
  fi: {
    title: 'Löydä pohjoismainen kumppani', describe: 'Kuvaile yritystäsi ja mitä etsit', describeHint: 'Esimerkiksi: valmistamme kierrätettäviä pakkauksia ja etsimme jälleenmyyjää Ruotsista.',
    country: 'Maasi', lookFor: 'Näytä', partners: 'Kumppaniyritykset', opportunities: 'Vientimahdollisuudet', search: 'Hae', searching: 'Haetaan…',
    found: (n) => `${n} ${n === 1 ? 'osuma' : 'osumaa'}.`, none: 'Ei vielä osumia. Kuvaile tarjontaasi ja tarpeitasi toisin sanoin.',
    strength: { 'very strong': 'Erittäin vahva osuma', strong: 'Vahva osuma', good: 'Hyvä osuma', some: 'Mahdollinen osuma' },
    why: 'Miksi', deadline: 'Määräaika', requestIntro: 'Pyydä esittelyä', yourName: 'Nimesi', yourEmail: 'Sähköpostisi', message: 'Viesti NordicHubille',
    consent: 'Hyväksyn, että NordicHub tallentaa tämän pyynnön ja ottaa siitä yhteyttä minuun ja yritykseen.', send: 'Lähetä pyyntö', cancel: 'Peruuta',
    sent: 'Kiitos! NordicHub on vastaanottanut pyyntösi ja on yhteydessä.', notEnabled: 'Haku ei ole juuri nyt käytettävissä tällä sivustolla.',
    tooMany: 'Liian monta hakua juuri nyt. Odota hetki ja yritä uudelleen.', failed: 'Jokin meni vikaan. Yritä uudelleen.',
    tooShort: 'Kirjoita ainakin muutama sana.', invalidForm: 'Täytä kaikki kentät ja hyväksy suostumus.', poweredBy: 'Osumat: NordicHub',
    targetCountries: 'Kumppanin maa (valinnainen)', showMore: 'Näytä lisää', employees: (b) => `${b} työntekijää`, website: 'Verkkosivusto', yourCompany: 'Yrityksesi',
    invalidEmail: 'Anna kelvollinen sähköpostiosoite, esimerkiksi nimi@yritys.fi.', sending: 'Lähetetään…', requested: 'Esittelyä pyydetty',
  },
  nb: {
    title: 'Finn en nordisk partner', describe: 'Beskriv bedriften din og hva du ser etter', describeHint: 'For eksempel: vi lager resirkulerbar emballasje og søker en distributør i Sverige.',
    country: 'Ditt land', lookFor: 'Vis', partners: 'Partnerbedrifter', opportunities: 'Eksportmuligheter', search: 'Søk', searching: 'Søker…',
    found: (n) => `${n} treff.`, none: 'Ingen treff ennå. Prøv å beskrive hva dere tilbyr og trenger med andre ord.',
    strength: { 'very strong': 'Svært god match', strong: 'God match', good: 'Grei match', some: 'Mulig match' },
    why: 'Hvorfor', deadline: 'Frist', requestIntro: 'Be om en introduksjon', yourName: 'Ditt navn', yourEmail: 'Din e-post', message: 'Melding til NordicHub',
    consent: 'Jeg samtykker i at NordicHub lagrer denne forespørselen og kontakter meg og bedriften om den.', send: 'Send forespørsel', cancel: 'Avbryt',
    sent: 'Takk! NordicHub har mottatt forespørselen din og tar kontakt.', notEnabled: 'Søket er ikke tilgjengelig på dette nettstedet akkurat nå.',
    tooMany: 'For mange søk akkurat nå. Vent et minutt og prøv igjen.', failed: 'Noe gikk galt. Prøv igjen.',
    tooShort: 'Skriv minst noen ord.', invalidForm: 'Fyll ut alle feltene og kryss av for samtykke.', poweredBy: 'Treff fra NordicHub',
    targetCountries: 'Partner i (valgfritt)', showMore: 'Vis flere', employees: (b) => `${b} ansatte`, website: 'Nettsted', yourCompany: 'Din bedrift',
    invalidEmail: 'Skriv en gyldig e-postadresse, for eksempel navn@bedrift.no.', sending: 'Sender…', requested: 'Introduksjon etterspurt',
  },
  da: {
    title: 'Find en nordisk partner', describe: 'Beskriv din virksomhed og hvad du søger', describeHint: 'For eksempel: vi laver genanvendelig emballage og søger en distributør i Norge.',
    country: 'Dit land', lookFor: 'Vis', partners: 'Partnervirksomheder', opportunities: 'Eksportmuligheder', search: 'Søg', searching: 'Søger…',
    found: (n) => `${n} ${n === 1 ? 'match' : 'matches'}.`, none: 'Ingen matches endnu. Prøv at beskrive, hvad I tilbyder og har brug for, med andre ord.',
    strength: { 'very strong': 'Meget stærkt match', strong: 'Stærkt match', good: 'Godt match', some: 'Muligt match' },
    why: 'Hvorfor', deadline: 'Frist', requestIntro: 'Bed om en introduktion', yourName: 'Dit navn', yourEmail: 'Din e-mail', message: 'Besked til NordicHub',
    consent: 'Jeg accepterer, at NordicHub gemmer denne anmodning og kontakter mig og virksomheden om den.', send: 'Send anmodning', cancel: 'Annuller',
    sent: 'Tak! NordicHub har modtaget din anmodning og vender tilbage.', notEnabled: 'Søgningen er ikke tilgængelig på dette websted lige nu.',
    tooMany: 'For mange søgninger lige nu. Vent et minut, og prøv igen.', failed: 'Noget gik galt. Prøv igen.',
    tooShort: 'Skriv mindst et par ord.', invalidForm: 'Udfyld alle felter, og sæt kryds ved samtykke.', poweredBy: 'Matches fra NordicHub',
    targetCountries: 'Partner i (valgfrit)', showMore: 'Vis flere', employees: (b) => `${b} ansatte`, website: 'Websted', yourCompany: 'Din virksomhed',
    invalidEmail: 'Skriv en gyldig e-mailadresse, for eksempel navn@firma.dk.', sending: 'Sender…', requested: 'Introduktion anmodet',
  },
  is: {
    title: 'Finndu norrænan samstarfsaðila', describe: 'Lýstu fyrirtækinu þínu og því sem þú leitar að', describeHint: 'Til dæmis: við framleiðum endurvinnanlegar umbúðir og leitum að dreifingaraðila í Svíþjóð.',
    country: 'Landið þitt', lookFor: 'Sýna', partners: 'Samstarfsfyrirtæki', opportunities: 'Útflutningstækifæri', search: 'Leita', searching: 'Leita…',
    found: (n) => `${n} ${n % 10 === 1 && n % 100 !== 11 ? 'niðurstaða' : 'niðurstöður'}.`, none: 'Engar niðurstöður enn. Reyndu að lýsa því sem þið bjóðið og þurfið með öðrum orðum.',
    strength: { 'very strong': 'Mjög góð samsvörun', strong: 'Góð samsvörun', good: 'Ágæt samsvörun', some: 'Möguleg samsvörun' },
    why: 'Hvers vegna', deadline: 'Frestur', requestIntro: 'Biðja um kynningu', yourName: 'Nafnið þitt', yourEmail: 'Netfangið þitt', message: 'Skilaboð til NordicHub',
    consent: 'Ég samþykki að NordicHub visti þessa beiðni og hafi samband við mig og fyrirtækið vegna hennar.', send: 'Senda beiðni', cancel: 'Hætta við',
    sent: 'Takk! NordicHub hefur móttekið beiðnina og hefur samband.', notEnabled: 'Leitin er ekki í boði á þessum vef eins og er.',
    tooMany: 'Of margar leitir í einu. Bíddu í mínútu og reyndu aftur.', failed: 'Eitthvað fór úrskeiðis. Reyndu aftur.',
    tooShort: 'Skrifaðu að minnsta kosti nokkur orð.', invalidForm: 'Fylltu út alla reiti og hakaðu við samþykkið.', poweredBy: 'Samsvörun frá NordicHub',
    targetCountries: 'Samstarfsaðili í (valfrjálst)', showMore: 'Sýna fleiri', employees: (b) => `${b} starfsmenn`, website: 'Vefsíða', yourCompany: 'Fyrirtækið þitt',
    invalidEmail: 'Sláðu inn gilt netfang, til dæmis nafn@fyrirtaeki.is.', sending: 'Sendi…', requested: 'Beðið um kynningu',
  },
};
