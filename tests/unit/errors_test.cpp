// The error model: what failed is the type, where is the subject, and the
// one boundary (run_guarded) prints one line and returns the documented code.
#include "feed_list.hpp"
#include "feed_parser.hpp"
#include "morgue/database.hpp"
#include "morgue/errors.hpp"
#include "morgue/main_guard.hpp"
#include "morgue/name_groups.hpp"
#include "morgue/schema.hpp"

#include <gtest/gtest.h>

using namespace morgue;

namespace {

// Runs `f`, which must throw E; returns it for its fields.
template <typename E, typename F>
E thrown(F&& f) {
    try {
        f();
    } catch (const E& e) {
        return e;
    }
    ADD_FAILURE() << "nothing thrown";
    return E("");
}

} // namespace

TEST(Errors, WhatPutsTheSubjectFirst) {
    EXPECT_STREQ(InputError({"feeds.txt", 3}, "not a URL").what(), "feeds.txt:3: not a URL");
    EXPECT_STREQ(InputError({"a.rss"}, "cannot read").what(), "a.rss: cannot read");
    EXPECT_STREQ(NetworkError({.url = "https://x/feed"}, "HTTP 404").what(),
                 "https://x/feed: HTTP 404");
    EXPECT_STREQ(NetworkError({.line = 12, .url = "https://x/feed"}, "bad").what(),
                 "https://x/feed:12: bad");
    EXPECT_STREQ(UsageError("--limit 0 is less than 1").what(), "--limit 0 is less than 1");
    UsageError e({"db"}, "reason");
    EXPECT_EQ(e.reason(), "reason");
    EXPECT_EQ(e.subject().file, "db");
}

TEST(Errors, EachKindHasItsExitCode) {
    EXPECT_EQ(InputError("x").exit_code(), exit_partial);
    EXPECT_EQ(NetworkError("x").exit_code(), exit_partial);
    EXPECT_EQ(UsageError("x").exit_code(), exit_usage);
    EXPECT_EQ(ConfigError("x").exit_code(), exit_usage);
    EXPECT_EQ(DatabaseError("x").exit_code(), exit_database);
    EXPECT_EQ(LockedError("x").exit_code(), exit_locked);
}

TEST(Errors, TheBoundaryPrintsOneLineAndMapsTheCode) {
    auto run = [](auto error) {
        testing::internal::CaptureStderr();
        int code = run_guarded("morgue-test", [&]() -> int { throw error; });
        return std::pair{code, testing::internal::GetCapturedStderr()};
    };
    EXPECT_EQ(run(InputError({"a.rss", 8}, "not well-formed XML")),
              std::pair(1, std::string("morgue-test: a.rss:8: not well-formed XML\n")));
    EXPECT_EQ(run(NetworkError({.url = "https://x/"}, "HTTP 500")),
              std::pair(1, std::string("morgue-test: https://x/: HTTP 500\n")));
    EXPECT_EQ(run(UsageError("no feeds")), std::pair(2, std::string("morgue-test: no feeds\n")));
    EXPECT_EQ(run(ConfigError({"s.txt", 2}, "empty name")),
              std::pair(2, std::string("morgue-test: s.txt:2: empty name\n")));
    EXPECT_EQ(run(DatabaseError({"db"}, "no such database")),
              std::pair(3, std::string("morgue-test: db: no such database\n")));
    EXPECT_EQ(run(LockedError({"db"}, "locked")),
              std::pair(4, std::string("morgue-test: db: locked\n")));
    EXPECT_EQ(run(std::logic_error("oops")),
              std::pair(3, std::string("morgue-test: internal error: oops\n")));
}

// Where Morgue throws them: the subject is in the fields, not only the text.
TEST(Errors, ConfigurationFilesAreNamedWithTheirLine) {
    auto list = thrown<ConfigError>([] { parse_feed_list("https://a/\nhtp:/x\n", "feeds.txt"); });
    EXPECT_STREQ(list.what(), "feeds.txt:2: not a URL: \"htp:/x\"");
    EXPECT_EQ(list.subject().file, "feeds.txt");
    EXPECT_EQ(list.subject().line, 2u);
    auto names = thrown<ConfigError>([] { parse_name_groups("A | B\nB | C\n", "synonyms.txt"); });
    EXPECT_STREQ(names.what(), "synonyms.txt:2: \"B\" is already in the group of \"A\" (line 1)");
    auto schema = thrown<ConfigError>([] { parse_schema("<schema>\n<field", "s.xml"); });
    EXPECT_EQ(schema.subject().file, "s.xml");
    EXPECT_EQ(schema.subject().line, 2u);
    EXPECT_EQ(thrown<ConfigError>([] { load_schema_file("/nonexistent/s.xml"); }).reason(),
              "cannot read schema: No such file or directory");
}

TEST(Errors, AFeedIsNamedByItsFileOrItsUrl) {
    auto file = thrown<InputError>([] { parse_feed("<rss>\n<channel>", {.name = "a.rss"}); });
    EXPECT_EQ(file.subject().file, "a.rss");
    EXPECT_EQ(file.subject().line, 2u);
    EXPECT_EQ(file.reason().rfind("not well-formed XML: ", 0), 0u) << file.reason();
    std::string url = "https://example.com/feed";
    auto fetched = thrown<InputError>([&] { parse_feed("<html/>", {.name = url, .url = url}); });
    EXPECT_EQ(fetched.subject().url, url);
    EXPECT_TRUE(fetched.subject().file.empty());
    EXPECT_STREQ(fetched.what(),
                 "https://example.com/feed: not an RSS or Atom feed (root element <html>)");
}

TEST(Errors, AMissingDatabaseIsNamed) {
    auto e = thrown<DatabaseError>([] { open_for_reading("/nonexistent/db"); });
    EXPECT_EQ(e.subject().file, "/nonexistent/db");
    EXPECT_STREQ(e.what(), "/nonexistent/db: no such database");
}
