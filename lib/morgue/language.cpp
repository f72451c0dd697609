#include "morgue/language.hpp"

#include "morgue/text.hpp"

#include <algorithm>

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

Stemmers::Stemmers(std::string default_stemmer) : default_(default_stemmer) {}

const Xapian::Stem& Stemmers::of(const std::string& code) {
    if (code.empty()) return default_;
    auto it = by_code_.find(code);
    if (it == by_code_.end()) it = by_code_.emplace(code, Xapian::Stem(stemmer_name(code))).first;
    return it->second;
}

} // namespace morgue
