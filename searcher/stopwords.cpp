#include "stopwords.hpp"

#include "morgue/text.hpp"

namespace morgue {

QueryStopper::QueryStopper(std::string_view language) {
    for (const StopwordList& list : stopword_lists())
        if (language == list.language) words_.insert(list.words.begin(), list.words.end());
}

void QueryStopper::set_query(std::string_view query) {
    kept_.clear();
    std::size_t i = 0;
    while (i < query.size()) {
        std::size_t start = i;
        bool lower = false, letters = false;
        while (i < query.size() && std::isalpha(static_cast<unsigned char>(query[i]))) {
            lower = lower || std::islower(static_cast<unsigned char>(query[i]));
            letters = true;
            ++i;
        }
        bool wildcard = i < query.size() && query[i] == '*'; // "an*" is no stopword "an"
        if (letters && ((!lower && i - start >= 2) || wildcard))
            kept_.insert(ascii_lower(query.substr(start, i - start)));
        if (i == start) ++i;
    }
}

bool QueryStopper::operator()(const std::string& term) const {
    return words_.contains(term) && !kept_.contains(term);
}

} // namespace morgue
