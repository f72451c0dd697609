#include "form_collision.hpp"
#include "morgue/database.hpp"
#include "morgue/document.hpp"
#include "morgue/form_codes.hpp"
#include "morgue/shards.hpp"
#include "test_db.hpp"

#include <gtest/gtest.h>

using namespace morgue;

TEST(FormCodes, ACodeIsFourStableBytes) {
    // The high half of XXH64 (of "" it is ef46db3751d8e999, the published
    // value): a release that changed it would misread every archive written before.
    EXPECT_EQ(form_code(""), "\xef\x46\xdb\x37");
    EXPECT_EQ(form_code("Maria Ressa").size(), form_code_size);
    EXPECT_EQ(form_key("Maria Ressa").substr(0, 20), "morgue:form:1b1d1601");
    EXPECT_EQ(form_key("Maria Ressa").substr(20), "Maria Ressa");
    EXPECT_NE(form_code("Maria Ressa"), form_code("maria ressa"));
    EXPECT_EQ(form_codes({"A", "B"}), form_code("A") + form_code("B"));
    EXPECT_EQ(form_codes({std::string(max_coded_form, 'x')})->size(), form_code_size);
    EXPECT_FALSE(form_codes({"A", std::string(max_coded_form + 1, 'x')}));
    EXPECT_TRUE(is_form_key(form_key("A")));
    EXPECT_FALSE(is_form_key("morgue:synonyms"));
}

TEST(FormCodes, TheDictionaryGivesFormsBackAndRefusesAnAmbiguousCode) {
    auto [one, other] = colliding_forms();
    ASSERT_NE(one, other);
    FormDictionary d;
    for (const char* form : {"Maria Ressa", "李明", "Opinion"})
        d.add_key(form_key(form));
    d.add_key(form_key(one));
    d.add_key("morgue:form:zz"); // not a form key's shape: ignored
    d.add_key("morgue:form:00000000Maria Ressa");
    EXPECT_EQ(d.size(), 4u);
    EXPECT_EQ(d.forms(form_code("Maria Ressa")), "Maria Ressa");
    EXPECT_EQ(d.forms(form_code("Opinion") + form_code("李明")), "Opinion\x1f李明");
    EXPECT_EQ(d.forms(form_code(one)), one);
    EXPECT_FALSE(d.forms(form_code("Unknown")));
    EXPECT_FALSE(d.forms(""));
    EXPECT_FALSE(d.forms("abc"));
    d.add_key(form_key(other)); // another shard's: now the code means two forms
    EXPECT_FALSE(d.forms(form_code(one)));
    EXPECT_FALSE(d.forms(form_code("Opinion") + form_code(other)));
    EXPECT_EQ(d.forms(form_code("Opinion")), "Opinion");
}

TEST(FormCodes, TheWriterCodesFacetFormsAndRecordsThemInTheirShard) {
    TempDir tmp;
    std::string dir = tmp / "archive";
    create_sharded_archive(dir, 2);
    Schema schema = load_schema_file(MORGUE_SOURCE_DIR "/schemas/news.xml");
    Article a;
    a.id = a.url = "https://example.com/coded";
    a.title = "Harbour quotas";
    a.body = "The council voted.";
    a.date = 1760000000;
    a.columnists = {"Maria Ressa", "Li Ming"};
    a.topics = {"Fisheries"};
    a.feed_title = "The Daily";
    {
        Writer w(dir, schema);
        w.upsert(a);
        w.commit();
    }
    std::size_t k = shard_of(unique_term(schema, a), 2);
    Xapian::Database shard(dir + "/shard" + std::to_string(k));
    Xapian::Document doc = shard.get_document(1);
    const Field& columnist = schema.get("columnist");
    EXPECT_EQ(doc.get_value(code_slot(*columnist.slot)),
              form_code("Maria Ressa") + form_code("Li Ming"));
    EXPECT_EQ(doc.get_value(code_slot(*schema.get("topic").slot)), form_code("Fisheries"));
    EXPECT_EQ(doc.get_value(code_slot(*schema.get("feed").slot)), form_code("The Daily"));
    FormDictionary d;
    d.add_keys_of(shard);
    EXPECT_EQ(d.size(), 5u); // and the language's form, "en"
    EXPECT_EQ(d.forms(doc.get_value(code_slot(*columnist.slot))), "Maria Ressa\x1fLi Ming");
    FormDictionary other;
    other.add_keys_of(Xapian::Database(dir + "/shard" + std::to_string(1 - k)));
    EXPECT_EQ(other.size(), 0u);
}
