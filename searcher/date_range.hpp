// Dates in queries: `date:2025-01-01..2025-12-31` (either end may be left
// open), `date:2025-03` (a whole period), and --since/--until.  A bound names
// a period (a year, a month, a day, or an instant) in UTC: a range starts at
// the beginning of its first period and ends at the end of its last, so
// `date:..2025-12-31` includes the whole of 31 December.
#pragma once

#include <ctime>
#include <string>
#include <string_view>
#include <xapian.h>

namespace morgue {

// The first and last second of the period `text` names ("2025", "2025-03",
// "2025-03-14", "2025-03-14T10:00:00Z").  Throws UsageError naming `text`
// (without a "query:" prefix: callers say where the date came from).
std::time_t period_start(std::string_view text);
std::time_t period_end(std::string_view text);

// Documents dated within [from, to]; either may be empty for an open end.
Xapian::Query date_range_query(Xapian::valueno slot, std::string_view from, std::string_view to);

// For QueryParser: `date:A..B` ranges and `date:PERIOD` terms.  An exception
// thrown through Xapian's parser leaks its state, so a bad date is noted in
// `*error` (the first one wins) and matches nothing; the caller reports it.
class DateRangeProcessor : public Xapian::RangeProcessor {
  public:
    DateRangeProcessor(Xapian::valueno slot, std::string* error)
        : Xapian::RangeProcessor(slot, "date:"), error_(error) {}
    Xapian::Query operator()(const std::string& begin, const std::string& end) override;

  private:
    std::string* error_;
};

class DateFieldProcessor : public Xapian::FieldProcessor {
  public:
    DateFieldProcessor(Xapian::valueno slot, std::string* error) : slot_(slot), error_(error) {}
    Xapian::Query operator()(const std::string& period) override;

  private:
    Xapian::valueno slot_;
    std::string* error_;
};

} // namespace morgue
