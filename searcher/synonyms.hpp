// Synonyms at query time: each word or phrase of the query that names a
// member of a synonym group becomes (member OR member ...), before the query
// parser sees it.  Done on the query text rather than with Xapian's synonym
// table because members may be phrases or CJK, which the index holds as
// n-grams: the query parser then treats every member as it would if typed.
#pragma once

#include "morgue/database.hpp" // synonyms_metadata_key
#include "morgue/name_groups.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace morgue {

// Members are matched case-blind at word boundaries (CJK ones anywhere),
// outside quoted phrases, and not as field values (topic:UN) or after +/-.
std::string expand_synonyms(std::string_view query, const std::vector<NameGroup>& groups);

} // namespace morgue
