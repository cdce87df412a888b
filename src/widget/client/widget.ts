// The NordicHub partner widget: one script tag on a partner page, rendered in a Shadow DOM so
// neither page nor widget can restyle the other. Plain DOM code, no framework runtime.
import { namedCountries } from '../../matching/free-text.js';
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
  company: { id: string; name: string; country: string; sectors: string[]; website: string | null; language: string | null };
  score: number;
  strength: Strength;
  reasons: string[];
  summary: string;
  employeeBand: string | null;
}

type Kind = 'partners' | 'opportunities';

/** What a search asked, kept so "show more" asks the same again from a later offset. */
interface Query {
  kind: Kind;
  body: { text: string; country: string; countries?: string[]; limit: number; language: Lang };
}

/** What the visitor typed in an introduction form, offered again in the next one on this page. */
interface Visitor {
  name: string;
  email: string;
  company: string;
}

interface OpportunityResult {
  opportunity: { id: string; title: string; country: string; sectors: string[]; deadline: string | null; url: string | null };
  score: number;
  strength: Strength;
  reasons: string[];
}

const COUNTRIES = ['FI', 'SE', 'NO', 'DK', 'IS', 'AX', 'FO', 'GL'];
// A card shows this many results at a time; the API bounds the whole list (40).
const PAGE_SIZE = 8;
// The shape the API accepts (zod's e-mail check): a local part, "@", and a dotted domain.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

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
function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
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
  private more!: HTMLButtonElement;
  private country!: HTMLSelectElement;
  private targets!: HTMLElement;
  private lastOpener: HTMLElement | null = null;
  private query: Query | undefined;
  private nextOffset: number | null = null;
  // Kept in memory only, for as long as the page is open: never in the partner site's storage,
  // which the site's own scripts could read.
  private visitor: Visitor = { name: '', email: '', company: '' };
  private readonly requested = new Set<string>();
  // Target countries ticked because the text named them: untick them when the text no longer does.
  private readonly fromText = new Set<string>();

  constructor(private readonly o: Options) {
    this.t = STRINGS[o.lang];
    this.root = o.target.attachShadow({ mode: 'open' });
    this.render();
  }

  private render(): void {
    const t = this.t;
    const id = (name: string) => `${this.id}-${name}`;
    this.country = h(
      'select',
      { id: id('country'), name: 'country' },
      ...COUNTRIES.map((c) => h('option', { value: c, selected: c === this.o.country }, this.regionName(c))),
    );
    const kind = h(
      'fieldset',
      { class: 'kind' },
      h('legend', {}, t.lookFor),
      ...(['partners', 'opportunities'] as const).map((k, i) =>
        h('label', {}, h('input', { type: 'radio', name: 'kind', value: k, checked: i === 0 }), ` ${t[k]}`),
      ),
    );
    this.targets = h(
      'fieldset',
      { class: 'targets' },
      h('legend', {}, t.targetCountries),
      ...COUNTRIES.map((c) => h('label', { 'data-country': c }, h('input', { type: 'checkbox', name: 'countries', value: c }), ` ${this.regionName(c)}`)),
    );
    const text = h('textarea', { id: id('text'), name: 'text', rows: '4', required: true, minlength: '3', maxlength: '2000', 'aria-describedby': id('hint') });
    const form = h(
      'form',
      { novalidate: true },
      h('label', { for: id('text') }, t.describe),
      h('p', { id: id('hint'), class: 'hint' }, t.describeHint),
      text,
      h('div', { class: 'row' }, h('div', {}, h('label', { for: id('country') }, t.country), this.country), kind),
      this.targets,
      h('button', { type: 'submit', class: 'primary' }, t.search),
    );
    this.showTargets();
    this.country.addEventListener('change', () => this.showTargets());
    text.addEventListener('input', () => this.targetsFromText(text.value));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const k = (form.querySelector('input[name=kind]:checked') as HTMLInputElement).value as Kind;
      void this.search(text.value.trim(), k);
    });
    this.status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
    this.results = h('ol', { class: 'results', 'aria-label': t.title, tabindex: '-1' });
    this.more = h('button', { type: 'button', class: 'secondary more', hidden: true }, t.showMore);
    this.more.addEventListener('click', () => void this.showMore());
    const section = h(
      'section',
      { class: 'nh', lang: this.o.lang, 'aria-labelledby': id('title') },
      h('h2', { id: id('title') }, t.title),
      form,
      this.status,
      this.results,
      this.more,
      h('p', { class: 'by' }, t.poweredBy),
    );
    this.root.append(h('style', {}, STYLES), section);
  }

  private targetBoxes(): HTMLInputElement[] {
    return [...this.targets.querySelectorAll<HTMLInputElement>('input')];
  }

  /** Matches always come from another country: the visitor's own is not offered as a target. */
  private showTargets(): void {
    for (const box of this.targetBoxes()) {
      const own = box.value === this.country.value;
      box.parentElement!.hidden = own;
      if (own) box.checked = false;
    }
  }

  /** "…en distributör i Norge" ticks Norway; deleting the words unticks it again. */
  private targetsFromText(text: string): void {
    const named = new Set(namedCountries(text));
    for (const box of this.targetBoxes()) {
      if (box.value === this.country.value) continue;
      if (named.has(box.value) && !this.fromText.has(box.value)) {
        box.checked = true;
        this.fromText.add(box.value);
      } else if (!named.has(box.value) && this.fromText.has(box.value)) {
        box.checked = false;
        this.fromText.delete(box.value);
      }
    }
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

  private clearResults(): void {
    this.results.replaceChildren();
    this.more.hidden = true;
    this.nextOffset = null;
  }

  private async search(text: string, kind: Kind): Promise<void> {
    this.clearResults();
    this.query = undefined;
    if (text.length < 3) return this.say(this.t.tooShort, true);
    const countries = this.targetBoxes()
      .filter((b) => b.checked && b.value !== this.country.value)
      .map((b) => b.value);
    const query: Query = {
      kind,
      body: { text, country: this.country.value, limit: PAGE_SIZE, language: this.o.lang, ...(countries.length ? { countries } : {}) },
    };
    this.query = query;
    this.say(this.t.searching);
    await this.fetchPage(query, 0);
  }

  private async showMore(): Promise<void> {
    if (!this.query || this.nextOffset === null) return;
    this.more.disabled = true;
    const first = this.results.children.length;
    await this.fetchPage(this.query, this.nextOffset);
    this.more.disabled = false;
    // Keyboard and screen-reader users continue at the first new result.
    const added = this.results.children[first]?.querySelector('h3');
    if (added) {
      added.tabIndex = -1;
      added.focus();
    }
  }

  /** Partners come in pages ("show more"); opportunities in one answer. */
  private async fetchPage(query: Query, offset: number): Promise<void> {
    try {
      const paged = query.kind === 'partners';
      const path = paged ? '/api/v1/partners/search' : '/api/v1/opportunities/search';
      const answer = await this.call<{ results: (PartnerResult | OpportunityResult)[]; nextOffset?: number | null }>(
        path,
        paged ? { ...query.body, offset } : query.body,
      );
      // A newer search started while this one was on its way: its answer is no longer wanted.
      if (this.query !== query) return;
      this.results.append(...answer.results.map((r) => ('company' in r ? this.partnerItem(r) : this.opportunityItem(r))));
      const shown = this.results.children.length;
      this.say(shown ? this.t.found(shown) : this.t.none);
      this.nextOffset = answer.nextOffset ?? null;
      this.more.hidden = this.nextOffset === null;
    } catch (err) {
      if (this.query === query) this.say(this.explain(err), true);
    }
  }

  private regionName(code: string): string {
    return new Intl.DisplayNames([this.o.lang], { type: 'region' }).of(code) ?? code;
  }

  private card(title: string, meta: string[], strength: Strength, reasons: string[], extra: Node[], lead: Node[] = []): HTMLLIElement {
    const t = this.t;
    return h(
      'li',
      {},
      h(
        'article',
        {},
        h('h3', {}, title),
        h('p', { class: 'meta' }, meta.join(' · ')),
        ...lead,
        h('p', { class: `strength s-${strength.replace(' ', '-')}` }, t.strength[strength]),
        h('details', {}, h('summary', {}, t.why), h('ul', {}, ...reasons.map((r) => h('li', {}, r)))),
        ...extra,
      ),
    );
  }

  private partnerItem(r: PartnerResult): HTMLLIElement {
    const c = r.company;
    const meta = [this.regionName(c.country)];
    if (r.employeeBand) meta.push(this.t.employees(r.employeeBand.replace('-', '–')));
    // The description stays in the company's own language: say which, for screen readers.
    const lead: Node[] = [h('p', { class: 'summary', ...(c.language ? { lang: c.language } : {}) }, r.summary)];
    const site = websiteLink(c.website);
    if (site) lead.push(h('p', { class: 'meta' }, `${this.t.website}: `, h('a', { href: site.href, target: '_blank', rel: 'noopener noreferrer' }, site.host)));
    const open = h('button', { type: 'button', class: 'secondary', 'aria-expanded': 'false' }, this.t.requestIntro);
    const item = this.card(c.name, meta, r.strength, r.reasons, [open], lead);
    if (this.requested.has(c.id)) this.markRequested(open);
    open.addEventListener('click', () => this.toggleIntro(item, open, c.id));
    return item;
  }

  /** One request per company: the card's button says it was sent and opens nothing more. */
  private markRequested(opener: HTMLButtonElement): void {
    opener.textContent = this.t.requested;
    opener.disabled = true;
    opener.removeAttribute('aria-expanded');
  }

  private opportunityItem(r: OpportunityResult): HTMLLIElement {
    const o = r.opportunity;
    const extra: Node[] = [];
    if (o.deadline) extra.push(h('p', { class: 'meta' }, `${this.t.deadline}: ${new Date(`${o.deadline}T12:00:00Z`).toLocaleDateString(this.o.lang)}`));
    if (o.url) extra.push(h('a', { href: o.url, target: '_blank', rel: 'noopener noreferrer' }, o.title));
    return this.card(o.title, [this.regionName(o.country), ...o.sectors], r.strength, r.reasons, extra);
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
    const form = this.introForm(companyId, opener, () => {
      form.remove();
      opener.setAttribute('aria-expanded', 'false');
      this.lastOpener?.focus();
    });
    item.querySelector('article')!.append(form);
    (form.querySelector('input') as HTMLInputElement).focus();
  }

  private introForm(companyId: string, opener: HTMLButtonElement, close: () => void): HTMLFormElement {
    const t = this.t;
    const v = this.visitor;
    const uid = `${this.id}-${companyId}`;
    const field = (name: string, label: string, input: HTMLElement) => h('div', { class: 'field' }, h('label', { for: `${uid}-${name}` }, label), input);
    const name = h('input', { id: `${uid}-name`, name: 'name', autocomplete: 'name', required: true, maxlength: '200', value: v.name });
    const email = h('input', { id: `${uid}-email`, name: 'email', type: 'email', autocomplete: 'email', required: true, maxlength: '254', value: v.email });
    const company = h('input', { id: `${uid}-company`, name: 'company', autocomplete: 'organization', required: true, maxlength: '200', value: v.company });
    const message = h('textarea', { id: `${uid}-message`, name: 'message', rows: '3', required: true, maxlength: '2000' });
    const consent = h('input', { id: `${uid}-consent`, type: 'checkbox', name: 'consent', required: true });
    const note = h('p', { id: `${uid}-note`, class: 'status', role: 'status', 'aria-live': 'polite' });
    const send = h('button', { type: 'submit', class: 'primary' }, t.send);
    const cancel = h('button', { type: 'button', class: 'secondary' }, t.cancel);
    const form = h(
      'form',
      { class: 'intro', novalidate: true, 'aria-label': t.requestIntro },
      field('name', t.yourName, name),
      field('email', t.yourEmail, email),
      field('company', t.yourCompany, company),
      field('message', t.message, message),
      h('div', { class: 'consent' }, consent, h('label', { for: `${uid}-consent` }, t.consent)),
      h('div', { class: 'actions' }, send, cancel),
      note,
    );
    const problem = (text: string, field?: HTMLInputElement) => {
      note.textContent = text;
      note.classList.add('error');
      for (const input of [name, email, company]) input.removeAttribute('aria-invalid');
      if (field) {
        field.setAttribute('aria-invalid', 'true');
        field.setAttribute('aria-describedby', note.id);
        field.focus();
      }
    };
    cancel.addEventListener('click', close);
    form.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') close();
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (send.disabled) return;
      const filled = { name: name.value.trim(), email: email.value.trim(), company: company.value.trim() };
      // A typed but malformed address gets its own message: "karin@" is not an e-mail address.
      if (filled.email && !EMAIL.test(filled.email)) return problem(t.invalidEmail, email);
      if (!filled.name || !filled.email || !filled.company || !message.value.trim() || !consent.checked) return problem(t.invalidForm);
      this.visitor = filled;
      send.disabled = true;
      send.textContent = t.sending;
      note.textContent = '';
      note.classList.remove('error');
      this.call('/api/v1/introductions', {
        companyId,
        name: filled.name,
        email: filled.email,
        visitorCompany: filled.company,
        country: this.country.value,
        message: message.value.trim(),
        consent: true,
        language: this.o.lang,
      })
        .then(() => {
          this.requested.add(companyId);
          this.markRequested(opener);
          const done = h('p', { class: 'status done', role: 'status', tabindex: '-1' }, t.sent);
          form.replaceWith(done);
          done.focus();
        })
        .catch((err: unknown) => {
          send.disabled = false;
          send.textContent = t.send;
          problem(this.explain(err));
        });
    });
    return form;
  }
}

/** A company's website as a link, only when it is an http(s) address: never a script URL. */
function websiteLink(website: string | null): { href: string; host: string } | undefined {
  if (!website) return undefined;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(website) ? website : `https://${website}`);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    return { href: url.href, host: url.host.replace(/^www\./, '') };
  } catch {
    return undefined;
  }
}

function start(): void {
  const script = (document.currentScript as HTMLScriptElement | null) ?? document.querySelector<HTMLScriptElement>('script[src*="widget.js"][data-key]');
  const options = optionsFrom(script);
  if (options) new Widget(options);
}

start();
