// The NordicHub partner widget: one script tag on a partner page, rendered in a Shadow DOM so
// neither page nor widget can restyle the other. Plain DOM code, no framework runtime.
import { LANGS, STRINGS, type Lang, type Strings } from './i18n.js';
import { STYLES } from './styles.js';

type Strength = keyof Strings['strength'];

interface Options {
  key: string;
  lang: Lang;
  country: string;
  api: string;
  target: HTMLElement;
}

interface PartnerResult {
  company: { id: string; name: string; country: string; sectors: string[] };
  score: number;
  strength: Strength;
  reasons: string[];
}

interface OpportunityResult {
  opportunity: { id: string; title: string; country: string; sectors: string[]; deadline: string | null; url: string | null };
  score: number;
  strength: Strength;
  reasons: string[];
}

const COUNTRIES = ['FI', 'SE', 'NO', 'DK', 'IS', 'AX', 'FO', 'GL'];

class HttpError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

function optionsFrom(script: HTMLScriptElement | null): Options | undefined {
  if (!script) return undefined;
  const data = script.dataset;
  const lang = (LANGS as readonly string[]).includes(data['lang'] ?? '') ? (data['lang'] as Lang) : 'en';
  const api = data['api'] ?? new URL(script.src).origin;
  let target = data['target'] ? document.querySelector<HTMLElement>(data['target']) : null;
  if (!target) {
    target = document.createElement('div');
    script.insertAdjacentElement('afterend', target);
  }
  return { key: data['key'] ?? '', lang, country: COUNTRIES.includes(data['country'] ?? '') ? data['country']! : 'FI', api, target };
}

/** `h('p', {class: 'x'}, 'text', child)`: small element builder; text is always set as text, never HTML. */
function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | boolean> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false) continue;
    el.setAttribute(name, value === true ? '' : value);
  }
  el.append(...children);
  return el;
}

let instances = 0;

class Widget {
  private readonly t: Strings;
  private readonly root: ShadowRoot;
  private readonly id = `nh${++instances}`;
  private status!: HTMLElement;
  private results!: HTMLElement;
  private lastOpener: HTMLElement | null = null;

  constructor(private readonly o: Options) {
    this.t = STRINGS[o.lang];
    this.root = o.target.attachShadow({ mode: 'open' });
    this.render();
  }

