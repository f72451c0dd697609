// The one JSON vocabulary of an article, wherever Morgue writes or reads one:
// the stored document data, export and import --jsonl, parse --json and
// search --json.  Field names (docs/formats.md, "Article fields"):
//   id url title body summary columnist[] topic[] date date_local
//   date_source feed feed_url language captured original
// `date` is ISO 8601 UTC, `date_local` the same instant on the publisher's
// clock ("2025-10-14T00:30:00+08:00"), which carries Article::utc_offset.
#pragma once

#include "morgue/article.hpp"

#include <nlohmann/json.hpp>

namespace morgue {

// Every field in the order above; `original` (the whole feed item) only
// when asked for, and `date`/`date_local` and `captured` only when known (not 0).
nlohmann::ordered_json article_json(const Article& a, bool with_original = false);

// Reads what article_json writes.  An absent field reads as empty (data of
// older versions, fields a schema does not store): date 0, offset 0.  A
// field of the wrong type or a date that is not ISO 8601 throws
// std::invalid_argument naming the field; callers say where it was.  Text
// fields come back without control characters (text.hpp), the original as is.
Article article_from_json(const nlohmann::json& j);

} // namespace morgue
