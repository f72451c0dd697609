#include "morgue/errors.hpp"
#include "morgue/schema.hpp"

#include <gtest/gtest.h>

using namespace morgue;

namespace {

const std::string news_xml = MORGUE_SOURCE_DIR "/schemas/news.xml";

std::string message_of(std::string_view xml) {
    try {
        parse_schema(xml, "s.xml");
    } catch (const ConfigError& e) {
        return e.what();
    }
    return "no error";
}

std::string minimal(std::string_view extra_fields = "") {
    return std::string(R"(<schema name="t" version="1">
<field name="title" kind="text" prefix="S"/>
<field name="body" kind="text"/>
<field name="columnist" kind="keyword" prefix="XA" slot="1" multi="yes"/>
<field name="topic" kind="keyword" prefix="XK" slot="2"/>
<field name="feed" kind="keyword" prefix="XF" slot="3"/>
<field name="date" kind="date" slot="0" year-prefix="Y" month-prefix="M" day-prefix="D"/>
<field name="url" kind="id" prefix="Q"/>
)") + std::string(extra_fields) +
           "</schema>";
}

} // namespace

TEST(Schema, LoadsTheShippedSchema) {
    Schema s = load_schema_file(news_xml);
    EXPECT_EQ(s.name, "news");
    EXPECT_EQ(s.language, "english");
    const Field& title = s.get("title");
    EXPECT_EQ(title.kind, FieldKind::text);
    EXPECT_GT(title.weight, s.get("body").weight);
    const Field& columnist = s.get("columnist");
    EXPECT_EQ(columnist.kind, FieldKind::keyword);
    EXPECT_TRUE(columnist.multi);
    EXPECT_TRUE(columnist.facet);
    EXPECT_TRUE(s.get("topic").facet);
    EXPECT_EQ(s.get("url").kind, FieldKind::id);
    EXPECT_EQ(s.get("url").prefix, "Q");
    const Field& date = s.get("date");
    EXPECT_TRUE(date.slot.has_value());
    EXPECT_FALSE(date.year_prefix.empty());
    EXPECT_EQ(s.find("nonesuch"), nullptr);
    EXPECT_THROW(s.get("nonesuch"), ConfigError);
}

TEST(Schema, MinimalSchemaParses) {
    Schema s = parse_schema(minimal(), "s.xml");
    EXPECT_EQ(s.fields.size(), 7u);
    EXPECT_EQ(s.xml, minimal());
}

TEST(Schema, ErrorsNameFileAndLine) {
    EXPECT_EQ(message_of("<schema"),
              "s.xml:1: not well-formed XML: Error parsing start element tag");
    EXPECT_EQ(message_of(minimal(R"(<field name="x" kind="blob"/>)")),
              "s.xml:9: kind=\"blob\": expected text, keyword, date or id");
    EXPECT_EQ(message_of(minimal(R"(<field name="x" kind="keyword" prefix="XX"/>)")),
              "s.xml:9: field x: a keyword field needs a slot");
    EXPECT_EQ(message_of(minimal(R"(<field name="x" kind="text" prefix="P" weight="0"/>)")),
              "s.xml:9: field x: weight must be 1 to 100");
    EXPECT_EQ(message_of(minimal(R"(<field name="x" kind="text" prefix="P" stored="maybe"/>)")),
              "s.xml:9: stored=\"maybe\": expected yes or no");
    EXPECT_EQ(message_of(minimal(R"(<field name="x" kind="keyword" prefix="XZ" slot="250"/>)")),
              "s.xml:9: slot=\"250\": expected a slot number below 200");
}

TEST(Schema, RejectsClashesAndMissingFields) {
    EXPECT_EQ(message_of(minimal(R"(<field name="x" kind="text" prefix="S"/>)")),
              "s.xml: prefix S is used twice");
    EXPECT_EQ(message_of(minimal(R"(<field name="x" kind="keyword" prefix="XX" slot="1"/>)")),
              "s.xml: slot 1 is used twice");
    EXPECT_EQ(message_of(minimal(R"(<field name="title" kind="text" prefix="T2"/>)")),
              "s.xml: field name title is used twice");
    EXPECT_EQ(
        message_of(R"(<schema name="t" version="1"><field name="title" kind="text"/></schema>)"),
        "s.xml: the schema needs a text field named body");
    EXPECT_EQ(message_of("<schemata/>"), "s.xml: no <schema> element");
}

TEST(Schema, DifferenceAllowsWeightsButNotLayout) {
    Schema a = parse_schema(minimal(), "a");
    Schema b = a;
    b.fields[0].weight = 5;
    b.fields[0].stored = true;
    EXPECT_EQ(schema_difference(a, b), "");
    b.fields[0].prefix = "T";
    EXPECT_EQ(schema_difference(a, b),
              "field title has another kind, prefix or slot than in the database");
    Schema c = parse_schema(minimal(R"(<field name="extra" kind="text" prefix="E"/>)"), "c");
    EXPECT_EQ(schema_difference(a, c), ""); // added since: left out until a rebuild
    Schema d = c;
    d.fields.back().prefix = "S";
    EXPECT_EQ(schema_difference(a, d), "field extra is not in the database's schema, and its "
                                       "prefix or slot is the database's field title");
    EXPECT_EQ(schema_difference(c, a), "field extra of the database's schema is missing");
}

TEST(Schema, MissingFileIsAConfigError) {
    try {
        load_schema_file("/nonexistent/news.xml");
        FAIL();
    } catch (const ConfigError& e) {
        EXPECT_STREQ(e.what(),
                     "/nonexistent/news.xml: cannot read schema: No such file or directory");
    }
}
