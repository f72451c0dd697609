#include "query.hpp"

#include "date_range.hpp"
#include "morgue/document.hpp"
#include "morgue/errors.hpp"
#include "morgue/language.hpp"
#include "morgue/text.hpp"
#include "ranking.hpp"
#include "synonyms.hpp"
#include "term_frequencies.hpp"
#include "wildcards.hpp"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <set>
#include <unordered_map>
#include <vector>

namespace morgue {

namespace {

constexpr unsigned query_flags =
    Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
    Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
    Xapian::QueryParser::FLAG_PURE_NOT | Xapian::QueryParser::FLAG_CJK_NGRAM;

// Wildcards share one budget of expanded terms per query (each gets its
// share, at least one, of its most frequent terms), so that 64 × k* costs
// about what one k* does; a wildcard never expands to the whole vocabulary.
constexpr Xapian::termcount max_expanded_terms = 500;
// Finding a wildcard's commonest words means reading every word it could
// be.  A query of several wildcards that would read more than this many
// (a* b* c* …: the whole vocabulary, again at every pass, before Xapian's
// time limit applies) has them take their first words in alphabetical order
// instead, which reads no more words than it keeps.  One wildcard alone
// always gets its commonest words: one scan, as any engine would make.
constexpr Xapian::termcount max_scanned_terms = 20000;

// The bonus for a word as typed over the other words of its stem, as a
// share of its weight: enough to put "anime" above "animal" among articles
// that match about as well, not so much that an inflection ("heated" for
// "heat") counts for much less than the word typed (see bench/RESULTS.md).
constexpr double exact_form_weight = 0.5;

// columnist:"Catherine Thorbecke" is the exact value (a boolean term);
// columnist:thorbecke, which matches no whole value, matches the words.
class KeywordProcessor : public Xapian::FieldProcessor {
  public:
    KeywordProcessor(const ReadDatabase& rdb, Field field)
        : db_(rdb.db), field_(std::move(field)),
          aliases_(field_.name == "topic" ? rdb.topic_aliases : decltype(aliases_){}) {}

    Xapian::Query operator()(const std::string& value) override {
        std::string folded = collapse_spaces(casefold(value));
        if (auto it = aliases_.find(folded); it != aliases_.end()) folded = casefold(it->second);
        if (field_.name == "language") // language:German is language:de
            if (std::string code = language_code(folded); !code.empty()) folded = code;
        std::string exact = keyword_term(field_, folded);
        if (field_.text_prefix.empty() || db_.term_exists(exact)) return Xapian::Query(exact);
        Xapian::QueryParser words;
        words.set_default_op(Xapian::Query::OP_AND);
        words.set_database(db_);
        return words.parse_query(folded, Xapian::QueryParser::FLAG_CJK_NGRAM, field_.text_prefix);
    }

