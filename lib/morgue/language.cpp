#include "morgue/language.hpp"

#include "morgue/text.hpp"

#include <algorithm>
#include <unordered_map>

namespace morgue {

namespace {

// Xapian 1.4's Snowball stemmers, by ISO 639-1 code, with the ISO 639-2 codes
// (bibliographic and terminology) that feeds also write.
struct Known {
    std::string_view code, stemmer, code3, code3b;
};
constexpr Known known[] = {
    {"ar", "arabic", "ara", ""},      {"hy", "armenian", "hye", "arm"},
    {"eu", "basque", "eus", "baq"},   {"ca", "catalan", "cat", ""},
    {"da", "danish", "dan", ""},      {"nl", "dutch", "nld", "dut"},
    {"en", "english", "eng", ""},     {"fi", "finnish", "fin", ""},
    {"fr", "french", "fra", "fre"},   {"de", "german", "deu", "ger"},
    {"hu", "hungarian", "hun", ""},   {"id", "indonesian", "ind", ""},
    {"ga", "irish", "gle", ""},       {"it", "italian", "ita", ""},
    {"lt", "lithuanian", "lit", ""},  {"ne", "nepali", "nep", ""},
    {"no", "norwegian", "nor", ""},   {"nb", "norwegian", "nob", ""},
    {"nn", "norwegian", "nno", ""},   {"pt", "portuguese", "por", ""},
    {"ro", "romanian", "ron", "rum"}, {"ru", "russian", "rus", ""},
    {"es", "spanish", "spa", ""},     {"sv", "swedish", "swe", ""},
    {"ta", "tamil", "tam", ""},       {"tr", "turkish", "tur", ""},
};

// Languages without a Snowball stemmer that news archives hold.
constexpr std::pair<std::string_view, std::string_view> other_names[] = {
    {"zh", "Chinese"}, {"ja", "Japanese"}, {"ko", "Korean"},     {"pl", "Polish"},
    {"cs", "Czech"},   {"el", "Greek"},    {"uk", "Ukrainian"},  {"he", "Hebrew"},
    {"hi", "Hindi"},   {"fa", "Persian"},  {"vi", "Vietnamese"}, {"th", "Thai"},
};

bool ascii_letters(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

} // namespace

std::string language_code(std::string_view tag) {
    std::string t = ascii_lower(collapse_spaces(tag));
    // The primary subtag: "en-US", "en_us"; "English (US)" is English too.
    std::string primary = t.substr(0, t.find_first_of("-_ "));
    for (const Known& k : known)
        if (primary == k.stemmer || primary == k.code3 ||
            (!k.code3b.empty() && primary == k.code3b))
            return std::string(k.code);
    for (auto [code, name] : other_names)
        if (primary == ascii_lower(name)) return std::string(code);
    if (primary.size() < 2 || primary.size() > 3 || !ascii_letters(primary)) return {};
    return primary;
}

std::string stemmer_name(std::string_view code) {
    for (const Known& k : known)
        if (code == k.code) return std::string(k.stemmer);
    return "none";
}

std::string language_name(std::string_view code) {
    for (const Known& k : known)
        if (code == k.code) {
            std::string name(k.stemmer);
            name[0] = static_cast<char>(name[0] - 'a' + 'A');
            return name;
        }
    for (auto [c, name] : other_names)
        if (code == c) return std::string(name);
    return std::string(code);
}

std::string code_of_stemmer(std::string_view stemmer) {
    for (const Known& k : known)
        if (stemmer == k.stemmer) return std::string(k.code);
    return {};
}

std::vector<std::string> stemmers_of(const std::string& default_stemmer,
                                     const std::vector<std::string>& codes) {
    std::vector<std::string> out{default_stemmer};
    for (const std::string& code : codes)
        if (std::string s = stemmer_name(code); std::find(out.begin(), out.end(), s) == out.end())
            out.push_back(s);
    return out;
}

namespace {

class RememberingStem : public Xapian::StemImplementation {
  public:
    RememberingStem(Xapian::Stem stem, std::size_t words) : stem_(std::move(stem)), cap_(words) {}

    std::string operator()(const std::string& word) override {
        if (auto it = known_.find(word); it != known_.end()) return it->second;
        if (known_.size() >= cap_) known_.clear(); // a new vocabulary, or a very large one
        return known_.emplace(word, stem_(word)).first->second;
    }
    // The language, as Xapian's own implementation describes itself: Stem
    // wraps it in "Xapian::Stem(...)".
    std::string get_description() const override {
        std::string d = stem_.get_description();
        constexpr std::string_view open = "Xapian::Stem(";
        return d.starts_with(open) && d.ends_with(')')
                   ? d.substr(open.size(), d.size() - open.size() - 1)
                   : d;
    }

  private:
    Xapian::Stem stem_;
    std::size_t cap_;
    std::unordered_map<std::string, std::string> known_;
};

} // namespace

Xapian::Stem remembering(const Xapian::Stem& stem, std::size_t words) {
    if (stem.is_none()) return stem; // it returns the word itself: nothing to remember
    return Xapian::Stem(new RememberingStem(stem, words));
}

Stemmers::Stemmers(std::string default_stemmer)
    : default_(remembering(Xapian::Stem(default_stemmer))) {}

const Xapian::Stem& Stemmers::of(const std::string& code) {
    if (code.empty()) return default_;
    auto it = by_code_.find(code);
    if (it == by_code_.end())
        it = by_code_.emplace(code, remembering(Xapian::Stem(stemmer_name(code)))).first;
    return it->second;
}

} // namespace morgue
