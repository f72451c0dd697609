#include "date_range.hpp"

#include "morgue/dates.hpp"
#include "morgue/errors.hpp"

#include <fmt/format.h>

namespace morgue {

namespace {

std::time_t start_of(std::string_view text) {
    auto t = parse_date(text);
    // Only W3CDTF-shaped bounds: "12 March" would be ambiguous about its year.
    if (!t || text.size() < 4 || !std::isdigit(static_cast<unsigned char>(text[0])))
        throw UsageError(
            fmt::format("\"{}\" is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)", text));
    return *t;
}

std::tm utc(std::time_t t) {
    std::tm tm{};
    gmtime_r(&t, &tm);
    return tm;
}

} // namespace

std::time_t period_start(std::string_view text) {
    return start_of(text);
}

std::time_t period_end(std::string_view text) {
    std::time_t start = start_of(text);
    if (text.size() > 10) return start; // an instant
    std::tm tm = utc(start);
    if (text.size() == 4)
        tm.tm_year += 1; // YYYY
    else if (text.size() == 7)
        tm.tm_mon += 1; // YYYY-MM
    else
        tm.tm_mday += 1; // YYYY-MM-DD
    return timegm(&tm) - 1;
}

Xapian::Query date_range_query(Xapian::valueno slot, std::string_view from, std::string_view to) {
    auto value = [](std::time_t t) { return Xapian::sortable_serialise(static_cast<double>(t)); };
    if (from.empty() && to.empty()) return Xapian::Query::MatchAll;
    if (from.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, value(period_end(to)));
    if (to.empty())
        return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, value(period_start(from)));
    std::time_t lo = period_start(from), hi = period_end(to);
    if (lo > hi) throw UsageError(fmt::format("date range {}..{} ends before it starts", from, to));
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, value(lo), value(hi));
}

// Inside QueryParser, errors travel as QueryParserError.
namespace {

Xapian::Query checked_range(Xapian::valueno slot, const std::string& from, const std::string& to,
                            std::string* error) {
    try {
        return date_range_query(slot, from, to);
    } catch (const UsageError& e) {
        if (error->empty()) *error = e.what();
        return Xapian::Query::MatchNothing;
    }
}

} // namespace

Xapian::Query DateRangeProcessor::operator()(const std::string& begin, const std::string& end) {
    return checked_range(slot, begin, end, error_);
}

Xapian::Query DateFieldProcessor::operator()(const std::string& period) {
    return checked_range(slot_, period, period, error_);
}

} // namespace morgue