  private:
    Xapian::Database db_;
    Field field_;
    std::unordered_map<std::string, std::string> aliases_; // topic: "tech" -> "Technology"
};

struct Token {
    std::string text;
    std::size_t column;
};

std::vector<Token> tokens_of(std::string_view text) {
    std::vector<Token> out;
    std::size_t i = 0;
    while (i < text.size()) {
        char c = text[i];
        if (c == ' ' || c == '\t' || c == '\n') {
            ++i;
        } else if (c == '(' || c == ')') {
            out.push_back({std::string(1, c), i + 1});
            ++i;
        } else {
            std::size_t start = i;
            bool quoted = false;
            while (i < text.size() &&
                   (quoted || (text[i] != ' ' && text[i] != '\t' && text[i] != '\n' &&
                               text[i] != ')' && text[i] != '('))) {
                if (text[i] == '"') quoted = !quoted;
                ++i;
            }
            out.push_back({std::string(text.substr(start, i - start)), start + 1});
        }
    }
    return out;
}

bool is_binary(const std::string& t) {
    return t == "AND" || t == "OR" || t == "XOR" || t == "NEAR";
}

[[noreturn]] void syntax_error(std::size_t column, std::string_view what) {
    throw UsageError(fmt::format("query: column {}: {}", column, what));
}

// Xapian has nothing to subtract from in a query of -words only, and reads
// them as words to find; a reader means "everything without them".  Returns
// the words without their '-', joined with OR (empty: not such a query).
std::string only_excluded(std::string_view q) {
    auto tokens = tokens_of(q);
    std::string words;
    for (const auto& t : tokens) {
        if (t.text.size() < 2 || t.text[0] != '-') return {};
        words += (words.empty() ? "" : " OR ") + t.text.substr(1);
    }
    return words;
}

bool is_operator(const std::string& t) {
    return is_binary(t) || t == "NOT" || t == "ADJ" || t.starts_with("NEAR/") ||
           t.starts_with("ADJ/");
}

bool is_wildcard(const std::string& t) {
    return t.size() > 1 && t.back() == '*' && t.find('"') == std::string::npos;
}

// NEAR and ADJ take words only: Xapian reads "a NEAR k*" as plain words, and
// would refuse the expansion's OP_SYNONYM there.
bool is_proximity(const std::string& t) {
    return t == "NEAR" || t == "ADJ" || t.starts_with("NEAR/") || t.starts_with("ADJ/");
}

// The parts of a wildcard token: "+title:polit*" is the sign "+", the field
// "title" (`fielded`: a colon was there) and the word "polit".
struct WildcardWord {
    std::string_view sign, field, word;
    bool fielded = false;
};

WildcardWord wildcard_parts(std::string_view token) {
    WildcardWord w{{}, {}, token.substr(0, token.size() - 1)};
    if (w.word[0] == '+' || w.word[0] == '-') w.sign = w.word.substr(0, 1), w.word.remove_prefix(1);
    if (auto colon = w.word.find(':'); colon != std::string_view::npos) {
        w.field = w.word.substr(0, colon), w.word.remove_prefix(colon + 1);
        w.fielded = true;
    }
    return w;
}

unsigned wildcard_count(std::string_view q) {
    unsigned n = 0;
    for (const auto& t : tokens_of(q))
        n += is_wildcard(t.text);
    return n;
}

// A wildcard repeated among the words of one group ("a* a* a*") adds
// nothing to the match, but each copy is expanded on its own (a scan of the
// vocabulary) at every pass, before Xapian's time limit starts: the copies
// are dropped.  Only in groups without operators, where every word is one
// more condition and dropping a copy cannot change what matches.
std::string without_repeated_wildcards(const std::string& q) {
    auto tokens = tokens_of(q);
    std::vector<std::size_t> group(tokens.size()); // index of the '(' that opened it, or npos
    std::set<std::size_t> with_operators;
    std::vector<std::size_t> open{std::string::npos};
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const std::string& t = tokens[i].text;
        if (t == ")" && open.size() > 1) open.pop_back();
        group[i] = open.back();
        if (t == "(") open.push_back(i);
        if (is_operator(t)) with_operators.insert(group[i]);
    }
    std::set<std::pair<std::size_t, std::string>> seen;
    std::string out;
    std::size_t copied = 0; // q[0, copied) is handled
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Token& t = tokens[i];
        if (!is_wildcard(t.text) || with_operators.contains(group[i])) continue;
        if (seen.insert({group[i], t.text}).second) continue;
        out.append(q, copied, t.column - 1 - copied);
        copied = t.column - 1 + t.text.size();
    }
    return copied ? out + q.substr(copied) : q;
}

} // namespace

std::pair<std::string, std::size_t> within_query_bytes(std::string_view text) {
    std::string_view kept = text;
    if (text.size() > max_query_bytes) {
        std::size_t cut = text.rfind(' ', max_query_bytes);
        if (cut == std::string_view::npos || cut == 0) { // one huge word: a character boundary
            cut = max_query_bytes;
            while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
                --cut;
        }
        kept = text.substr(0, cut);
    }
    return {std::string(kept), split_words(kept).size()};
}

