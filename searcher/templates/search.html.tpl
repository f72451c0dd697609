{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{#COPY_TITLE}}{{PAGE_TITLE}} – {{/COPY_TITLE}}{{#HAS_QUERY}}{{QUERY}} – {{/HAS_QUERY}}{{SITE_TITLE}}</title>
<link rel="alternate" type="application/atom+xml" title="{{SITE_TITLE}}: {{FEED_TITLE}}" href="{{ATOM_URL}}">
<link rel="search" type="application/opensearchdescription+xml" title="{{SITE_TITLE}}" href="{{OPENSEARCH_URL}}">
<style>
:root { --ink: #1b1b1b; --muted: #555; --line: #d8d8d8; --accent: #0b5394; --paper: #fff; --mark: #fff2a8; }
* { box-sizing: border-box; }
body { margin: 0; font: 17px/1.5 Georgia, "Times New Roman", serif; color: var(--ink); background: var(--paper); }
a { color: var(--accent); }
a:focus-visible, input:focus-visible, button:focus-visible, main:focus-visible { outline: 3px solid #e8a200; outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5em; }
.skip:focus { left: .5em; }
header { padding: 1em 1em .5em; border-bottom: 1px solid var(--line); }
.site { margin: 0 0 .5em; font-weight: bold; font-size: 1.3em; }
.site a { color: var(--ink); text-decoration: none; }
.site span { font-weight: normal; color: var(--muted); font-size: .7em; }
label { display: block; font: 15px/1.4 system-ui, sans-serif; color: var(--muted); margin-bottom: .2em; }
.box { display: flex; gap: .5em; max-width: 46em; }
input[type=search] { flex: 1; min-width: 0; font: inherit; padding: .45em .6em; border: 1px solid #767676; border-radius: 4px; }
button { font: 15px system-ui, sans-serif; padding: .45em 1em; border: 0; border-radius: 4px; background: var(--accent); color: #fff; cursor: pointer; }
.layout { display: flex; flex-wrap: wrap; gap: 2em; padding: 1em; }
main { flex: 1 1 32em; min-width: 0; max-width: 46em; }
aside { flex: 0 1 15em; font: 15px/1.4 system-ui, sans-serif; }
.summary, .selected, .pages, .meta, .topics, .correction, .note, .feeds, footer { font: 15px/1.4 system-ui, sans-serif; }
.summary { display: flex; flex-wrap: wrap; justify-content: space-between; gap: .5em; color: var(--muted); }
.summary p { margin: 0; }
.hits { list-style: none; padding: 0; }
.hit { margin: 0 0 1.4em; }
.hit h2 { font-size: 1.15em; margin: 0 0 .15em; }
.meta { color: var(--muted); margin: 0 0 .2em; }
.snippet { margin: 0 0 .3em; }
mark { background: var(--mark); color: inherit; padding: 0 .1em; }
.chip { display: inline-block; border: 1px solid var(--line); border-radius: 1em; padding: 0 .6em; font-size: 14px; text-decoration: none; margin: 0 .2em .2em 0; }
.chip.on { background: var(--accent); border-color: var(--accent); color: #fff; }
.selected { margin: 0 0 .8em; }
.facet h2 { font-size: 1em; margin: 0 0 .3em; }
.facet ul { list-style: none; padding: 0; margin: 0 0 1.2em; }
.facet a { display: flex; justify-content: space-between; gap: .5em; text-decoration: none; padding: .15em .3em; border-radius: 3px; }
.facet a:hover { background: #eef3f8; }
.facet a.on { background: var(--accent); color: #fff; }
.facet .n { color: inherit; opacity: .8; margin-left: auto; }
.facet .hint { margin: 0 0 .3em; color: var(--muted); font-size: 14px; }
.facet .tick { flex: none; width: 1em; height: 1em; margin-top: .2em; border: 1px solid #767676; border-radius: 2px; background: #fff; }
.facet a.on .tick { border-color: #fff; background: #fff; box-shadow: inset 0 0 0 2px var(--accent); }
.facet a.on .tick::after { content: "✓"; display: block; color: var(--accent); font-size: .8em; line-height: 1.2; text-align: center; }
.facet .more { margin: -.8em 0 1.2em; }
.dates form { display: grid; gap: .3em; margin-bottom: 1.2em; }
.dates input { font: inherit; padding: .3em; border: 1px solid #767676; border-radius: 4px; }
.join { font-size: 14px; color: var(--muted); margin-right: .2em; }
.pages { display: flex; flex-wrap: wrap; gap: 1em; align-items: center; margin: 1.5em 0; }
.pages ul { display: flex; flex-wrap: wrap; gap: .3em; list-style: none; padding: 0; margin: 0; }
.pages li a, .pages li strong { display: inline-block; min-width: 2.2em; padding: .3em .5em; text-align: center; border-radius: 4px; }
.pages li strong { background: var(--accent); color: #fff; }
.error { border-left: 4px solid #b00020; padding: .3em .8em; background: #fdecee; }
.empty h2 { font-size: 1.2em; }
footer { color: var(--muted); padding: 1em; border-top: 1px solid var(--line); }
.copy h1 { font-size: 1.6em; line-height: 1.25; margin: .2em 0 .5em; }
.copy .back, .copy .facts, .copy .notice, .copy .similar { font: 15px/1.4 system-ui, sans-serif; }
.copy .facts { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1em; margin: 0 0 1em; }
.copy .facts dt { color: var(--muted); }
.copy .facts dd { margin: 0; overflow-wrap: anywhere; }
.copy .notice { color: var(--muted); border-left: 4px solid var(--line); padding: .2em .8em; }
.copy .text p { margin: 0 0 .9em; }
.like { font: 15px/1.4 system-ui, sans-serif; }
/* Filters come before the results, in the page's order: beside them on a
   wide screen, folded behind "Show filters" on a phone. */
.show-filters { display: none; }
@media (max-width: 40em) {
  body { font-size: 16px; }
  .layout { padding: .6em; gap: 1em; }
  aside { flex-basis: 100%; }
  input.show-filters { display: block; position: absolute; opacity: 0; width: 1px; height: 1px; margin: 0; }
  label.show-filters { display: block; flex-basis: 100%; margin: 0; padding: .5em .8em; border: 1px solid var(--line); border-radius: 4px; color: var(--accent); cursor: pointer; }
  label.show-filters::before { content: "▸ "; }
  input.show-filters:checked + label::before { content: "▾ "; }
  input.show-filters:focus-visible + label { outline: 3px solid #e8a200; outline-offset: 2px; }
  input.show-filters:not(:checked) ~ aside { display: none; }
}
</style>
</head>
<body>
<a class="skip" href="#results">Skip to results</a>
<header>
  <p class="site"><a href="{{HOME_URL}}">{{SITE_TITLE}}</a> <span>news archive</span></p>
  <form role="search" method="get" action="{{FORM_ACTION}}">
    <label for="q">Search the archive</label>
    <div class="box">
      <input id="q" name="q" type="search" value="{{QUERY}}" autocomplete="off"
             placeholder="words, &quot;a phrase&quot;, columnist:name, date:2024..2025">
      {{#KEEP}}<input type="hidden" name="{{NAME}}" value="{{VALUE}}">{{/KEEP}}
      <button type="submit">Search</button>
    </div>
  </form>
</header>
<div class="layout">
{{#FACETS}}
<input type="checkbox" id="show-filters" class="show-filters">
<label for="show-filters" class="show-filters">Show filters{{#CHOSEN}} ({{CHOSEN_N}} chosen){{/CHOSEN}}</label>
<aside id="filters" aria-label="Filter the results">
  {{#FACET}}
  <section class="facet" aria-labelledby="facet-{{ID}}">
    <h2 id="facet-{{ID}}">{{LABEL}}</h2>
    <p class="hint" id="hint-{{ID}}">{{HINT}}</p>
    <ul aria-describedby="hint-{{ID}}">
      {{#VALUE}}<li><a href="{{URL}}" role="checkbox" aria-checked="{{CHECKED}}" class="{{CLASS}}"><span class="tick" aria-hidden="true"></span><span class="name">{{NAME}}</span> <span class="n">{{COUNT}}</span></a></li>{{/VALUE}}
    </ul>
    {{#MORE}}<p class="more"><a href="{{URL}}" aria-label="More {{LABEL}} values">More…</a></p>{{/MORE}}{{#FEWER}}<p class="more"><a href="{{URL}}">Fewer</a></p>{{/FEWER}}
  </section>
  {{/FACET}}
  {{#DATES}}
  <section class="facet dates" aria-labelledby="facet-dates">
    <h2 id="facet-dates">Dates</h2>
    <form method="get" action="{{FORM_ACTION}}">
      {{#KEEP_DATES}}<input type="hidden" name="{{NAME}}" value="{{VALUE}}">{{/KEEP_DATES}}
      <label for="since">From (month)</label>
      <input id="since" name="since" type="month" value="{{SINCE}}" placeholder="YYYY-MM">
      <label for="until">To (month)</label>
      <input id="until" name="until" type="month" value="{{UNTIL}}" placeholder="YYYY-MM">
      <button type="submit">Apply dates</button>
    </form>
  </section>
  {{/DATES}}
</aside>
{{/FACETS}}
<main id="results" tabindex="-1">
  {{#ERROR}}<p class="error" role="alert">{{MESSAGE}}</p>{{/ERROR}}
  {{#CORRECTION}}<p class="correction">Did you mean: <a href="{{URL}}">{{TEXT}}</a>?</p>{{/CORRECTION}}
  {{#NOTE}}<p class="note" role="status">Your query was {{TEXT}}.</p>{{/NOTE}}{{#PARTIAL}}<p class="note" role="status">Part of the archive cannot be reached just now: these results are from the rest of it.</p>{{/PARTIAL}}
  {{#RELAXED}}<p class="note" role="status">{{#NONE}}No article has{{/NONE}}{{#FEW}}Only {{HAVE}}{{/FEW}} all of your words: showing articles with any of them, those with more of them first.</p>{{/RELAXED}}
  {{#LIKE}}<p class="like" role="status">Articles like <a href="{{URL}}">{{TITLE}}</a>, the most alike first.</p>{{/LIKE}}
  {{#COPY}}
  <article class="copy"{{#LANG}} lang="{{CODE}}"{{/LANG}} aria-labelledby="copy-title">
    {{#BACK}}<p class="back"><a href="{{URL}}">← Back to the results</a></p>{{/BACK}}
    <h1 id="copy-title">{{#TITLE}}{{#MARK}}<mark>{{TEXT}}</mark>{{/MARK}}{{#PLAIN}}{{TEXT}}{{/PLAIN}}{{/TITLE}}</h1>
    <dl class="facts">
      {{#FACT}}<dt>{{LABEL}}</dt><dd>{{#VALUE}}<a href="{{URL}}">{{NAME}}</a>{{#VALUE_separator}}, {{/VALUE_separator}}{{/VALUE}}</dd>{{/FACT}}
      {{#DATE}}<dt>Published</dt><dd><time datetime="{{ISO}}">{{SHOWN}}</time></dd>{{/DATE}}
      {{#FEED}}<dt>Feed</dt><dd>{{NAME}}</dd>{{/FEED}}
      <dt>Captured</dt><dd>{{#CAPTURED}}<time datetime="{{ISO}}">{{SHOWN}}</time>{{/CAPTURED}}{{#CAPTURE_UNKNOWN}}not recorded (stored before Morgue kept the time){{/CAPTURE_UNKNOWN}}</dd>
      {{#FETCHED}}<dt>Full text</dt><dd>fetched <time datetime="{{ISO}}">{{SHOWN}}</time> from <a href="{{URL}}" rel="noreferrer">{{URL}}</a></dd>{{/FETCHED}}
      {{#ORIGINAL}}<dt>Original</dt><dd><a href="{{URL}}" rel="noreferrer">{{URL}}</a></dd>{{/ORIGINAL}}
    </dl>
    <p class="notice">The archive's own copy, as it was captured: the publisher's page may since have changed or gone.</p>
    <div class="text">
      {{#PARA}}<p>{{#PART}}{{#MARK}}<mark>{{TEXT}}</mark>{{/MARK}}{{#PLAIN}}{{TEXT}}{{/PLAIN}}{{/PART}}</p>
      {{/PARA}}
    </div>
    <p class="similar"><a href="{{SIMILAR_URL}}">More like this</a></p>
  </article>
  {{/COPY}}
  {{#SELECTED}}
  <div class="selected" aria-label="Selected filters">
    {{#FILTER}}{{#JOIN}}<span class="join">{{WORD}}</span> {{/JOIN}}<a class="chip on" href="{{URL}}" aria-label="Remove filter {{FIELD}}: {{VALUE}}">{{FIELD}}: {{VALUE}} <span aria-hidden="true">×</span></a>{{/FILTER}}
    {{#CLEAR}}<a class="clear" href="{{URL}}">Clear all filters</a>{{/CLEAR}}
  </div>
  {{/SELECTED}}
  {{#SUMMARY}}
  <div class="summary">
    <p id="count" role="status">{{RESULTS}} {{FROM}}{{TO}} of {{ABOUT}}{{TOTAL}} <span class="time">({{SECONDS}} seconds)</span>{{#FOLDED}}<span class="folded"> · {{N}} {{NOUN}} of the same stories folded: <a href="{{URL}}">show every copy</a></span>{{/FOLDED}}{{#UNFOLDED}}<span class="folded"> · every copy shown: <a href="{{URL}}">fold copies of one story</a></span>{{/UNFOLDED}}</p>
    <nav class="sort" aria-label="Sort">
      Sort: {{#SORT}}{{#CURRENT}}<strong aria-current="true">{{LABEL}}</strong>{{/CURRENT}}{{#OTHER}}<a href="{{URL}}">{{LABEL}}</a>{{/OTHER}} {{/SORT}}
    </nav>
  </div>
  {{/SUMMARY}}
  {{#PAST_END}}
  <section class="empty" aria-labelledby="past-title">
    <h2 id="past-title">There is no page {{PAGE}}: these results end on page {{LAST}}.</h2>
    <p><a href="{{URL}}">Go to page {{LAST}}</a></p>
  </section>
  {{/PAST_END}}
  {{#EMPTY}}
  <section class="empty" aria-labelledby="empty-title">
    <h2 id="empty-title">No articles match{{#HAS_QUERY}} <q>{{QUERY}}</q>{{/HAS_QUERY}}{{#FILTERED}} with these filters{{/FILTERED}}.</h2>
    <ul>
      {{#CORRECTION}}<li>Did you mean <a href="{{URL}}">{{TEXT}}</a>?</li>{{/CORRECTION}}
      {{#UNFILTERED}}<li><a href="{{URL}}">Search again without the filters</a>.</li>{{/UNFILTERED}}
      <li>Check the spelling, or use fewer or more general words.</li>
      <li>Join alternatives with <code>OR</code>: <code>senkaku OR diaoyu</code>; end a word with <code>*</code> for its forms: <code>elect*</code>.</li>
      <li>Dates are written <code>date:2024-03..2024-06</code>; columnists <code>columnist:thorbecke</code>.</li>
    </ul>
  </section>
  {{/EMPTY}}
  {{#HITS}}
  <ol class="hits" start="{{FIRST_RANK}}">
    {{#HIT}}
    <li class="hit"{{#LANG}} lang="{{CODE}}"{{/LANG}}>
      <h2>{{#LINKED}}<a href="{{URL}}">{{#TITLE}}{{#MARK}}<mark>{{TEXT}}</mark>{{/MARK}}{{#PLAIN}}{{TEXT}}{{/PLAIN}}{{/TITLE}}</a>{{/LINKED}}{{#UNLINKED}}{{#TITLE}}{{#MARK}}<mark>{{TEXT}}</mark>{{/MARK}}{{#PLAIN}}{{TEXT}}{{/PLAIN}}{{/TITLE}}{{/UNLINKED}}</h2>
      <p class="meta">{{#DATE}}<time datetime="{{ISO}}">{{SHOWN}}</time>{{/DATE}}{{#COLUMNIST}} · <a href="{{URL}}">{{NAME}}</a>{{/COLUMNIST}}{{#FEED}} · <span class="feed">{{NAME}}</span>{{/FEED}}{{#COPY}} · <a class="copy" href="{{URL}}">archive copy</a>{{/COPY}}{{#DUPLICATES}} · <a class="copies" href="{{URL}}">{{N}} more {{NOUN}}</a> of this story{{/DUPLICATES}}</p>
      <p class="snippet">{{#PART}}{{#MARK}}<mark>{{TEXT}}</mark>{{/MARK}}{{#PLAIN}}{{TEXT}}{{/PLAIN}}{{/PART}}</p>
      {{#TOPICS}}<p class="topics">{{#TOPIC}}<a class="chip" href="{{URL}}">{{NAME}}</a> {{/TOPIC}}</p>{{/TOPICS}}
    </li>
    {{/HIT}}
  </ol>
  {{/HITS}}
  {{#PAGES}}
  <nav class="pages" aria-label="Pages">
    {{#PREV}}<a rel="prev" href="{{URL}}">← Previous</a>{{/PREV}}
    <ul>{{#NUMBER}}<li>{{#CURRENT}}<strong aria-current="page">{{N}}</strong>{{/CURRENT}}{{#OTHER}}<a href="{{URL}}" aria-label="Page {{N}}">{{N}}</a>{{/OTHER}}{{#GAP}}<span aria-hidden="true">…</span>{{/GAP}}</li>{{/NUMBER}}</ul>
    {{#NEXT}}<a rel="next" href="{{URL}}">Next →</a>{{/NEXT}}
  </nav>
  {{/PAGES}}
  {{#FOLLOW}}<p class="feeds"><a href="{{ATOM_URL}}">Follow this search as a feed</a></p>{{/FOLLOW}}
</main>
</div>
<footer><p>Searched with Morgue {{VERSION}}. <a href="{{OPENSEARCH_URL}}">Add to your browser</a>.</p></footer>
</body>
</html>
