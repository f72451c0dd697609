#include "highlight.hpp"

#include "morgue/document.hpp"
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

// The forms of `typed` in a document that are the same word, inflected:
// "tax" and "taxed" for "taxes", not "animal" for "anime" (the English
// stemmer makes "anim" of both).  They share the stem, and one is a prefix
// of the other or both differ from the stem's start by an inflection's ending.
class Inflections {
  public:
    Inflections(const std::string& typed, const Xapian::Stem& stem)
        : typed_(typed), stem_(stem), root_(stem(typed)) {
        std::size_t common = 0;
        while (common < root_.size() && common < typed.size() && root_[common] == typed[common])
            ++common;
        common_ = common;
        start_ = typed.substr(0, common);
        typed_inflected_ = inflection(std::string_view(typed).substr(common));
    }
    // Where the forms begin in the term list (the typed word itself when no
    // start is shared with the stem: only it is looked for then).
    const std::string& start() const { return start_.empty() ? typed_ : start_; }
    // Whether the walk, at `term`, is past the forms.
    bool past(const std::string& term) const {
        return start_.empty() ? term != typed_ : !term.starts_with(start_);
    }
    // `form` is one of the forms (the typed word included).
    bool related(const std::string& form) const {
        if (form == typed_) return true;
        if (start_.empty()) return false;
        bool near = form.starts_with(typed_) || typed_.starts_with(form) ||
                    (typed_inflected_ && inflection(std::string_view(form).substr(common_)));
        return near && stem_(form) == root_;
    }

  private:
    const std::string& typed_;
    const Xapian::Stem& stem_;
    std::string root_, start_;
    std::size_t common_ = 0;
    bool typed_inflected_ = false;
};

// The terms to mark `typed` by in `doc`: its forms there when the document
// has the word as typed, else the stemmed term.  One walk of the document's
// term list for all the words (it is read from disk and decoded in order),
// restarted only where two words' forms overlap.
std::vector<std::string> marking_terms(const Xapian::Document& doc,
                                       const std::vector<std::string>& typed,
                                       const Xapian::Stem& stem) {
    std::vector<std::string> terms;
    Xapian::TermIterator t = doc.termlist_begin();
    const Xapian::TermIterator end = doc.termlist_end();
    for (const std::string& word : typed) { // sorted: the walk goes forward
        Inflections forms(word, stem);
        if (t == end || *t > forms.start()) t = doc.termlist_begin();
        t.skip_to(forms.start());
        std::vector<std::string> found;
        bool has_word = false;
        for (; t != end && !forms.past(*t); ++t) {
            const std::string& form = *t;
            if (!forms.related(form)) continue;
            has_word = has_word || form == word;
            found.push_back(form);
        }
        if (has_word)
            terms.insert(terms.end(), found.begin(), found.end());
        else
            terms.push_back(stemmed_term(word, stem));
    }
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    return terms;
}

} // namespace

Highlighter::Highlighter(const Xapian::Database& db, std::vector<std::string> typed,
                         const Schema& schema, Xapian::MSet words)
    : db_(db), typed_(std::move(typed)), stemmers_(schema.language),
      text_stored_(schema.get("title").stored && schema.get("body").stored), words_{
                                                                                 std::move(words)} {
    std::sort(typed_.begin(), typed_.end());
    typed_.erase(std::unique(typed_.begin(), typed_.end()), typed_.end());
}

const Highlighter::Words& Highlighter::words_for(const Xapian::Document& doc,
                                                 const Article& article, const Xapian::Stem& stem) {
    if (typed_.empty()) return words_;
    // A hit's snippet, opening and title are marked one after the other.
    if (last_ && article.id == last_article_) return *last_;
    // Its words made again from its stored text: reading its term list
    // instead is a round trip for each hit on a remote shard.
    auto [it, added] = by_terms_.try_emplace(
        marking_terms(text_stored_ ? word_terms(article) : doc, typed_, stem));
    if (added) { // an MSet of these terms, to mark with: no match of its own
        const std::vector<std::string>& terms = it->first;
        Xapian::Enquire enquire(db_);
        enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
        it->second.mset = enquire.get_mset(0, 0);
        it->second.stemmed = std::any_of(terms.begin(), terms.end(),
                                         [](const std::string& t) { return t.starts_with('Z'); });
    }
    last_article_ = article.id;
    last_ = &it->second;
    return it->second;
}

std::string Highlighter::mark(const Xapian::Document& doc, const Article& article,
                              const std::string& text, std::size_t bytes, unsigned flags) {
    const Xapian::Stem& stem = stemmers_.of(article.language);
    const Words& words = words_for(doc, article, stem);
    // Xapian stems each word of the text that is not a term itself, to look
    // for "Z" + its stem; with no stemmed term to find, the stemmer that
    // changes nothing finds the same, without the work.
    static const Xapian::Stem unchanged;
    return collapse_spaces(unescape_snippet(
        words.mset.snippet(text, bytes, words.stemmed ? stem : unchanged, flags,
                           std::string(1, mark_on), std::string(1, mark_off), "…")));
}

std::string without_marks(std::string text) {
    if (text.find_first_of("\x01\x02") != std::string::npos)
        std::erase_if(text, [](char c) { return c == mark_on || c == mark_off; });
    return text;
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