void check_query_syntax(std::string_view text, const std::set<std::string>* fields) {
    auto tokens = tokens_of(text);
    std::vector<std::size_t> open;
    // `operand` is true when the previous token can end an expression.
    bool operand = false;
    std::size_t last_op_column = 0;
    std::string last_op;
    for (const auto& t : tokens) {
        if (t.text == "(") {
            open.push_back(t.column);
            operand = false;
        } else if (t.text == ")") {
            if (open.empty()) syntax_error(t.column, "')' without a matching '('");
            if (!operand) syntax_error(t.column, "empty parentheses or missing operand before ')'");
            open.pop_back();
        } else if (is_binary(t.text)) {
            if (!operand)
                syntax_error(t.column, fmt::format("{} needs something before it", t.text));
            operand = false;
            last_op = t.text, last_op_column = t.column;
        } else if (t.text == "NOT") {
            operand = false;
            last_op = t.text, last_op_column = t.column;
        } else {
            bool field = !fields || fields->contains(t.text.substr(0, t.text.size() - 1));
            if (t.text.back() == ':' && t.text.find('"') == std::string::npos && field)
                syntax_error(t.column, fmt::format("{} needs a value", t.text));
            operand = true;
        }
    }
    if (!tokens.empty() && !operand && !open.empty() && tokens.back().text == "(")
        syntax_error(tokens.back().column, "'(' at the end of the query");
    if (!open.empty()) syntax_error(open.back(), "'(' is never closed");
    if (!tokens.empty() && !operand)
        syntax_error(last_op_column, fmt::format("{} needs something after it", last_op));
}

QueryBuilder::QueryBuilder(const ReadDatabase& rdb)
    : db_(rdb.db), stopper_(rdb.schema.language),
      speller_(rdb.db, stemmers_of(rdb.schema.language, rdb.languages), &stopper_),
      stemmer_(rdb.schema.language) {
    remote_ = has_remote_shard(rdb);
    const Field* language_field = rdb.schema.find("language");
    for (const std::string& name : stemmers_of(rdb.schema.language, rdb.languages)) {
        bool german = name == "german" || name == "german2";
        if (name == rdb.schema.language) {
            languages_.push_back({Xapian::Stem(name), &stopper_, german, {}});
            continue;
        }
        // Without the field (a database from before it) the articles of a
        // language cannot be told apart: the reading applies to all.
        std::vector<Xapian::Query> codes;
        for (const std::string& code : rdb.languages)
            if (language_field && stemmer_name(code) == name)
                codes.emplace_back(keyword_term(*language_field, code));
        auto* stopper = other_stoppers_.emplace_back(std::make_unique<QueryStopper>(name)).get();
        languages_.push_back({Xapian::Stem(name), stopper, german,
                              Xapian::Query(Xapian::Query::OP_OR, codes.begin(), codes.end())});
    }
    synonyms_ = stored_name_groups(rdb.db, synonyms_metadata_key);
    qp_.set_database(rdb.db);
    qp_.set_stopper(&stopper_);
    qp_.set_stemmer(stemmer_);
    qp_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp_.set_default_op(Xapian::Query::OP_AND);
    for (const Field& f : rdb.schema.fields) {
        if (f.kind == FieldKind::text && !f.prefix.empty()) {
            qp_.add_prefix(f.name, f.prefix);
            text_prefixes_[f.name] = f.prefix;
            field_names_.insert(f.name);
        } else if (f.kind == FieldKind::keyword) {
            qp_.add_boolean_prefix(f.name, (new KeywordProcessor(rdb, f))->release());
            field_names_.insert(f.name);
        } else if (f.kind == FieldKind::date) {
            qp_.add_boolean_prefix("year", f.year_prefix);
            // Ranges on the publisher's calendar, as the articles show their dates.
            Xapian::valueno slot = calendar_slot(rdb);
            qp_.add_rangeprocessor((new DateRangeProcessor(slot, &date_error_))->release());
            qp_.add_boolean_prefix("date", (new DateFieldProcessor(slot, &date_error_))->release());
            field_names_.insert({"year", "date"});
        }
    }
    wildcards_.add_to(qp_, text_prefixes_);
}

