// morgue-searcher: ranked search over a Morgue database.
#include "cgi.hpp"
#include "cgi_config.hpp"
#include "fastcgi.hpp"
#include "morgue/command_line.hpp"
#include "morgue/console.hpp"
#include "morgue/errors.hpp"
#include "morgue/main_guard.hpp"
#include "output.hpp"
#include "search.hpp"
#include "stored_copy.hpp"

#include <CLI/CLI.hpp>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <fmt/format.h>
#include <map>
#include <unistd.h>

#ifndef MORGUE_VERSION
#define MORGUE_VERSION "unknown"
#endif

namespace {

constexpr const char* prog = "morgue-searcher";

constexpr const char* query_help = R"(
Query language:
  words            all must match, stemmed ("taxes" finds "tax"; in every language the
                   archive has: "Regierung" finds German "Regierungen"); when fewer
                   than a page of articles have them all, any of them, more first
                   (--strict: never); loose stopwords ("what", "the") are left out
  "a phrase"       the words in this order
  a OR b, a AND b, a NOT b, (a OR b) c     boolean operators (upper case)
  +word, -word     must / must not match (put -- before a query starting with -)
  anim*            words starting with "anim"
  title:word       in the title
  columnist:name   by this columnist: columnist:"Catherine Thorbecke" or columnist:thorbecke
  topic:name       filed under this topic;  feed:name  from this feed;  year:2025
  language:de      in this language (a code or a name: language:German)
  credit:reuters   credited to this agency or desk (credit:"Staff and agencies")
  date:2025-01-01..2025-06-30, date:2025-03.., date:..2024, date:2025-03-14
                   dated in that period on the publisher's calendar, the date the
                   article shows (a bound covers its whole day, month or year)
  Synonyms stored by the indexer widen words (Diaoyu also finds Senkaku, 釣魚台);
  a word found nowhere gets a "did you mean" suggestion.
  A query that is not valid syntax is searched as its words, with a note; one
  over 8192 bytes, as its first words, with a note (--strict: errors instead).)";

constexpr const char* exit_help = R"(
The search page: run by a web server as a CGI program (GATEWAY_INTERFACE set,
  or called morgue.cgi) or as a resident FastCGI application (started with a
  listening socket on fd 0), it serves the page, JSON and Atom; its settings:
  --help-config.
Exit codes: 0 ok (also when nothing matched), 2 usage error (a malformed or
  over-long query with --strict), 3 database error.)";

struct Options {
    std::string db_path;
    bool json = false;
    bool pretty = false;
    std::string format = "text";
    std::string sort = "relevance";
    bool all_shards = false; // a shard that cannot be reached is an error, not left out
    std::string similar;     // --similar: an article's id or document id
    morgue::SearchRequest request;
};

int search(Options o) {
    morgue::ReadDatabase db = morgue::open_for_reading(
        o.db_path, o.all_shards ? morgue::MissingShards::fail : morgue::MissingShards::skip,
        morgue::remote_timeout_for(o.request.time_limit));
    bool tty = morgue::use_colour(STDOUT_FILENO) && !o.json && o.format == "text";
    morgue::Highlight hl = tty ? morgue::Highlight{"\x1b[1m", "\x1b[0m"} : morgue::Highlight{};
    o.request.html_snippets = o.json;
    if (!o.similar.empty()) {
        o.request.similar = morgue::article_or_docid(db, o.similar);
        if (!o.request.similar)
            throw morgue::UsageError(fmt::format("--similar {}: no such article", o.similar));
    }
    auto result = morgue::search(db, o.request, hl);
    std::string out = o.format == "atom"
                          ? morgue::format_atom(result, std::string("Morgue ") + MORGUE_VERSION)
                      : o.json               ? morgue::format_json(result, o.pretty)
                      : o.request.count_only ? morgue::format_count(result)
                                             : morgue::format_text(result);
    std::fputs(out.c_str(), stdout);
    return morgue::exit_ok;
}

} // namespace

