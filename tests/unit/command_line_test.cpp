// The command line in Morgue's voice: the nearest choice, and the message
// for each kind of mistake.
#include "morgue/command_line.hpp"

#include <gtest/gtest.h>

using morgue::cli::error_message;
using morgue::cli::nearest;

TEST(Nearest, OneEditAway) {
    std::vector<std::string> subs = {"import", "fetch", "stats", "feeds"};
    EXPECT_EQ(nearest("stat", subs), "stats");
    EXPECT_EQ(nearest("fecth", subs), "fetch"); // a swap is one edit
    EXPECT_EQ(nearest("imprt", subs), "import");
    EXPECT_EQ(nearest("--lmit", {"--limit", "--offset"}), "--limit");
}

TEST(Nearest, BegunButNotFinished) {
    EXPECT_EQ(nearest("--fac", {"--facet", "--format", "--filter"}), "--facet");
    EXPECT_EQ(nearest("--f", {"--facet", "--format"}), ""); // too short to say which
}

TEST(Nearest, NothingCloseIsNoSuggestion) {
    EXPECT_EQ(nearest("frobnicate", {"import", "fetch"}), "");
    EXPECT_EQ(nearest("x", {"import"}), "");
}

namespace {

// A small program shaped like morgue-indexer.
struct Program {
    CLI::App app{"test", "prog"};
    std::string db;
    unsigned jobs = 1;
    std::string format;
    std::vector<std::string> files;
    Program() {
        app.fallthrough();
        app.add_option("--db", db);
        app.require_subcommand(1);
        auto* import = app.add_subcommand("import");
        import->add_option("FILE", files)->required();
        import->add_option("--jobs", jobs)->check(morgue::cli::whole_number(1, 64));
        auto* stats = app.add_subcommand("stats");
        stats->add_option("--format", format)->transform(morgue::cli::one_of({"text", "json"}));
    }
    std::string message(std::vector<std::string> args) {
        std::vector<char*> argv = {const_cast<char*>("prog")};
        for (auto& a : args)
            argv.push_back(a.data());
        try {
            app.parse(static_cast<int>(argv.size()), argv.data());
        } catch (const CLI::ParseError& e) {
            return error_message(app, e, args);
        }
        return "parsed";
    }
};

} // namespace

TEST(ErrorMessage, UnknownSubcommandAndOption) {
    EXPECT_EQ(Program().message({"stat"}), "unknown subcommand \"stat\"; did you mean stats?");
    EXPECT_EQ(Program().message({"zzz"}),
              "unknown subcommand \"zzz\"; the subcommands are import and stats");
    EXPECT_EQ(Program().message({"stats", "--formt", "json"}),
              "unknown option --formt for stats; did you mean --format?");
    EXPECT_EQ(Program().message({}), "a subcommand is required: import or stats");
}

TEST(ErrorMessage, GlobalOptionAfterTheSubcommand) {
    Program p;
    EXPECT_EQ(p.message({"stats", "--db", "x"}), "parsed");
    EXPECT_EQ(p.db, "x");
}

TEST(ErrorMessage, ValuesSayWhatWasExpected) {
    EXPECT_EQ(Program().message({"import", "--jobs", "0", "f"}),
              "--jobs: expected a whole number from 1 to 64, not \"0\"");
    EXPECT_EQ(Program().message({"import", "--jobs", "2x", "f"}),
              "--jobs: expected a whole number from 1 to 64, not \"2x\"");
    EXPECT_EQ(Program().message({"stats", "--format", "xml"}),
              "--format: expected text or json, not \"xml\"");
    EXPECT_EQ(Program().message({"stats", "--format", "jsn"}),
              "--format: expected text or json, not \"jsn\"; did you mean json?");
    EXPECT_EQ(Program().message({"import", "f", "--jobs"}), "--jobs needs a value");
    EXPECT_EQ(Program().message({"import"}), "import: FILE is required");
}

TEST(ErrorMessage, OneOfGivesTheWordAsListed) {
    Program p;
    EXPECT_EQ(p.message({"stats", "--format", "JSON"}), "parsed");
    EXPECT_EQ(p.format, "json");
}