// Whether the stems match markedly more than the words as typed.  The
// exact-form boost doubles the work of a query, so it is only added where it
// changes something: "anime" (whose stem also matches "animal"), not
// "government" when nearly every "govern…" in the archive is "government".
bool QueryBuilder::conflates(const Xapian::Query& stemmed, const Xapian::Query& exact) const {
    if (exact.get_description() == stemmed.get_description()) return false;
    std::set<std::string> terms(stemmed.get_unique_terms_begin(), stemmed.get_unique_terms_end());
    terms.insert(exact.get_unique_terms_begin(), exact.get_unique_terms_end());
    auto freq = term_frequencies(db_, terms, remote_);
    auto frequency = [&](const Xapian::Query& q) {
        double sum = 0;
        for (auto t = q.get_unique_terms_begin(); t != q.get_unique_terms_end(); ++t)
            sum += freq[*t];
        return sum;
    };
    return frequency(exact) < 0.9 * frequency(stemmed);
}

void QueryBuilder::record_typed(const Xapian::Query& exact) {
    std::set<std::string> terms;
    for (auto t = exact.get_unique_terms_begin(); t != exact.get_unique_terms_end(); ++t) {
        std::string term = *t;
        std::size_t word = 0;
        while (word < term.size() && term[word] >= 'A' && term[word] <= 'Z')
            ++word;
        std::string prefix = term.substr(0, word);
        bool text =
            prefix.empty() || std::any_of(text_prefixes_.begin(), text_prefixes_.end(),
                                          [&](const auto& f) { return f.second == prefix; });
        if (text && word < term.size()) terms.insert(term.substr(word));
    }
    typed_terms_.assign(terms.begin(), terms.end());
}

void QueryBuilder::add_note(std::string note) {
    note_ += (note_.empty() ? "" : "; ") + note;
}

unsigned QueryBuilder::count_topic_words(std::string_view q) const {
    unsigned n = 0;
    for (const auto& t : tokens_of(q)) {
        std::string word = t.text;
        if (word.starts_with('+')) word.erase(0, 1);
        if (word.empty() || word[0] == '-' || word == "(" || word == ")" || is_operator(word) ||
            is_wildcard(word) || word.find(':') != std::string::npos)
            continue;
        n += word.starts_with('"') || !stopper_(Xapian::Unicode::tolower(word));
    }
    return n;
}

void QueryBuilder::set_stoppers(const std::string& q) {
    stopper_.set_query(q);
    for (auto& other : other_stoppers_)
        other->set_query(q);
}

Xapian::Query QueryBuilder::parse(std::string_view text, bool strict) {
    if (!parses_) return parse_fresh(text, strict);
    std::string key = std::string(strict ? "s" : "l").append(text);
    if (std::optional<Parse> p = parses_->find(key)) {
        // The stoppers hold the query too (relaxed() parses it again).
        if (std::string q = collapse_spaces(text); !q.empty()) set_stoppers(q);
        note_ = p->note, corrected_ = p->corrected, parsed_text_ = p->text;
        parsed_ = p->parsed, parsed_query_ = p->parsed_query;
        topic_words_ = p->topic_words, typed_terms_ = p->typed_terms;
        return p->query;
    }
    Xapian::Query query = parse_fresh(text, strict);
    parses_->store(key, {query, note_, corrected_, parsed_text_, parsed_, parsed_query_,
                         topic_words_, typed_terms_});
    return query;
}

