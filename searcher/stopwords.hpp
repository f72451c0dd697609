// Query-side stopwords: the words too common to say what a query is about
// ("what", "are", "the"), from the Snowball project's list for the archive's
// language.  The index keeps every word, so phrases and quotations still
// match; only a query's loose words are dropped, and Xapian's QueryParser
// keeps them in phrases, with +, and when a query has nothing else.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>
#include <xapian.h>

namespace morgue {

struct StopwordList {
    const char* language; // a Xapian::Stem name: "english", "german", ...
    std::vector<const char*> words;
};

// Generated at build time (gen_stopwords.pl) from Debian's Lingua::StopWords.
const std::vector<StopwordList>& stopword_lists();

class QueryStopper : public Xapian::Stopper {
  public:
    // No list for `language`: nothing is a stopword.
    explicit QueryStopper(std::string_view language);
    // Words of `query` typed in capitals ("WHO", "IT", "US") are names, not
    // stopwords, for the parses of this query; nor is a wildcard's start
    // ("an*"), which Xapian's QueryParser would otherwise drop.
    void set_query(std::string_view query);
    bool operator()(const std::string& term) const override;

  private:
    std::set<std::string, std::less<>> words_;
    std::set<std::string, std::less<>> kept_;
};

} // namespace morgue
