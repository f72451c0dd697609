// Article languages.  A feed declares its language as a tag ("de-DE", "en-us",
// sometimes "German"); Morgue files an article under the tag's ISO 639 code
// ("de") and stems it with the Snowball stemmer Xapian has for that language.
// A language Xapian has no stemmer for (Chinese, Polish) is indexed
// unstemmed; CJK text is indexed as n-grams whatever the language.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>
#include <xapian.h>

namespace morgue {

// The ISO 639 code of a language tag or of a language's English name
// (case-insensitive; region and script subtags dropped): "de-DE" -> "de",
// "ger" and "German" -> "de".  Empty when `tag` is not a language tag.
std::string language_code(std::string_view tag);

// The Xapian::Stem name for a code ("de" -> "german"), "none" when Xapian
// has no stemmer for it.
std::string stemmer_name(std::string_view code);

// The code of a Xapian::Stem name ("english" -> "en"); empty for "none" and
// names that are no language ("porter").
std::string code_of_stemmer(std::string_view stemmer);

// The language's English name for showing ("de" -> "German"); the code
// itself for a language Morgue has no name for.
std::string language_name(std::string_view code);

// The stemmer names of the codes in `codes`, `default_stemmer` first, each once.
std::vector<std::string> stemmers_of(const std::string& default_stemmer,
                                     const std::vector<std::string>& codes);

// A stemmer that remembers the stems of the last words it was given (up to
// about `words` of them): a text repeats its words, and Snowball takes far
// longer over a word than a hash lookup.  The memory is shared by copies of
// the result; like Xapian::Stem itself, it is for one thread.
Xapian::Stem remembering(const Xapian::Stem& stem, std::size_t words = 65536);

// Stemmers by language code, made once each: "" is the default language.
// Each remembers its stems (remembering()).
class Stemmers {
  public:
    explicit Stemmers(std::string default_stemmer);
    const Xapian::Stem& of(const std::string& code);

  private:
    Xapian::Stem default_;
    std::map<std::string, Xapian::Stem, std::less<>> by_code_;
};

} // namespace morgue