Xapian::Query QueryBuilder::parse_fresh(std::string_view text, bool strict) {
    std::string q = collapse_spaces(text);
    note_.clear();
    corrected_.clear(); // a reused builder (remember_parses) held the last query's
    parsed_ = Parsed::none;
    topic_words_ = 0;
    typed_terms_.clear();
    wildcards_.forget();
    if (q.empty()) return Xapian::Query::MatchAll;
    set_stoppers(q);
    if (q.size() > max_query_bytes) {
        if (strict) throw UsageError(fmt::format("query: longer than {} bytes", max_query_bytes));
        auto [kept, words] = within_query_bytes(q);
        q = std::move(kept);
        add_note(fmt::format("searched as its first {} words (the limit is {} bytes)", words,
                             max_query_bytes));
    }
    try {
        check_query_syntax(q, &field_names_);
        q = collapse_spaces(without_repeated_wildcards(q));
        corrected_ = speller_.correct(q, false);
        if (std::string excluded = only_excluded(q); !excluded.empty())
            return Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll,
                                 parse_checked(excluded));
        parsed_query_ = parse_checked(q);
        parsed_ = Parsed::checked;
    } catch (const UsageError& e) {
        if (strict) throw;
        // What Omega does: the reader's text is searched, its syntax ignored.
        std::string_view why = e.what();
        if (why.starts_with("query: ")) why.remove_prefix(7);
        add_note(fmt::format("searched as plain words ({})", why));
        corrected_ = speller_.correct(q, false);
        parsed_query_ = parse_words(q);
        parsed_ = parsed_query_.get_type() == Xapian::Query::LEAF_MATCH_ALL ? Parsed::none
                                                                            : Parsed::words;
    }
    parsed_text_ = q;
    topic_words_ = count_topic_words(q);
    return parsed_query_;
}

Xapian::Query QueryBuilder::parse_again(Op op, const std::string& text) {
    return parsed_ == Parsed::words ? parse_words(text, op) : parse_checked(text, op);
}

// `text` with only its `keep` plain words that are rarest in the archive
// (and in it at all); operators, fields, phrases, wildcards and -words stay.
std::string QueryBuilder::rarest_words(const std::string& text, std::size_t keep) const {
    auto tokens = tokens_of(text);
    auto plain = [](const std::string& t) {
        return !is_operator(t) && std::all_of(t.begin(), t.end(), [](char c) {
            return static_cast<unsigned char>(c) >= 0x80 ||
                   std::isalnum(static_cast<unsigned char>(c));
        });
    };
    std::vector<std::pair<Xapian::doccount, std::size_t>> found; // frequency, token
    for (std::size_t i = 0; i < tokens.size(); ++i)
        if (plain(tokens[i].text))
            if (auto n = db_.get_termfreq(Xapian::Unicode::tolower(tokens[i].text)))
                found.emplace_back(n, i);
    std::sort(found.begin(), found.end());
    std::vector<bool> kept(tokens.size(), true);
    for (std::size_t i = 0; i < tokens.size(); ++i)
        kept[i] = !plain(tokens[i].text);
    for (std::size_t k = 0; k < found.size() && k < keep; ++k)
        kept[found[k].second] = true;
    std::string out;
    for (std::size_t i = 0; i < tokens.size(); ++i)
        if (kept[i]) out += tokens[i].text + ' ';
    return out;
}

Xapian::Query QueryBuilder::relaxed() {
    if (parsed_ == Parsed::none) return {};
    try {
        Xapian::Query any = parse_again(Xapian::Query::OP_OR, parsed_text_);
        if (any.get_description() == parsed_query_.get_description()) return {};
        auto terms = std::distance(any.get_unique_terms_begin(), any.get_unique_terms_end());
        if (static_cast<Xapian::termcount>(terms) > max_relaxed_terms)
            any = parse_again(Xapian::Query::OP_OR, rarest_words(parsed_text_, max_relaxed_words));
        // An article with all of the words has the rarest of them too: the
        // bonus adds no match.
        return boosted(any, parsed_query_);
    } catch (const UsageError&) { // parsed as AND, so never; but never fail a search for it
        return {};
    }
}

