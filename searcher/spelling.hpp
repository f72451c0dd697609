// "Did you mean": a query with its misspelled words replaced by the words
// of the archive they were likely meant as, from the spelling data the
// indexer collects.  A word is taken as misspelled only when the archive
// does not have it (or, for a query that finds almost nothing, has it in at
// most two articles) and the language's dictionary (hunspell, Debian's
// hunspell-* packages) does not know it either: "taiwanese", "policy" and
// "Seth" are words, whether the archive has them or not.  The search then
// offers the correction only if it finds something, and no less than the
// query did.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <xapian.h>

class Hunspell;

namespace morgue {

class Speller {
  public:
    // `language`: a Xapian::Stem name; without an installed UTF-8 hunspell
    // dictionary for it, only the archive says what a word is.
    Speller(const Xapian::Database& db, std::string language, const Xapian::Stopper* stopwords);
    ~Speller();
    Speller(const Speller&) = delete;
    Speller& operator=(const Speller&) = delete;

    // `query` with each misspelled word replaced; with `rare_too` (a query
    // with few results), also each very rare word that has a far commoner
    // neighbour.  Field values, operators, stopwords and CJK stay as they
    // are.  Empty when nothing was replaced.
    std::string correct(std::string_view query, bool rare_too);

  private:
    bool in_dictionary(const std::string& word);

    Xapian::Database db_;
    std::string language_;
    const Xapian::Stopper* stopwords_;
    std::unique_ptr<Hunspell> dictionary_; // loaded at the first unknown word
    bool loaded_ = false;
};

// Where hunspell dictionaries are looked for (Debian's place).
inline constexpr const char* hunspell_dir = "/usr/share/hunspell";

} // namespace morgue
