#include "stored_copy.hpp"

#include "highlight.hpp"
#include "morgue/document.hpp"
#include "morgue/text.hpp"
#include "query.hpp"

#include <algorithm>
#include <charconv>

namespace morgue {

namespace {

std::string id_term(const ReadDatabase& db, const std::string& id) {
    Article a;
    a.id = id;
    return unique_term(db.schema, a);
}

// `line` with the markers of `marked` (Xapian's snippet of all of it): the
// snippet may end it otherwise (a closing punctuation mark as "…"), so the
// markers are taken where the two agree, and the rest is the line's own.
std::string with_marks_of(const std::string& line, const std::string& marked) {
    std::string out;
    std::size_t i = 0;
    bool open = false;
    for (char c : marked) {
        if (c == mark_on || c == mark_off) {
            open = c == mark_on;
            out += c;
        } else if (i < line.size() && line[i] == c) {
            out += c, ++i;
        } else {
            break;
        }
    }
    if (open) out += mark_off;
    return out + line.substr(i);
}

// `text` with the query's words marked, line by line: asked for more than
// its length, Xapian's snippet gives all of a text back, but joins its
// lines (the paragraphs).
std::string marked_lines(Highlighter& words, const Xapian::Document& doc, const Article& a,
                         const std::string& text) {
    std::string out;
    for (std::string_view view : split_lines(text)) {
        std::string line(view);
        if (!out.empty()) out += '\n';
        if (!line.empty())
            out += with_marks_of(
                line, words.mark(doc, a, line, line.size() + 1, Xapian::MSet::SNIPPET_CJK_NGRAM));
    }
    return out;
}

Xapian::docid first_posting(const Xapian::Database& db, const std::string& term) {
    auto p = db.postlist_begin(term);
    return p == db.postlist_end(term) ? 0 : *p;
}

} // namespace

Xapian::docid find_article(const ReadDatabase& db, const std::string& id) {
    return id.empty() ? 0 : first_posting(db.db, id_term(db, id));
}

Xapian::docid article_or_docid(const ReadDatabase& db, const std::string& ref) {
    if (Xapian::docid found = find_article(db, ref)) return found;
    Xapian::docid docid = 0; // digits only: no sign, no space, no overflow
    auto [end, ec] = std::from_chars(ref.data(), ref.data() + ref.size(), docid);
    if (ec != std::errc() || end != ref.data() + ref.size() || docid == 0) return 0;
    try {
        (void)db.db.get_doclength(docid); // one lookup, on whichever shard holds it
    } catch (const Xapian::DocNotFoundError&) {
        return 0;
    }
    return docid;
}

std::optional<StoredCopy> stored_copy(const ReadDatabase& db, const std::string& id,
                                      const std::string& query) {
    if (id.empty()) return std::nullopt;
    const std::string id_match = id_term(db, id);
    StoredCopy c;
    c.docid = first_posting(db.db, id_match);
    if (!c.docid) return std::nullopt;
    Xapian::Document doc = db.db.get_document(c.docid);
    c.article = read_stored(doc);
    const Article& a = c.article;
    std::string title = without_marks(a.title);
    std::string text = without_marks(a.body.empty() ? a.summary : a.body);
    if (!collapse_spaces(query).empty()) {
        // The query's words are marked in the forms that matched this
        // article: the query is run against it alone.
        QueryBuilder builder(db);
        Xapian::Enquire enquire(db.db);
        enquire.set_query(
            Xapian::Query(Xapian::Query::OP_FILTER, builder.parse(query), Xapian::Query(id_match)));
        Xapian::MSet match = enquire.get_mset(0, 1);
        if (!match.empty()) {
            Highlighter words(db.db, builder.typed_terms(), db.schema, match);
            text = marked_lines(words, doc, a, text);
            title = marked_lines(words, doc, a, title);
        }
    }
    c.title = std::move(title);
    c.text = std::move(text);
    return c;
}

} // namespace morgue