// `q` parsed by `qp` (set up for the schema's language, stemming some
// words, which gave `primary`) in each of the archive's languages, each with its own stemmer and
// stopwords, and each other language's reading for its own articles only:
// "the" is no German stopword, and an English article must not rank by
// what a German reading of an English query matches in it.  QueryParser leaves a capitalised word
// unstemmed, taking it for a name; in German every noun has a capital ("Regierung" must find
// "Regierungen"), so a German parse stems every word too.
Xapian::Query QueryBuilder::in_every_language(Xapian::QueryParser& qp, const std::string& q,
                                              unsigned flags, const Xapian::Query& primary) {
    if (languages_.size() == 1 && !languages_[0].stems_capitals) return primary;
    struct Restore { // the schema's language again, whatever happens
        QueryBuilder& b;
        Xapian::QueryParser& qp;
        ~Restore() {
            qp.set_stemmer(b.stemmer_);
            qp.set_stopper(&b.stopper_);
            qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        }
    } restore{*this, qp};
    std::vector<Xapian::Query> parses;
    std::set<std::string> seen; // an unfiltered reading covers the same one filtered
    auto add = [&](Xapian::Query parse, const Xapian::Query& only) {
        std::string reading = parse.get_description();
        std::string key = only.empty() ? reading : reading + " for " + only.get_description();
        if (seen.contains(reading) || !seen.insert(key).second) return;
        // Xapian 1.4 merges the terms of an OR straight under OP_MAX into the
        // MAX (each term then weighs alone); scaling by 1 keeps the OR whole.
        parses.emplace_back(
            Xapian::Query::OP_SCALE_WEIGHT,
            only.empty() ? parse : Xapian::Query(Xapian::Query::OP_FILTER, parse, only), 1.0);
    };
    for (const Language& language : languages_) {
        qp.set_stemmer(language.stem);
        qp.set_stopper(language.stopper);
        qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        add(&language == &languages_[0] ? primary : qp.parse_query(q, flags), language.only);
        if (!language.stems_capitals) continue;
        qp.set_stemming_strategy(Xapian::QueryParser::STEM_ALL_Z);
        add(qp.parse_query(q, flags), language.only);
    }
    if (parses.size() == 1) return parses[0];
    return Xapian::Query(Xapian::Query::OP_MAX, parses.begin(), parses.end());
}

// The words of `q` and nothing else: no operators, phrases, fields, ranges
// or wildcards, all of them required (`op`), as any text would be searched.
Xapian::Query QueryBuilder::parse_words(const std::string& q, Op op) {
    Xapian::QueryParser words;
    words.set_database(db_);
    words.set_stopper(&stopper_);
    words.set_stemmer(stemmer_);
    words.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    words.set_default_op(op);
    // Operators in capitals were meant as operators, not as words to find.
    std::string text;
    for (const auto& t : tokens_of(q))
        if (!is_operator(t.text)) text += t.text + ' ';
    try {
        auto flags = Xapian::QueryParser::FLAG_CJK_NGRAM;
        Xapian::Query query = in_every_language(words, text, flags, words.parse_query(text, flags));
        words.set_stemming_strategy(Xapian::QueryParser::STEM_NONE);
        record_typed(words.parse_query(text, Xapian::QueryParser::FLAG_CJK_NGRAM));
        // No word at all ("(", "OR"): what an empty query finds, every article.
        return query.empty() ? Xapian::Query::MatchAll : query;
    } catch (const Xapian::QueryParserError&) {
        return Xapian::Query::MatchAll;
    }
}

