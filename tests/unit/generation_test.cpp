// The run lock and the generation switch that nightly, rebuild and compact
// rely on.
#include "morgue/errors.hpp"
#include "morgue/generation.hpp"
#include "morgue/run_lock.hpp"
#include "test_db.hpp"

#include <fstream>
#include <gtest/gtest.h>

using namespace morgue;
namespace fs = std::filesystem;

namespace {

void write(const std::string& path, const std::string& text) {
    std::ofstream(path) << text;
}

std::string read(const std::string& path) {
    std::ifstream in(path);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

} // namespace

TEST(RunLock, SecondHolderIsRefusedUntilTheFirstIsGone) {
    TempDir tmp;
    std::string db = tmp / "db";
    EXPECT_EQ(run_lock_path(db + "/"), db + ".lock");
    {
        RunLock first(db);
        try {
            RunLock second(db);
            ADD_FAILURE() << "a second lock was granted";
        } catch (const LockedError& e) {
            EXPECT_NE(std::string(e.what()).find("another morgue-indexer run"), std::string::npos);
        }
    }
    EXPECT_NO_THROW(RunLock again(db));
}

TEST(Generation, SwitchMakesTheNewOneLiveAndRemovesTheOld) {
    TempDir tmp;
    std::string db = tmp / "db";
    fs::create_directories(db);
    write(db + "/which", "old");
    fs::create_directories(db + ".new/leftover");
    std::string staged = staging_path(db);
    EXPECT_EQ(staged, db + ".new");
    EXPECT_FALSE(fs::exists(staged)) << "what a killed run left is cleared";
    fs::create_directories(staged);
    write(staged + "/which", "new");
    write(staged + "/more", "12345");
    switch_generation(db, staged);
    EXPECT_EQ(read(db + "/which"), "new");
    EXPECT_FALSE(fs::exists(staged));
    EXPECT_EQ(database_bytes(db), 8u);
}

TEST(Generation, AnOpenFileOfTheOldGenerationStaysReadable) {
    TempDir tmp;
    std::string db = tmp / "db";
    fs::create_directories(db);
    write(db + "/table", "old contents");
    std::ifstream reader(db + "/table"); // a searcher with the old generation open
    std::string staged = staging_path(db);
    fs::create_directories(staged);
    write(staged + "/table", "new");
    switch_generation(db, staged);
    std::string seen(std::istreambuf_iterator<char>(reader), {});
    EXPECT_EQ(seen, "old contents");
    EXPECT_EQ(read(db + "/table"), "new");
}

TEST(Generation, SwitchWithoutAStagedGenerationFailsClearly) {
    TempDir tmp;
    std::string db = tmp / "db";
    fs::create_directories(db);
    EXPECT_THROW(switch_generation(db, db + ".new"), DatabaseError);
    EXPECT_TRUE(fs::exists(db));
}

TEST(Generation, TheFirstGenerationIsMovedIntoPlace) {
    TempDir tmp;
    std::string db = tmp / "db";
    std::string staged = staging_path(db);
    fs::create_directory(staged);
    write(staged + "/file", "first");
    switch_generation(db, staged);
    EXPECT_EQ(read(db + "/file"), "first");
    EXPECT_FALSE(fs::exists(staged));
}