int main(int argc, char** argv) {
    // A web server runs it as a CGI program: the request is in the environment.
    std::string_view name = argv[0];
    name = name.substr(name.rfind('/') + 1);
    // Or as a FastCGI application: started with a listening socket on fd 0.
    if (morgue::started_as_fastcgi()) return morgue::run_fastcgi();
    if (std::getenv("GATEWAY_INTERFACE") || name == "morgue.cgi") return morgue::run_cgi();
    morgue::console_program(prog);
    CLI::App app{"morgue-searcher: searches a Morgue news archive.", prog};
    app.footer(std::string(query_help) + exit_help);
    app.set_version_flag("--version", std::string("morgue-searcher ") + MORGUE_VERSION);
    Options o;
    std::vector<std::string> words;
    // The query language alone: what morgue-query(7) is made from.
    app.add_flag_callback(
        "--help-query",
        [] {
            std::fputs(query_help + 1, stdout); // without its leading newline
            std::fputs("\n", stdout);
            throw CLI::Success();
        },
        "print the query language and exit");
    app.add_flag_callback(
        "--help-config",
        [] {
            std::fputs(morgue::cgi_config_help().c_str(), stdout);
            throw CLI::Success();
        },
        "print the search page's configuration file format (morgue.conf) and exit");
    app.add_option("--db", o.db_path, "database directory")->envname("MORGUE_DB")->required();
    app.add_flag("--json", o.json, "print one JSON object on one line (the same as --format json)");
    app.add_flag("--pretty", o.pretty, "indent the JSON for people");
    app.add_option("--format", o.format, "text, json or atom (an Atom feed of the results)")
        ->transform(morgue::cli::one_of({"text", "json", "atom"}));
    app.add_option("--limit", o.request.limit, "results per page")
        ->capture_default_str()
        ->check(morgue::cli::whole_number(0, morgue::max_limit));
    app.add_option("--offset", o.request.offset, "results to skip")
        ->capture_default_str()
        ->check(morgue::cli::whole_number(0, UINT_MAX));
    const std::map<std::string, morgue::Sort> sorts = {{"relevance", morgue::Sort::relevance},
                                                       {"newest", morgue::Sort::date},
                                                       {"oldest", morgue::Sort::date_ascending},
                                                       {"date", morgue::Sort::date},
                                                       {"date-asc", morgue::Sort::date_ascending}};
    app.add_option("--sort", o.sort,
                   "relevance, newest or oldest (the page's words; date and date-asc also)")
        ->transform(morgue::cli::one_of({"relevance", "newest", "oldest", "date", "date-asc"}));
    std::vector<std::string> filters;
    app.add_option("--facet", o.request.facets,
                   "count matches by FIELD: columnist, topic, feed, language, credit, year, month")
        ->delimiter(',')
        ->expected(1)
        ->allow_extra_args(false)
        ->take_all(); // one value per --facet, so that query words are not taken
    app.add_option("--facet-limit", o.request.facet_limit, "values shown per facet")
        ->capture_default_str()
        ->check(morgue::cli::whole_number(0, 100000));
    app.add_option("--filter", filters, "only FIELD:VALUE (OR within a field, AND across fields)")
        ->expected(1)
        ->allow_extra_args(false)
        ->take_all();
    app.add_option("--recency", o.request.recency_days,
                   "blend relevance with freshness: a boost that halves every DAYS days")
        ->check(morgue::cli::number(0.01, 100000));
    app.add_flag("--collapse", o.request.collapse,
                 "fold copies of the same story from several feeds");
    app.add_option("--story", o.request.story,
                   "only the copies of this story (a result's \"story\" in --json)");
    app.add_option("--similar", o.similar,
                   "articles like this one, instead of a query: its id (a result's \"id\" in "
                   "--json) or its docid");
    app.add_flag("--count", o.request.count_only, "print only the number of matches (exact)");
    app.add_option("--timeout", o.request.time_limit, "give up ranking after this many seconds")
        ->check(morgue::cli::number(0, 3600));
    app.add_flag("--all-shards", o.all_shards,
                 "an archive's shard that cannot be reached is an error (exit 3), instead of "
                 "left out with a warning");
    app.add_flag("--strict", o.request.strict,
                 "take the query exactly as written: invalid syntax or over 8192 bytes is "
                 "exit 2, and all words stay required");
    app.add_option("--since", o.request.since, "only articles dated on or after (YYYY[-MM[-DD]])");
    app.add_option("--until", o.request.until, "only articles dated on or before (YYYY[-MM[-DD]])");
    app.add_option("QUERY", words, "query words (see below); none: every article");
    if (auto code = morgue::cli::parse(app, argc, argv)) return *code;
    if (o.format == "json") o.json = true;
    o.request.sort = sorts.at(o.sort);
    for (const auto& w : words)
        o.request.query += (o.request.query.empty() ? "" : " ") + w;
    for (const auto& f : filters) {
        auto colon = f.find(':');
        if (colon == std::string::npos || colon == 0 || colon + 1 == f.size()) {
            morgue::say(stderr, fmt::format("--filter: expected FIELD:VALUE, not \"{}\"", f));
            return morgue::exit_usage;
        }
        o.request.filters[f.substr(0, colon)].push_back(f.substr(colon + 1));
    }
    return morgue::run_guarded(prog, [&] { return search(o); });
}
