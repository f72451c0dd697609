// "Did you mean": a query with its misspelled words replaced by the words
// of the archive they were likely meant as, from the spelling data the
// indexer collects.  A word is taken as misspelled only when the archive
// does not have it, as typed or by its stem in one of the archive's
// languages other than the first (or, for a query that finds almost
// nothing, has it in at most two articles), and the languages' dictionaries (hunspell, Debian's
// hunspell-* packages) do not know it either: "taiwanese", "policy" and
// "Seth" are words, whether the archive has them or not.  The search then
// offers the correction only if it finds something, and no less than the
// query did.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>
#include <xapian.h>

class Hunspell;

namespace morgue {

class Speller {
  public:
    // `languages`: the archive's, as Xapian::Stem names, the schema's first;
    // a word any of their installed UTF-8 hunspell dictionaries knows is
    // spelled right.
    // Without one, only the archive says what a word is.
    Speller(const Xapian::Database& db, std::vector<std::string> languages,
            const Xapian::Stopper* stopwords);
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
    bool found_by_stem(const std::string& folded) const;

    std::vector<std::string> languages_;
    std::vector<Xapian::Stem> stems_;
    const Xapian::Stopper* stopwords_;
    std::vector<Hunspell*> dictionaries_; // looked up at the first unknown word (loaded once)
    bool loaded_ = false;
};

// Where hunspell dictionaries are looked for (Debian's place).
inline constexpr const char* hunspell_dir = "/usr/share/hunspell";

} // namespace morgue
