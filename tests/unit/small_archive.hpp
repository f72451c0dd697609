// A test fixture: a database of a few articles the test writes itself, each
// filed under https://example.com/ID with one date, under the news schema.
#pragma once

#include "morgue/database.hpp"
#include "search.hpp"
#include "test_db.hpp"

#include <gtest/gtest.h>
#include <string>
#include <vector>

struct SmallArchive : testing::Test {
    TempDir tmp;
    std::string path = tmp / "db";

    morgue::Writer writer() const {
        return morgue::Writer(path,
                              morgue::load_schema_file(MORGUE_SOURCE_DIR "/schemas/news.xml"));
    }

    static void add(morgue::Writer& w, const std::string& id, std::string title, std::string body,
                    std::vector<std::string> topics = {}, std::string language = "") {
        morgue::Article a;
        a.id = a.url = "https://example.com/" + id;
        a.title = std::move(title);
        a.body = a.summary = std::move(body);
        a.topics = std::move(topics);
        a.language = std::move(language);
        a.date = 1760000000;
        w.upsert(a);
    }

    // The ID of each hit, in rank order.
    static std::vector<std::string> ids(const morgue::SearchResult& r) {
        std::vector<std::string> out;
        for (const morgue::Hit& h : r.hits)
            out.push_back(h.article.url.substr(20));
        return out;
    }

    morgue::SearchResult run(morgue::SearchRequest req, const morgue::Highlight& hl = {"[", "]"}) {
        morgue::ReadDatabase db = morgue::open_for_reading(path);
        return morgue::search(db, req, hl);
    }
};
