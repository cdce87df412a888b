// Styles inside the Shadow DOM: nothing leaks out, and `:host { all: initial }` keeps page CSS out.
// Sizes are in em of the widget's own 16px, never rem: rem follows the host page's root font size.
// Colours meet WCAG AA contrast (text 15.3:1, primary button 7.2:1, secondary text 7:1).
export const STYLES = `
:host { all: initial; display: block; }
.nh { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1b; background: #fff;
  border: 1px solid #c9ced6; border-radius: 8px; padding: 1em; max-width: 760px; box-sizing: border-box; }
.nh *, .nh *::before, .nh *::after { box-sizing: inherit; }
/* Author rules such as "fieldset label { display: inline-flex }" would otherwise show hidden parts. */
[hidden] { display: none !important; }
h2 { font-size: 1.25em; margin: 0 0 .75em; }
h3 { font-size: 1.05em; margin: 0; }
label { display: block; font-weight: 600; margin: .5em 0 .25em; }
.hint, .meta, .by { color: #4a4f57; font-size: .9em; margin: 0 0 .25em; }
textarea, input, select { font: inherit; color: inherit; background: #fff; border: 1px solid #6b7280; border-radius: 4px; padding: .5em; width: 100%; }
.row { display: flex; flex-wrap: wrap; gap: 1em; align-items: flex-end; margin: .5em 0; }
.row > div { flex: 1 1 12em; }
fieldset { border: 0; padding: 0; margin: 0; flex: 1 1 14em; }
legend { font-weight: 600; padding: 0; margin: .5em 0 .25em; }
fieldset label { display: inline-flex; gap: .35em; font-weight: 400; margin: 0 1em 0 0; align-items: center; }
fieldset input, .consent input { width: auto; }
.targets { margin: .25em 0 .75em; }
.targets label { margin: .25em 1em .25em 0; min-height: 24px; }
.summary { margin: .25em 0; }
.more { margin-top: .75em; }
button:disabled { cursor: default; opacity: .75; }
button { font: inherit; border-radius: 4px; padding: .5em 1em; cursor: pointer; min-height: 44px; }
.primary { background: #0b4f8a; color: #fff; border: 1px solid #0b4f8a; }
.secondary { background: #fff; color: #0b4f8a; border: 1px solid #0b4f8a; }
button:focus-visible, input:focus-visible, textarea:focus-visible, select:focus-visible, summary:focus-visible, a:focus-visible, [tabindex]:focus-visible {
  outline: 3px solid #c2410c; outline-offset: 2px; }
.status { margin: .75em 0; }
.status.error { color: #a4161a; }
.status.done { color: #14532d; font-weight: 600; }
.results { list-style: none; padding: 0; margin: 0; display: grid; gap: .75em; }
.results:focus { outline: none; }
article { border: 1px solid #d8dce2; border-radius: 6px; padding: .75em; }
.strength { font-weight: 600; margin: .25em 0; }
.s-very-strong, .s-strong { color: #14532d; }
details { margin: .25em 0 .5em; }
summary { cursor: pointer; color: #0b4f8a; }
a { color: #0b4f8a; }
.intro { border-top: 1px solid #d8dce2; margin-top: .75em; padding-top: .5em; }
.consent { display: flex; gap: .5em; align-items: flex-start; margin: .5em 0; }
.consent label { font-weight: 400; margin: 0; }
.actions { display: flex; gap: .5em; flex-wrap: wrap; }
@media (max-width: 400px) { .nh { padding: .75em; border-radius: 0; } button { width: 100%; } }
`;
