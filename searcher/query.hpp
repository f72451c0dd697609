// The query language: Xapian's QueryParser configured from the schema, plus a
// syntax check, because QueryParser silently re-reads a malformed query as
// plain words and the user should hear about it instead.
#pragma once

#include "lru_cache.hpp"
#include "morgue/database.hpp"
#include "morgue/name_groups.hpp"
#include "spelling.hpp"
#include "stopwords.hpp"
#include "wildcards.hpp"

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <xapian.h>

namespace morgue {

// Field prefixes (title:, columnist:, topic:, feed:, year:) come from the
// schema.  Keeps what the QueryParser needs alive for highlighting later.
// The words of a query are stemmed in each language of the archive's
// articles (each was indexed in its own): an article matches the query as
// read in the schema's language or in its own, and ranks by the better
// (Xapian's OP_MAX), so that an English article ranks as in an English-only
// archive.
class QueryBuilder {
  public:
    explicit QueryBuilder(const ReadDatabase& db);
    QueryBuilder(const QueryBuilder&) = delete; // the parser points at stopper_
    QueryBuilder& operator=(const QueryBuilder&) = delete;
    // An empty query matches every document; one of -words only, every
    // document without them.  A query that is not valid syntax (a stray "(",
    // a dangling OR, a bad date) is searched as plain words, and note() says
    // what was ignored; with `strict`, it throws UsageError ("query: ...")
    // instead.  So is a query over max_query_bytes: searched as its words
    // up to the bound, with a note, or with `strict` an error.
    Xapian::Query parse(std::string_view text, bool strict = false);
    // From now on remember the last `capacity` parses (a resident searcher's
    // builder, which lives for one archive revision): the same text parsed
    // again gives the same query, note, correction and words, unparsed.
    void remember_parses(std::size_t capacity) { parses_.emplace(capacity); }
    // The last parse() with its words joined by OR instead of AND (explicit
    // operators, phrases, fields and -words keep their meaning), ranked
    // with a bonus for having all of them; over max_relaxed_terms terms,
    // only the max_relaxed_words rarest words in the archive (those that
    // weigh most) are OR'ed.  Empty when that would change
    // nothing (one word, operators only, an empty or -words-only query).
    Xapian::Query relaxed();
    const std::string& note() const { return note_; }
    // The loose words of the last parse() that say what it is about: no
    // operators, fields, wildcards, -words or stopwords; a phrase is one.
    unsigned topic_words() const { return topic_words_; }
    // The words of the last parse() as typed, unstemmed and without field
    // prefixes (title:anime is "anime"), synonyms and wildcards expanded:
    // what highlighting marks.
    const std::vector<std::string>& typed_terms() const { return typed_terms_; }
    const Xapian::Stopper& stopper() const { return stopper_; }
    // The query with unknown words replaced by the likeliest known ones, from
    // the spelling data the indexer collects; empty when nothing was changed.
    const std::string& corrected() const { return corrected_; }
    // Speller::correct on the archive, with this query's stopwords.
    std::string suggest(std::string_view query, bool rare_too) {
        return speller_.correct(query, rare_too);
    }

  private:
    using Op = Xapian::Query::op;
    Xapian::Query parse_fresh(std::string_view text, bool strict);
    void set_stoppers(const std::string& q);
    Xapian::Query parse_checked(std::string q, Op op = Xapian::Query::OP_AND);
    Xapian::Query parse_words(const std::string& q, Op op = Xapian::Query::OP_AND);
    Xapian::Query parse_again(Op op, const std::string& text);
    std::string rarest_words(const std::string& text, std::size_t keep) const;
    void add_note(std::string note);
    void record_typed(const Xapian::Query& exact);
    unsigned count_topic_words(std::string_view q) const;
    std::set<std::string> wildcard_stems(std::string_view q) const;
    bool wildcards_scan_too_much(std::string_view q) const;
    std::string archive_wildcards(const std::string& q) const;
    bool conflates(const Xapian::Query& stemmed, const Xapian::Query& exact) const;
    Xapian::Query in_every_language(Xapian::QueryParser& qp, const std::string& q, unsigned flags,
                                    const Xapian::Query& primary);

    Xapian::Database db_;
    bool remote_ = false; // a shard is remote: term frequencies are asked in one batch
    std::vector<NameGroup> synonyms_;
    std::unordered_map<std::string, std::string> text_prefixes_; // field name -> term prefix
    WildcardExpander wildcards_{db_};
    QueryStopper stopper_;
    Speller speller_;
    Xapian::QueryParser qp_;
    Xapian::Stem stemmer_; // the schema's language
    struct Language {
        Xapian::Stem stem;
        QueryStopper* stopper;
        bool stems_capitals; // German: a noun has a capital, and is stemmed all the same
        Xapian::Query only;  // its articles (language:CODE...); empty: every article
    };
    std::vector<Language> languages_; // of the archive's articles, the schema's first
    std::vector<std::unique_ptr<QueryStopper>> other_stoppers_;
    std::string corrected_;
    std::string note_; // what a lenient parse ignored
    enum class Parsed { none, checked, words } parsed_ = Parsed::none;
    std::string parsed_text_; // what parse() gave parse_checked or parse_words
    Xapian::Query parsed_query_;
    unsigned topic_words_ = 0;
    std::vector<std::string> typed_terms_;
    std::set<std::string> field_names_; // "Meyers:" is a word, "title:" a field
    std::string date_error_;            // set by the date processors during a parse
    // What a parse leaves behind, as remember_parses() keeps it.
    struct Parse {
        Xapian::Query query;
        std::string note, corrected, text;
        Parsed parsed;
        Xapian::Query parsed_query;
        unsigned topic_words;
        std::vector<std::string> typed_terms;
    };
    std::optional<LruCache<Parse>> parses_;
};

// The longest query searched whole: what the page's query string can carry
// (a pasted paragraph of 1,000 words is about 6 KB).  Its cost is bounded by
// the time limit, and by searching the many-words fallback as the rarest words.
constexpr std::size_t max_query_bytes = 8192;
// An OR of more terms than this is searched as the OR of its rarest words
// (those that weigh most), which costs what a short query does.  Chosen by
// Morgue from the archive's term frequencies rather than by Xapian's
// OP_ELITE_SET, which chooses in each shard of a sharded archive on its own,
// and at random where nothing is weighed (the filter of ranking.hpp's boosted()).
constexpr Xapian::termcount max_relaxed_terms = 64;
constexpr std::size_t max_relaxed_words = 10;

// Throws UsageError naming the column of the first problem: unbalanced
// parentheses, a boolean operator without an operand, or an empty field
// value.  With `fields`, a "name:" that names none of them is a word, not an
// empty field.
void check_query_syntax(std::string_view text, const std::set<std::string>* fields = nullptr);

// `text` cut after its last whole word within max_query_bytes (unchanged when
// it fits), and how many words were kept.
std::pair<std::string, std::size_t> within_query_bytes(std::string_view text);

} // namespace morgue