// The terms each wildcard of `q` ranges over, as the QueryParser forms them:
// the field's prefix and the word, lower-cased.
std::set<std::string> QueryBuilder::wildcard_stems(std::string_view q) const {
    std::set<std::string> out;
    for (const auto& t : tokens_of(q)) {
        if (!is_wildcard(t.text)) continue;
        WildcardWord w = wildcard_parts(t.text);
        std::string prefix;
        if (auto field = text_prefixes_.find(std::string(w.field)); field != text_prefixes_.end())
            prefix = field->second;
        out.insert(prefix + Xapian::Unicode::tolower(std::string(w.word)));
    }
    return out;
}

bool QueryBuilder::wildcards_scan_too_much(std::string_view q) const {
    std::set<std::string> stems = wildcard_stems(q);
    if (stems.size() < 2) return false;
    Xapian::termcount budget = max_scanned_terms;
    for (const std::string& stem : stems)
        for (auto t = db_.allterms_begin(stem); t != db_.allterms_end(stem); ++t)
            if (--budget == 0) return true;
    return false;
}

// `q` with each wildcard word as its wildcard field (wildcards.hpp), which
// expands it over the whole archive.  Left to Xapian: one beside NEAR or ADJ,
// in a field that is not text, or not one word as the parser reads words.
std::string QueryBuilder::archive_wildcards(const std::string& q) const {
    auto tokens = tokens_of(q);
    std::string out;
    std::size_t copied = 0; // q[0, copied) is handled
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Token& t = tokens[i];
        if (!is_wildcard(t.text) || (i > 0 && is_proximity(tokens[i - 1].text)) ||
            (i + 1 < tokens.size() && is_proximity(tokens[i + 1].text)))
            continue;
        WildcardWord w = wildcard_parts(t.text);
        if ((w.fielded && !text_prefixes_.contains(std::string(w.field))) ||
            !expandable_word(w.word))
            continue;
        out.append(q, copied, t.column - 1 - copied);
        out += fmt::format("{}{}:{}", w.sign, wildcard_field(w.field), w.word);
        copied = t.column - 1 + t.text.size();
    }
    return copied ? out + q.substr(copied) : q;
}

Xapian::Query QueryBuilder::parse_checked(std::string q, Op op) {
    struct Defaults { // restored whatever happens: each parse starts from AND, stemmed
        Xapian::QueryParser& qp;
        ~Defaults() {
            qp.set_default_op(Xapian::Query::OP_AND);
            qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        }
    } restore{qp_};
    qp_.set_default_op(op);
    try {
        Xapian::termcount share = max_expanded_terms / std::max(1U, wildcard_count(q));
        share = std::max<Xapian::termcount>(share, 1);
        int limit = wildcards_scan_too_much(q) ? Xapian::Query::WILDCARD_LIMIT_FIRST
                                               : Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT;
        qp_.set_max_expansion(share, limit); // for the wildcards left to Xapian
        wildcards_.set_limit(share, limit);
        q = archive_wildcards(expand_synonyms(q, synonyms_));
        date_error_.clear();
        Xapian::Query stemmed = qp_.parse_query(q, query_flags);
        if (!date_error_.empty()) throw UsageError("query: " + date_error_);
        // Stemming conflates "anime" with "animal"; documents with the words
        // exactly as typed rank above those that only share the stem.
        qp_.set_stemming_strategy(Xapian::QueryParser::STEM_NONE);
        Xapian::Query exact = qp_.parse_query(q, query_flags);
        if (op == Xapian::Query::OP_AND) record_typed(exact);
        bool boost = conflates(stemmed, exact); // as in an archive of the one language
        stemmed = in_every_language(qp_, q, query_flags, stemmed);
        if (!boost) return stemmed;
        exact = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, exact, exact_form_weight);
        return boosted(stemmed, exact);
    } catch (const Xapian::QueryParserError& e) {
        throw UsageError(fmt::format("query: {}", e.get_msg()));
    }
}

} // namespace morgue
