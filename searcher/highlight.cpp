#include "highlight.hpp"

#include "morgue/text.hpp"

#include <algorithm>

namespace morgue {

namespace {

// MSet::snippet() escapes its text for HTML; Morgue escapes at each output
// boundary itself, so undo Xapian's escaping here.
std::string unescape_snippet(std::string_view s) {
    static constexpr std::pair<std::string_view, char> entities[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        bool replaced = false;
        if (s[i] == '&')
            for (auto [entity, c] : entities)
                if (s.substr(i, entity.size()) == entity) {
                    out += c;
                    i += entity.size() - 1;
                    replaced = true;
                    break;
                }
        if (!replaced) out += s[i];
    }
    return out;
}

bool has_term(const Xapian::Document& doc, const std::string& term) {
    Xapian::TermIterator t = doc.termlist_begin();
    t.skip_to(term);
    return t != doc.termlist_end() && *t == term;
}

// The stemmed term the QueryParser makes of a typed word ("anime" is
// "Zanim").  Words with no letters to stem (CJK n-grams) stay as they are.
std::string stemmed_term(const std::string& typed, const Xapian::Stem& stem) {
    if (static_cast<unsigned char>(typed[0]) >= 0xE0) return typed;
    return "Z" + stem(typed);
}

// Endings that make an English word's inflections (tax, taxes, taxed,
// taxing) rather than another word (anim-e, anim-al).
bool inflection(std::string_view ending) {
    static constexpr std::string_view endings[] = {"",  "e",   "s",  "es", "ed",
                                                   "d", "ing", "er", "ers"};
    return std::find(std::begin(endings), std::end(endings), ending) != std::end(endings);
}

// The forms of `typed` in `doc` that are the same word, inflected: "tax"
// and "taxed" for "taxes", not "animal" for "anime" (the English stemmer
// makes "anim" of both).  They share the stem, and one is a prefix of the
// other or both differ from the stem's start by an inflection's ending.
void add_inflections(const Xapian::Document& doc, const std::string& typed,
                     const Xapian::Stem& stem, std::vector<std::string>& out) {
    std::string root = stem(typed);
    std::size_t common = 0;
    while (common < root.size() && common < typed.size() && root[common] == typed[common])
        ++common;
    if (common == 0) return;
    std::string start = typed.substr(0, common);
    bool typed_inflected = inflection(std::string_view(typed).substr(common));
    Xapian::TermIterator t = doc.termlist_begin();
    for (t.skip_to(start); t != doc.termlist_end() && (*t).starts_with(start); ++t) {
        const std::string& form = *t;
        bool related = form.starts_with(typed) || typed.starts_with(form) ||
                       (typed_inflected && inflection(std::string_view(form).substr(common)));
        if (related && form != typed && stem(form) == root) out.push_back(form);
    }
}

} // namespace

Highlighter::Highlighter(const Xapian::Database& db, std::vector<std::string> typed,
                         const std::string& default_stemmer, Xapian::MSet words)
    : db_(db), typed_(std::move(typed)), stemmers_(default_stemmer), words_(std::move(words)) {}

const Xapian::MSet& Highlighter::words_for(const Xapian::Document& doc, const Xapian::Stem& stem) {
    if (typed_.empty()) return words_;
    std::vector<std::string> terms;
    for (const std::string& t : typed_) {
        if (!has_term(doc, t)) {
            terms.push_back(stemmed_term(t, stem));
            continue;
        }
        terms.push_back(t);
        add_inflections(doc, t, stem, terms);
    }
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    auto [it, added] = by_terms_.try_emplace(terms);
    if (added) { // an MSet of these terms, to mark with: no match of its own
        Xapian::Enquire enquire(db_);
        enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
        it->second = enquire.get_mset(0, 0);
    }
    return it->second;
}

std::string Highlighter::mark(const Xapian::Document& doc, const Article& article,
                              const std::string& text, std::size_t bytes, unsigned flags) {
    const Xapian::Stem& stem = stemmers_.of(article.language);
    return collapse_spaces(unescape_snippet(words_for(doc, stem).snippet(
        text, bytes, stem, flags, std::string(1, mark_on), std::string(1, mark_off), "…")));
}

std::string replace_marks(std::string_view marked, std::string_view on, std::string_view off) {
    std::string out;
    out.reserve(marked.size());
    for (char c : marked)
        if (c == mark_on)
            out += on;
        else if (c == mark_off)
            out += off;
        else
            out += c;
    return out;
}

} // namespace morgue