  private render(): void {
    const t = this.t;
    const id = (name: string) => `${this.id}-${name}`;
    const countryNames = new Intl.DisplayNames([this.o.lang], { type: 'region' });
    const country = h('select', { id: id('country'), name: 'country' }, ...COUNTRIES.map((c) => h('option', { value: c, selected: c === this.o.country }, countryNames.of(c) ?? c)));
    const kind = h('fieldset', { class: 'kind' },
      h('legend', {}, t.lookFor),
      ...(['partners', 'opportunities'] as const).map((k, i) =>
        h('label', {}, h('input', { type: 'radio', name: 'kind', value: k, checked: i === 0 }), ` ${t[k]}`)),
    );
    const text = h('textarea', { id: id('text'), name: 'text', rows: '4', required: true, minlength: '3', maxlength: '2000', 'aria-describedby': id('hint') });
    const form = h('form', { novalidate: true },
      h('label', { for: id('text') }, t.describe),
      h('p', { id: id('hint'), class: 'hint' }, t.describeHint),
      text,
      h('div', { class: 'row' }, h('div', {}, h('label', { for: id('country') }, t.country), country), kind),
      h('button', { type: 'submit', class: 'primary' }, t.search),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const k = (form.querySelector('input[name=kind]:checked') as HTMLInputElement).value as 'partners' | 'opportunities';
      void this.search(text.value.trim(), country.value, k);
    });
    this.status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
    this.results = h('ol', { class: 'results', 'aria-label': t.title, tabindex: '-1' });
    const section = h('section', { class: 'nh', lang: this.o.lang, 'aria-labelledby': id('title') },
      h('h2', { id: id('title') }, t.title), form, this.status, this.results, h('p', { class: 'by' }, t.poweredBy));
    this.root.append(h('style', {}, STYLES), section);
  }

  private async call<T>(path: string, body: unknown): Promise<T> {
    const res = await fetch(`${this.o.api}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.o.key}` },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new HttpError(res.status);
    return (await res.json()) as T;
  }

  private say(message: string, error = false): void {
    this.status.textContent = message;
    this.status.classList.toggle('error', error);
  }

  private explain(err: unknown): string {
    // A refused key, or a browser that blocked the call because this site's origin is not
    // allowed (fetch then fails without a status): either way the search is not enabled here.
    if (err instanceof HttpError && (err.status === 401 || err.status === 403)) return this.t.notEnabled;
    if (err instanceof TypeError) return this.t.notEnabled;
    if (err instanceof HttpError && err.status === 429) return this.t.tooMany;
    return this.t.failed;
  }

  private async search(text: string, country: string, kind: 'partners' | 'opportunities'): Promise<void> {
    if (text.length < 3) return this.say(this.t.tooShort, true);
    this.say(this.t.searching);
    this.results.replaceChildren();
    try {
      const path = kind === 'partners' ? '/api/v1/partners/search' : '/api/v1/opportunities/search';
      const { results } = await this.call<{ results: (PartnerResult | OpportunityResult)[] }>(path, { text, country, limit: 8, language: this.o.lang });
      this.say(results.length ? this.t.found(results.length) : this.t.none);
      this.results.append(...results.map((r) => ('company' in r ? this.partnerItem(r) : this.opportunityItem(r))));
    } catch (err) {
      this.say(this.explain(err), true);
    }
  }

  private regionName(code: string): string {
    return new Intl.DisplayNames([this.o.lang], { type: 'region' }).of(code) ?? code;
  }

  private card(title: string, country: string, sectors: string[], strength: Strength, reasons: string[], extra: Node[]): HTMLLIElement {
    const t = this.t;
    return h('li', {}, h('article', {},
      h('h3', {}, title),
      h('p', { class: 'meta' }, [this.regionName(country), ...sectors].join(' · ')),
      h('p', { class: `strength s-${strength.replace(' ', '-')}` }, t.strength[strength]),
      h('details', {}, h('summary', {}, t.why), h('ul', {}, ...reasons.map((r) => h('li', {}, r)))),
      ...extra,
    ));
  }

  private partnerItem(r: PartnerResult): HTMLLIElement {
    const open = h('button', { type: 'button', class: 'secondary', 'aria-expanded': 'false' }, this.t.requestIntro);
    const item = this.card(r.company.name, r.company.country, r.company.sectors, r.strength, r.reasons, [open]);
    open.addEventListener('click', () => this.toggleIntro(item, open, r.company.id));
    return item;
  }

  private opportunityItem(r: OpportunityResult): HTMLLIElement {
    const o = r.opportunity;
    const extra: Node[] = [];
    if (o.deadline) extra.push(h('p', { class: 'meta' }, `${this.t.deadline}: ${new Date(`${o.deadline}T12:00:00Z`).toLocaleDateString(this.o.lang)}`));
    if (o.url) extra.push(h('a', { href: o.url, target: '_blank', rel: 'noopener noreferrer' }, o.title));
    return this.card(o.title, o.country, o.sectors, r.strength, r.reasons, extra);
  }

  private toggleIntro(item: HTMLElement, opener: HTMLButtonElement, companyId: string): void {
    const existing = item.querySelector('form');
    if (existing) {
      existing.remove();
      opener.setAttribute('aria-expanded', 'false');
      opener.focus();
      return;
    }
    this.lastOpener = opener;
    opener.setAttribute('aria-expanded', 'true');
    const form = this.introForm(companyId, () => {
      form.remove();
      opener.setAttribute('aria-expanded', 'false');
      this.lastOpener?.focus();
    });
    item.querySelector('article')!.append(form);
    (form.querySelector('input') as HTMLInputElement).focus();
  }

  private introForm(companyId: string, close: () => void): HTMLFormElement {
    const t = this.t;
    const uid = `${this.id}-${companyId}`;
    const field = (name: string, label: string, input: HTMLElement) => h('div', { class: 'field' }, h('label', { for: `${uid}-${name}` }, label), input);
    const name = h('input', { id: `${uid}-name`, name: 'name', autocomplete: 'name', required: true, maxlength: '200' });
    const email = h('input', { id: `${uid}-email`, name: 'email', type: 'email', autocomplete: 'email', required: true, maxlength: '254' });
    const message = h('textarea', { id: `${uid}-message`, name: 'message', rows: '3', required: true, maxlength: '2000' });
    const consent = h('input', { id: `${uid}-consent`, type: 'checkbox', name: 'consent', required: true });
    const note = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
    const cancel = h('button', { type: 'button', class: 'secondary' }, t.cancel);
    const form = h('form', { class: 'intro', novalidate: true, 'aria-label': t.requestIntro },
      field('name', t.yourName, name), field('email', t.yourEmail, email), field('message', t.message, message),
      h('div', { class: 'consent' }, consent, h('label', { for: `${uid}-consent` }, t.consent)),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t.send), cancel), note);
    cancel.addEventListener('click', close);
    form.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') close();
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (!name.value.trim() || !email.checkValidity() || !email.value || !message.value.trim() || !consent.checked) {
        note.textContent = t.invalidForm;
        note.classList.add('error');
        return;
      }
      this.call('/api/v1/introductions', { companyId, name: name.value.trim(), email: email.value.trim(), message: message.value.trim(), consent: true, language: this.o.lang })
        .then(() => {
          const done = h('p', { class: 'status done', role: 'status', tabindex: '-1' }, t.sent);
          form.replaceWith(done);
          done.focus();
        })
        .catch((err: unknown) => {
          note.textContent = this.explain(err);
          note.classList.add('error');
        });
    });
    return form;
  }
}

function start(): void {
  const script = (document.currentScript as HTMLScriptElement | null) ?? document.querySelector<HTMLScriptElement>('script[src*="widget.js"][data-key]');
  const options = optionsFrom(script);
  if (options) new Widget(options);
}

start();
