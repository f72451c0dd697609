#include "spelling.hpp"

#include "morgue/text.hpp"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <hunspell.hxx>
#include <map>
#include <utility>

namespace morgue {

namespace {

constexpr Xapian::doccount rare_word_freq = 2, rare_word_ratio = 10;
// A spelling lookup reads the spelling data for every word it might be, and
// comes before the time limit: a pasted paragraph of names gets
// suggestions for its first few unknown words, not a lookup for each.
constexpr unsigned max_spelling_lookups = 8;

// Hunspell's names for the dictionaries of Xapian's stemmer languages, the
// likeliest first.
constexpr std::pair<std::string_view, std::string_view> dictionaries[] = {
    {"english", "en_US"},    {"english", "en_GB"},    {"german", "de_DE"},    {"french", "fr_FR"},
    {"french", "fr"},        {"spanish", "es_ES"},    {"spanish", "es"},      {"italian", "it_IT"},
    {"portuguese", "pt_PT"}, {"portuguese", "pt_BR"}, {"dutch", "nl_NL"},     {"dutch", "nl"},
    {"swedish", "sv_SE"},    {"danish", "da_DK"},     {"norwegian", "nb_NO"}, {"russian", "ru_RU"},
    {"hungarian", "hu_HU"},  {"romanian", "ro_RO"},
};

// Field values, operators and words in scripts without spelling data (CJK)
// are never corrected.
bool correctable(std::string_view word) {
    if (word.size() < 3) return false;
    bool letters = false;
    for (unsigned char c : word) {
        if (c >= 0xE0) return false; // three-byte UTF-8 and up: CJK and the like
        letters = letters || std::isalpha(c) || c >= 0x80;
    }
    return letters;
}

bool word_char(char c) {
    auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) || u >= 0x80 || c == '\'';
}

// Keep an initial capital: "Montevido" -> "Montevideo".
std::string with_case_of(const std::string& word, std::string suggestion) {
    if (std::isupper(static_cast<unsigned char>(word[0])))
        suggestion[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(suggestion[0])));
    return suggestion;
}

} // namespace

Speller::Speller(const Xapian::Database& db, std::vector<std::string> languages,
                 const Xapian::Stopper* stopwords)
    : db_(db), languages_(std::move(languages)), stopwords_(stopwords) {
    // The first language's own words are the dictionary's to judge; for the
    // others (whose dictionaries may not be installed) a stem in the archive
    // says that the word is one.
    for (std::size_t i = 1; i < languages_.size(); ++i) {
        const std::string& language = languages_[i];
        try {
            if (Xapian::Stem stem(language); !stem.is_none()) stems_.push_back(stem);
        } catch (const Xapian::InvalidArgumentError&) { // no stemmer: words as typed only
        }
    }
}

// Whether the query finds `folded` through its stem in one of the other
// languages ("Regierung" finds "Regierungen" in a German article).
bool Speller::found_by_stem(const std::string& folded) const {
    return std::any_of(stems_.begin(), stems_.end(),
                       [&](const Xapian::Stem& s) { return db_.term_exists("Z" + s(folded)); });
}

Speller::~Speller() = default;

namespace {

// The first installed UTF-8 dictionary of `language`, or none.
std::unique_ptr<Hunspell> load_dictionary(std::string_view language) {
    for (auto [lang, name] : dictionaries) {
        if (lang != language) continue;
        // fmt, not operator+: GCC 12 misreads the inlined string
        // concatenation here as out of bounds (-Warray-bounds).
        std::string aff = fmt::format("{}/{}.aff", hunspell_dir, name);
        std::string dic = fmt::format("{}/{}.dic", hunspell_dir, name);
        std::error_code ec;
        if (!std::filesystem::exists(dic, ec)) continue;
        auto d = std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
        if (d->get_dict_encoding() == "UTF-8") return d; // queries are UTF-8
    }
    return nullptr;
}

// Loading a dictionary is most of a suggestion's cost (tens of
// milliseconds), and it never changes: once per process and language, so a
// process that searches many times (a resident page, the fuzz replayers)
// pays it once.  Single-threaded, like the searcher.
Hunspell* dictionary_of(const std::string& language) {
    static std::map<std::string, std::unique_ptr<Hunspell>> loaded;
    auto it = loaded.find(language);
    if (it == loaded.end()) it = loaded.emplace(language, load_dictionary(language)).first;
    return it->second.get();
}

} // namespace

bool Speller::in_dictionary(const std::string& word) {
    if (!loaded_) {
        loaded_ = true;
        for (const std::string& language : languages_)
            if (Hunspell* d = dictionary_of(language)) dictionaries_.push_back(d);
    }
    // "seth" typed in lower case is still the name Seth.
    std::string capital = word;
    capital[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(capital[0])));
    return std::any_of(dictionaries_.begin(), dictionaries_.end(),
                       [&](const auto& d) { return d->spell(word) || d->spell(capital); });
}

std::string Speller::correct(std::string_view query, bool rare_too) {
    std::string out;
    bool changed = false;
    unsigned lookups = 0;
    std::size_t i = 0;
    while (i < query.size()) {
        if (!word_char(query[i]) || query[i] == '\'') {
            out += query[i++];
            continue;
        }
        std::size_t start = i;
        while (i < query.size() && word_char(query[i]))
            ++i;
        std::string word(query.substr(start, i - start));
        bool field = i < query.size() && query[i] == ':';
        bool after_field = start > 0 && query[start - 1] == ':';
        bool op = word == "AND" || word == "OR" || word == "NOT" || word == "XOR" || word == "NEAR";
        std::string folded = casefold(word);
        bool eligible = !field && !after_field && !op && correctable(word) &&
                        !(stopwords_ && (*stopwords_)(folded)); // "did" is never "said"
        Xapian::doccount freq = eligible ? db_.get_termfreq(folded) : 0;
        // A rare word (a typo that happens to be indexed) is replaced only by
        // a far commoner one: "anme" by "anime", not "exchange" by "change".
        bool candidate =
            eligible && (freq == 0 ? !found_by_stem(folded) : rare_too && freq <= rare_word_freq);
        if (candidate && lookups < max_spelling_lookups) {
            ++lookups;
            std::string suggestion = db_.get_spelling_suggestion(folded);
            if (freq && db_.get_termfreq(suggestion) < rare_word_ratio * freq) suggestion.clear();
            // The dictionary last: loading it is most of a suggestion's cost.
            if (!suggestion.empty() && !in_dictionary(word)) {
                out += with_case_of(word, suggestion);
                changed = true;
                continue;
            }
        }
        out += word;
    }
    return changed ? out : std::string();
}

} // namespace morgue
