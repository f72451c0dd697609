#include "cgi_page.hpp"

#include "morgue/dates.hpp"
#include "morgue/errors.hpp"
#include "morgue/language.hpp"
#include "morgue/text.hpp"

#include <algorithm>
#include <ctemplate/template.h>
#include <fmt/format.h>

#ifndef MORGUE_VERSION
#define MORGUE_VERSION "unknown"
#endif

namespace morgue {

namespace {

using Dict = ctemplate::TemplateDictionary;

// Links drop the page number (a new result set starts at page 1) and the
// format (links are to the HTML page), and empty parameters say nothing.
Params base_params(const Params& params) {
    Params out;
    for (const auto& p : params)
        if (p.first != "page" && p.first != "format" && !p.second.empty()) out.push_back(p);
    return out;
}

bool same_value(const std::string& a, const std::string& b) {
    return casefold(a) == casefold(b);
}

// The filter `name`=`value` removed if present, else added.
Params toggled(const Params& params, const std::string& name, const std::string& value) {
    Params out = base_params(params);
    if (std::erase_if(out, [&](const auto& p) {
            return p.first == name && same_value(p.second, value);
        }) == 0)
        out.emplace_back(name, value);
    return out;
}

Params with_value(const Params& params, const std::string& name, const std::string& value) {
    Params out = base_params(params);
    std::erase_if(out, [&](const auto& p) { return p.first == name; });
    if (!value.empty()) out.emplace_back(name, value);
    return out;
}

// A story's copies are asked for with every copy shown: leaving the story
// leaves that too.
Params without_story(const Params& params) {
    Params out = base_params(params);
    if (!value_of(out, "story").empty())
        std::erase_if(out,
                      [](const auto& p) { return p.first == "story" || p.first == "collapse"; });
    return out;
}

Params without_filters(const Params& params) {
    Params out = without_story(params);
    std::erase_if(out, [](const auto& p) {
        return std::find(page_filter_fields.begin(), page_filter_fields.end(), p.first) !=
                   page_filter_fields.end() ||
               p.first == "since" || p.first == "until";
    });
    return out;
}

// The copies of `story` that match what the page searched for.
Params story_copies(const Params& params, const std::string& story) {
    return with_value(with_value(params, "story", story), "collapse", "0");
}

std::string thousands(std::uint64_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

// "2025-03-14T10:00:00Z" -> "14 Mar 2025".
std::string shown_date(const std::string& iso) {
    static constexpr const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (iso.size() < 10) return iso;
    int month = std::atoi(iso.substr(5, 2).c_str());
    if (month < 1 || month > 12) return iso.substr(0, 10);
    return fmt::format("{} {} {}", std::atoi(iso.substr(8, 2).c_str()), months[month - 1],
                       iso.substr(0, 4));
}

std::string expand(const CgiConfig& config, const std::string& name, Dict& dict) {
    ctemplate::mutable_default_template_cache()->SetTemplateRootDirectory(config.templates);
    std::string out;
    if (!ctemplate::ExpandTemplate(name, ctemplate::STRIP_BLANK_LINES, &dict, &out))
        throw DatabaseError(
            fmt::format("template {}/{} is missing or broken", config.templates, name));
    return out;
}

void set_common(Dict& d, const PageContext& c) {
    const SearchRequest& s = c.request.search;
    d.SetValue("SITE_TITLE", c.config.title);
    d.SetValue("VERSION", MORGUE_VERSION);
    d.SetValue("FORM_ACTION", c.script_path);
    d.SetValue("HOME_URL", c.script_path);
    d.SetValue("QUERY", s.query);
    if (!s.query.empty()) d.ShowSection("HAS_QUERY");
    d.SetValue("FEED_TITLE", s.query.empty() ? "newest articles" : s.query);
    d.SetValue("ATOM_URL", link_to(c.script_path, [&] {
                   Params p = base_params(c.params);
                   p.emplace_back("format", "atom");
                   return p;
               }()));
    d.SetValue("OPENSEARCH_URL", link_to(c.script_path, {{"format", "opensearch"}}));
    // A new search from the box keeps the filters and the sort (not the
    // article a stored copy or a similar search is of).
    for (const auto& [name, value] : base_params(c.params)) {
        if (name == "q" || name == "doc" || name == "similar") continue;
        Dict* keep = d.AddSectionDictionary("KEEP");
        keep->SetValue("NAME", name);
        keep->SetValue("VALUE", value);
    }
}

void set_correction(Dict& d, const PageContext& c, const SearchResult& r, const char* section) {
    if (r.corrected_query.empty()) return;
    Dict* fix = d.AddSectionDictionary(section);
    fix->SetValue("TEXT", r.corrected_query);
    fix->SetValue("URL", link_to(c.script_path, with_value(c.params, "q", r.corrected_query)));
}

// "2025-03" -> "March 2025".
std::string shown_month(const std::string& month) {
    static constexpr const char* names[] = {"January",   "February", "March",    "April",
                                            "May",       "June",     "July",     "August",
                                            "September", "October",  "November", "December"};
    int m = month.size() == 7 ? std::atoi(month.substr(5).c_str()) : 0;
    return m >= 1 && m <= 12 ? fmt::format("{} {}", names[m - 1], month.substr(0, 4)) : month;
}

// A value as a reader reads it: a language by its name ("German"), not its
// code; a month by its name.
std::string shown_value(const std::string& field, const std::string& value) {
    if (field == "language") return language_name(value);
    return field == "month" ? shown_month(value) : value;
}

void set_selected(Dict& d, const PageContext& c) {
    const SearchRequest& s = c.request.search;
    Dict* selected = nullptr;
    std::string last_field;
    // Values of one field are alternatives, fields narrow each other: the
    // chips say so ("or", "and") as the search means it.
    auto chip = [&](const std::string& field, const std::string& value, const Params& after) {
        if (!selected) selected = d.AddSectionDictionary("SELECTED");
        Dict* f = selected->AddSectionDictionary("FILTER");
        if (!last_field.empty())
            f->SetValueAndShowSection("WORD", field == last_field ? "or" : "and", "JOIN");
        last_field = field;
        f->SetValue("FIELD", field);
        f->SetValue("VALUE", shown_value(field, value));
        f->SetValue("URL", link_to(c.script_path, after));
    };
    for (const auto& field : page_filter_fields) {
        auto it = s.filters.find(field);
        if (it != s.filters.end())
            for (const auto& v : it->second)
                chip(field, v, toggled(c.params, field, v));
    }
    if (!s.since.empty()) chip("since", s.since, with_value(c.params, "since", ""));
    if (!s.until.empty()) chip("until", s.until, with_value(c.params, "until", ""));
    if (!s.story.empty()) chip("copies of", "one story", without_story(c.params));
    if (selected)
        selected->AddSectionDictionary("CLEAR")->SetValue(
            "URL", link_to(c.script_path, without_filters(c.params)));
}

void set_sort(Dict& d, const PageContext& c) {
    static const std::vector<std::tuple<const char*, const char*, Sort>> sorts = {
        {"relevance", "relevance", Sort::relevance},
        {"newest", "newest", Sort::date},
        {"oldest", "oldest", Sort::date_ascending}};
    for (const auto& [param, label, sort] : sorts) {
        Dict* s = d.AddSectionDictionary("SORT");
        bool current = c.request.search.sort == sort;
        Dict* which = s->AddSectionDictionary(current ? "CURRENT" : "OTHER");
        which->SetValue("LABEL", label);
        which->SetValue("URL", link_to(c.script_path, with_value(c.params, "sort", param)));
    }
}

// page_highlight's markers split a snippet or title into plain and marked runs.
void set_marked(Dict& hit, const char* section, const std::string& snippet) {
    bool marked = false;
    std::size_t start = 0;
    while (start <= snippet.size()) {
        std::size_t end = std::min(snippet.find_first_of("\x01\x02", start), snippet.size());
        if (end > start) {
            Dict* part = hit.AddSectionDictionary(section);
            part->AddSectionDictionary(marked ? "MARK" : "PLAIN")
                ->SetValue("TEXT", snippet.substr(start, end - start));
        }
        if (end < snippet.size()) marked = snippet[end] == '\x01';
        start = end + 1;
    }
}

// The search a page shows, page number included, as the HTML page: what an
// archive copy's link carries (the words to mark, the way back).
Params search_params(const Params& params) {
    Params out;
    for (const auto& p : params)
        if (p.first != "format" && p.first != "doc" && !p.second.empty()) out.push_back(p);
    return out;
}

// The archive's copy of article `id`, from a page of results.
std::string copy_link(const PageContext& c, const std::string& id) {
    Params p = search_params(c.params);
    p.emplace_back("doc", id);
    return link_to(c.script_path, p);
}

// "2025-03-14T10:00:00Z" -> "14 Mar 2025, 10:00 UTC".
std::string shown_time(std::time_t t) {
    std::string iso = iso8601_utc(t);
    return fmt::format("{}, {} UTC", shown_date(iso), iso.substr(11, 5));
}

// A result's columnist and topics link to "only this one" (not a toggle: the
// link must not remove a filter the reader chose).
void set_hit(Dict& d, const PageContext& c, const Hit& h) {
    const Article& a = h.article;
    Dict* hit = d.AddSectionDictionary("HIT");
    // Read aloud (and hyphenated) in its own language, where that is not
    // the page's own (its words are English: <html lang="en">).
    if (!a.language.empty() && a.language != "en")
        hit->SetValueAndShowSection("CODE", a.language, "LANG");
    Dict* head = hit->AddSectionDictionary(a.url.empty() ? "UNLINKED" : "LINKED");
    set_marked(*head, "TITLE", h.title.empty() ? "(untitled)" : h.title);
    head->SetValue("URL", a.url);
    if (a.date) {
        Dict* date = hit->AddSectionDictionary("DATE");
        // The day the publisher printed, on its clock; the attribute keeps the offset.
        std::string when = iso8601_local(a.date, a.utc_offset);
        date->SetValue("ISO", when);
        date->SetValue("SHOWN", shown_date(when));
    }
    for (const auto& [field, names] :
         {std::pair{"columnist", &a.columnists}, std::pair{"credit", &a.credits}})
        for (const auto& name : *names) {
            Dict* col = hit->AddSectionDictionary("COLUMNIST");
            col->SetValue("NAME", name);
            col->SetValue("URL", link_to(c.script_path, with_value(c.params, field, name)));
        }
    if (!a.feed_title.empty()) hit->AddSectionDictionary("FEED")->SetValue("NAME", a.feed_title);
    if (!a.id.empty()) hit->AddSectionDictionary("COPY")->SetValue("URL", copy_link(c, a.id));
    if (h.duplicates) {
        Dict* dup = hit->AddSectionDictionary("DUPLICATES");
        dup->SetIntValue("N", h.duplicates);
        dup->SetValue("NOUN", h.duplicates == 1 ? "copy" : "copies");
        dup->SetValue("URL", link_to(c.script_path, story_copies(c.params, h.story)));
    }
    set_marked(*hit, "PART", h.snippet);
    if (!a.topics.empty()) {
        Dict* topics = hit->AddSectionDictionary("TOPICS");
        for (const auto& t : a.topics) {
            Dict* topic = topics->AddSectionDictionary("TOPIC");
            topic->SetValue("NAME", t);
            topic->SetValue("URL", link_to(c.script_path, with_value(c.params, "topic", t)));
        }
    }
}

// "More…" when the search found more values than the facet shows (it
// counts one more than that), "fewer" once more are shown.
void set_more(Dict& facet, const PageContext& c, const std::string& field, bool has_more) {
    if (c.request.shows_more(field)) {
        Params p = base_params(c.params);
        std::erase_if(p, [&](const auto& v) { return v.first == "more" && v.second == field; });
        facet.AddSectionDictionary("FEWER")->SetValue("URL", link_to(c.script_path, p));
    } else if (has_more) {
        Params p = base_params(c.params);
        p.emplace_back("more", field);
        facet.AddSectionDictionary("MORE")->SetValue("URL", link_to(c.script_path, p));
    }
}

// Each value a link that ticks or unticks it (several may be ticked: any of
// them will do), with its exact count.
void set_facet(Dict& facets, const PageContext& c, Facet f) {
    static const std::map<std::string, std::string> labels = {
        {"columnist", "Columnist"}, {"topic", "Topic"}, {"language", "Language"},
        {"credit", "Credit"},       {"year", "Year"},   {"month", "Month"}};
    auto chosen = c.request.search.filters.find(f.field);
    std::size_t ticked = chosen == c.request.search.filters.end() ? 0 : chosen->second.size();
    std::size_t shown = c.request.shows_more(f.field) ? facet_more_values : facet_values;
    bool has_more = f.values.size() > shown;
    if (has_more) f.values.resize(shown);
    if (f.field == "year" || f.field == "month") // dates read best in order, newest first
        std::sort(f.values.begin(), f.values.end(),
                  [](const auto& a, const auto& b) { return a.value > b.value; });
    Dict* facet = facets.AddSectionDictionary("FACET");
    facet->SetValue("ID", f.field);
    facet->SetValue("LABEL", labels.count(f.field) ? labels.at(f.field) : f.field);
    facet->SetValue("HINT", ticked == 0 ? std::string("Tick one or more: any of them will do.")
                            : ticked == 1
                                ? std::string("Tick another to add it: any of them will do.")
                                : fmt::format("Articles with any of the {} ticked.", ticked));
    for (const auto& v : f.values) {
        bool on =
            ticked && std::any_of(chosen->second.begin(), chosen->second.end(),
                                  [&](const std::string& s) { return same_value(s, v.value); });
        Dict* value = facet->AddSectionDictionary("VALUE");
        value->SetValue("NAME", shown_value(f.field, v.value));
        value->SetValue("COUNT", thousands(v.count));
        value->SetValue("URL", link_to(c.script_path, toggled(c.params, f.field, v.value)));
        value->SetValue("CHECKED", on ? "true" : "false");
        value->SetValue("CLASS", on ? "on" : "");
    }
    set_more(*facet, c, f.field, has_more);
}

// The month <input>'s value for a bound typed as YYYY, YYYY-MM or
// YYYY-MM-DD: its month (a year starts in January and ends in December).
std::string month_of(const std::string& bound, bool until) {
    bool digits = bound.size() >= 4 && std::all_of(bound.begin(), bound.begin() + 4,
                                                   [](char ch) { return ch >= '0' && ch <= '9'; });
    if (!digits) return {};
    if (bound.size() == 4) return bound + (until ? "-12" : "-01");
    return bound.size() >= 7 && bound[4] == '-' ? bound.substr(0, 7) : std::string();
}

// From and to, by month: a form that works without JavaScript, keeping the
// rest of the search.
void set_dates(Dict& facets, const PageContext& c) {
    Dict* dates = facets.AddSectionDictionary("DATES");
    dates->SetValue("SINCE", month_of(c.request.search.since, false));
    dates->SetValue("UNTIL", month_of(c.request.search.until, true));
    for (const auto& [name, value] : base_params(c.params)) {
        if (name == "since" || name == "until") continue;
        Dict* keep = dates->AddSectionDictionary("KEEP_DATES");
        keep->SetValue("NAME", name);
        keep->SetValue("VALUE", value);
    }
}

void set_facets(Dict& d, const PageContext& c, const SearchResult& r) {
    Dict* facets = nullptr;
    for (const Facet& f : r.facets) {
        bool chosen_any = c.request.search.filters.contains(f.field);
        // An archive in one language has nothing to choose between.
        if (f.values.empty() || (f.field == "language" && f.values.size() < 2 && !chosen_any))
            continue;
        if (!facets) facets = d.AddSectionDictionary("FACETS");
        set_facet(*facets, c, f);
    }
    if (!facets) return;
    set_dates(*facets, c);
    // The phone's folded filters say how many are chosen.
    const SearchRequest& s = c.request.search;
    std::size_t chosen = !s.since.empty() + !s.until.empty();
    for (const auto& [field, values] : s.filters)
        chosen += values.size();
    if (chosen) facets->SetValueAndShowSection("CHOSEN_N", std::to_string(chosen), "CHOSEN");
}

// The number of the last page of `r` (the page can go no further than max_page).
unsigned last_page(const SearchResult& r) {
    return std::min<unsigned>(max_page, (r.total + page_size - 1) / page_size);
}

std::string page_link(const PageContext& c, unsigned n) {
    Params p = base_params(c.params);
    if (n > 1) p.emplace_back("page", std::to_string(n));
    return link_to(c.script_path, p);
}

// Previous and next, the first and last pages, and the pages either side of
// this one, as a reader of a paged list expects.
void set_pages(Dict& d, const PageContext& c, const SearchResult& r) {
    constexpr unsigned around = 2;
    unsigned page = c.request.page, last = last_page(r);
    if (last <= 1) return;
    Dict* pages = d.AddSectionDictionary("PAGES");
    if (page > 1) pages->AddSectionDictionary("PREV")->SetValue("URL", page_link(c, page - 1));
    unsigned from = page > around + 1 ? page - around : 1, to = std::min(last, page + around);
    auto number = [&](unsigned n) {
        Dict* item = pages->AddSectionDictionary("NUMBER");
        item->SetIntValue("N", n);
        if (n == page)
            item->ShowSection("CURRENT");
        else
            item->AddSectionDictionary("OTHER")->SetValue("URL", page_link(c, n));
    };
    // A gap stands for two pages or more: one page is shown instead.
    auto gap_or_page = [&](unsigned hidden_from, unsigned hidden_to) {
        if (hidden_from == hidden_to)
            number(hidden_from);
        else if (hidden_from < hidden_to)
            pages->AddSectionDictionary("NUMBER")->ShowSection("GAP");
    };
    if (from > 1) number(1);
    gap_or_page(2, from - 1);
    for (unsigned n = from; n <= to; ++n)
        number(n);
    gap_or_page(to + 1, last - 1);
    if (to < last) number(last);
    if (page < last) pages->AddSectionDictionary("NEXT")->SetValue("URL", page_link(c, page + 1));
}

// How many copies of the same stories were folded, and the way to see them
// (or to fold them again); nothing to say on one story's own copies.
void set_folding(Dict& summary, const PageContext& c, const SearchResult& r) {
    const SearchRequest& s = c.request.search;
    if (!s.story.empty()) return;
    if (!s.collapse) {
        summary.AddSectionDictionary("UNFOLDED")
            ->SetValue("URL", link_to(c.script_path, with_value(c.params, "collapse", "")));
    } else if (r.collapsed) {
        Dict* folded = summary.AddSectionDictionary("FOLDED");
        folded->SetValue("N", thousands(r.collapsed));
        folded->SetValue("NOUN", r.collapsed == 1 ? "copy" : "copies");
        folded->SetValue("URL", link_to(c.script_path, with_value(c.params, "collapse", "0")));
    }
}

void set_results(Dict& d, const PageContext& c, const SearchResult& r) {
    set_correction(d, c, r, r.hits.empty() ? "NONE" : "CORRECTION");
    if (!r.query_note.empty()) d.AddSectionDictionary("NOTE")->SetValue("TEXT", r.query_note);
    if (!r.missing_shards.empty()) d.ShowSection("PARTIAL");
    if (r.relaxed) {
        Dict* relaxed = d.AddSectionDictionary("RELAXED");
        if (r.all_words == 0)
            relaxed->ShowSection("NONE");
        else
            relaxed->AddSectionDictionary("FEW")->SetValue(
                "HAVE", fmt::format("{} {}", thousands(r.all_words),
                                    r.all_words == 1 ? "article has" : "articles have"));
    }
    set_selected(d, c);
    if (r.hits.empty() && r.total > 0 && c.request.page > 1) { // past the last page
        Dict* past = d.AddSectionDictionary("PAST_END");
        past->SetIntValue("PAGE", c.request.page);
        past->SetIntValue("LAST", last_page(r));
        past->SetValue("URL", page_link(c, last_page(r)));
        return;
    }
    if (r.hits.empty()) {
        Dict* empty = d.AddSectionDictionary("EMPTY");
        if (!c.request.search.query.empty()) empty->ShowSection("HAS_QUERY");
        empty->SetValue("QUERY", c.request.search.query);
        set_correction(*empty, c, r, "CORRECTION");
        Params unfiltered = without_filters(c.params);
        if (unfiltered.size() != base_params(c.params).size()) {
            empty->ShowSection("FILTERED");
            empty->AddSectionDictionary("UNFILTERED")
                ->SetValue("URL", link_to(c.script_path, unfiltered));
        }
        return;
    }
    Dict* summary = d.AddSectionDictionary("SUMMARY");
    // "Results 11–20 of 52"; "Result 21 of 21" for a page of one.
    summary->SetValue("FROM", thousands(r.offset + 1));
    if (r.hits.size() > 1) {
        summary->SetValue("RESULTS", "Results");
        summary->SetValue("TO", "–" + thousands(r.offset + r.hits.size()));
    } else {
        summary->SetValue("RESULTS", "Result");
    }
    summary->SetValue("ABOUT", r.total_exact ? "" : "about ");
    summary->SetValue("TOTAL", thousands(r.total));
    summary->SetValue("SECONDS", fmt::format("{:.3f}", r.elapsed_ms / 1000));
    set_sort(*summary, c);
    set_folding(*summary, c, r);
    Dict* hits = d.AddSectionDictionary("HITS");
    hits->SetIntValue("FIRST_RANK", r.offset + 1);
    for (const Hit& h : r.hits)
        set_hit(*hits, c, h);
    set_pages(d, c, r);
}

// The people, topics and dates of a stored copy, each a link to its search.
void set_copy_facts(Dict& copy, const PageContext& c, const Article& a) {
    for (const auto& [field, names, label] :
         {std::tuple{"columnist", &a.columnists, "Columnist"},
          std::tuple{"credit", &a.credits, "Credit"}, std::tuple{"topic", &a.topics, "Topic"}}) {
        if (names->empty()) continue;
        Dict* fact = copy.AddSectionDictionary("FACT");
        fact->SetValue("LABEL", names->size() == 1 ? label : std::string(label) + "s");
        for (const auto& name : *names) {
            Dict* value = fact->AddSectionDictionary("VALUE");
            value->SetValue("NAME", name);
            value->SetValue("URL", link_to(c.script_path, {{field, name}}));
        }
    }
    if (a.date) {
        Dict* date = copy.AddSectionDictionary("DATE");
        std::string when = iso8601_local(a.date, a.utc_offset);
        date->SetValue("ISO", when);
        date->SetValue("SHOWN", shown_date(when));
    }
    if (!a.feed_title.empty()) copy.AddSectionDictionary("FEED")->SetValue("NAME", a.feed_title);
    if (a.captured) {
        Dict* captured = copy.AddSectionDictionary("CAPTURED");
        captured->SetValue("ISO", iso8601_utc(a.captured));
        captured->SetValue("SHOWN", shown_time(a.captured));
    } else {
        copy.ShowSection("CAPTURE_UNKNOWN");
    }
    if (!a.page.url.empty() && a.page.fetched) {
        Dict* page = copy.AddSectionDictionary("FETCHED");
        page->SetValue("ISO", iso8601_utc(a.page.fetched));
        page->SetValue("SHOWN", shown_time(a.page.fetched));
        page->SetValue("URL", a.page.url);
    }
}

// The stored copy: its facts, the original link, the whole text in its
// paragraphs with the query's words marked, and the way to articles like it.
void set_copy(Dict& d, const PageContext& c, const StoredCopy& copy) {
    const Article& a = copy.article;
    Dict* doc = d.AddSectionDictionary("COPY");
    d.SetValueAndShowSection("PAGE_TITLE", a.title.empty() ? "(untitled)" : a.title, "COPY_TITLE");
    if (!a.language.empty() && a.language != "en")
        doc->SetValueAndShowSection("CODE", a.language, "LANG");
    set_marked(*doc, "TITLE", copy.title.empty() ? "(untitled)" : copy.title);
    Params back = search_params(c.params);
    if (!back.empty())
        doc->AddSectionDictionary("BACK")->SetValue("URL", link_to(c.script_path, back));
    set_copy_facts(*doc, c, a);
    if (!a.url.empty()) doc->AddSectionDictionary("ORIGINAL")->SetValue("URL", a.url);
    for (std::string_view line : split_lines(copy.text))
        if (!line.empty())
            set_marked(*doc->AddSectionDictionary("PARA"), "PART", std::string(line));
    doc->SetValue("SIMILAR_URL", link_to(c.script_path, {{"similar", a.id}}));
}

} // namespace

std::string link_to(const std::string& url, const Params& params) {
    return params.empty() ? url : url + "?" + encode_query_string(params);
}

std::string render_html(const PageContext& c, const SearchResult& r, const Article* like) {
    Dict d("page");
    set_common(d, c);
    d.ShowSection("FOLLOW");
    if (like) {
        Dict* l = d.AddSectionDictionary("LIKE");
        l->SetValue("TITLE", like->title.empty() ? "(untitled)" : like->title);
        l->SetValue("URL", link_to(c.script_path, {{"doc", like->id}}));
    }
    set_results(d, c, r);
    set_facets(d, c, r);
    return expand(c.config, "search.html.tpl", d);
}

std::string render_copy_html(const PageContext& c, const StoredCopy& copy) {
    Dict d("copy");
    set_common(d, c);
    set_copy(d, c, copy);
    return expand(c.config, "search.html.tpl", d);
}

std::string render_error_html(const PageContext& c, const std::string& message) {
    Dict d("error");
    set_common(d, c);
    d.ShowSection("FOLLOW");
    d.AddSectionDictionary("ERROR")->SetValue("MESSAGE", message);
    return expand(c.config, "search.html.tpl", d);
}

std::string render_opensearch(const PageContext& c) {
    Dict d("opensearch");
    d.SetValue("SITE_TITLE", c.config.title);
    // OpenSearch caps ShortName at 16 characters.
    d.SetValue("SHORT_NAME", truncate_text(c.config.title, 16));
    d.SetValue("SCRIPT_URL", c.script_url);
    return expand(c.config, "opensearch.xml.tpl", d);
}

std::string unavailable_html() {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
           "<title>Search unavailable</title></head><body><main>"
           "<h1>Search is unavailable</h1><p>The archive cannot be searched right now. "
           "Please try again in a minute.</p></main></body></html>\n";
}

} // namespace morgue
