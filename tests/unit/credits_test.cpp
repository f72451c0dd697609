// Credit lines in the shapes real feeds write them (issue 18 item 3): RSS
// author, dc:creator, Atom author, Media RSS credit, bylines.  Each row: the
// line, the people (columnists) it names, the agencies and desks it credits.
#include "credits.hpp"

#include <gtest/gtest.h>

using namespace morgue;

namespace {

struct Row {
    const char* line;
    std::vector<std::string> people;
    std::vector<std::string> credits;
};

const Row rows[] = {
    // One person, as written.
    {"Jane Doe", {"Jane Doe"}, {}},
    {"Catherine Thorbecke", {"Catherine Thorbecke"}, {}},
    {"Maria van der Berg", {"Maria van der Berg"}, {}},
    {"Luigi Di Maio", {"Luigi Di Maio"}, {}},
    {"Jean-Luc Picard", {"Jean-Luc Picard"}, {}},
    {"Carla K. Johnson", {"Carla K. Johnson"}, {}},
    {"J. K. Rowling", {"J. K. Rowling"}, {}},
    {"Zoë Beaty", {"Zoë Beaty"}, {}},
    {"蔡英文", {"蔡英文"}, {}},
    {"Ярослав Петров", {"Ярослав Петров"}, {}},
    {"Madonna", {"Madonna"}, {}},
    {"  Jane   Doe  ", {"Jane Doe"}, {}},
    {"Jane Doe.", {"Jane Doe"}, {}},
    // Leads.
    {"By Jane Doe", {"Jane Doe"}, {}},
    {"BY JANE DOE", {"Jane Doe"}, {}},
    {"by jane doe", {"jane doe"}, {}},
    {"Opinion by Jane Doe", {"Jane Doe"}, {}},
    {"Written by Jane Doe", {"Jane Doe"}, {}},
    {"Story by Jane Doe", {"Jane Doe"}, {}},
    {"Words by Jane Doe", {"Jane Doe"}, {}},
    {"Por Juan Pérez", {"Por Juan Pérez"}, {}}, // a capital: could be a name
    {"por Juan Pérez", {"Juan Pérez"}, {}},
    {"von Anna Schmidt", {"Anna Schmidt"}, {}},
    {"Von Trier", {"Von Trier"}, {}},
    {"par Marie Dupont", {"Marie Dupont"}, {}},
    {"di Mario Rossi", {"Mario Rossi"}, {}},
    {"Di Stefano Anna", {"Di Stefano Anna"}, {}},
    // Emails.
    {"jane@example.com (Jane Doe)", {"Jane Doe"}, {}},
    {"Jane Doe (jane@example.com)", {"Jane Doe"}, {}},
    {"Jane Doe <jane@example.com>", {"Jane Doe"}, {}},
    {"jane@example.com", {}, {}},
    {"noreply@example.com (Reuters)", {}, {"Reuters"}},
    // Several people.
    {"Jane Doe and John Roe", {"Jane Doe", "John Roe"}, {}},
    {"Jane Doe & John Roe", {"Jane Doe", "John Roe"}, {}},
    {"Jane Doe; John Roe", {"Jane Doe", "John Roe"}, {}},
    {"Jane Doe | John Roe", {"Jane Doe", "John Roe"}, {}},
    {"Jane Doe with John Roe", {"Jane Doe", "John Roe"}, {}},
    {"Jane Doe, John Roe", {"Jane Doe", "John Roe"}, {}},
    {"Hayley Miller, Sebastian Murdock, Nick Visser",
     {"Hayley Miller", "Sebastian Murdock", "Nick Visser"},
     {}},
    {"Hayley Miller, Sebastian Murdock and Nick Visser",
     {"Hayley Miller", "Sebastian Murdock", "Nick Visser"},
     {}},
    {"Hayley Miller, Sebastian Murdock, and Nick Visser",
     {"Hayley Miller", "Sebastian Murdock", "Nick Visser"},
     {}},
    {"A. Smith; B. Jones & C. Wu", {"A. Smith", "B. Jones", "C. Wu"}, {}},
    {"Anna Schmidt und Jan Müller", {"Anna Schmidt", "Jan Müller"}, {}},
    {"Marie Dupont et Jean Martin", {"Marie Dupont", "Jean Martin"}, {}},
    {"Juan Pérez y Ana García", {"Juan Pérez", "Ana García"}, {}},
    {"Jane Doe and Jane Doe", {"Jane Doe"}, {}},
    // Last name first.
    {"Doe, Jane", {"Jane Doe"}, {}},
    {"DOE, JANE", {"Jane Doe"}, {}},
    {"Hines, P. J.", {"P. J. Hines"}, {}},
    {"Hines, P.J.", {"P.J. Hines"}, {}},
    {"Hines, PJ", {"PJ Hines"}, {}},
    {"Smith, J., Jones, A. B., Lee, K.", {"J. Smith", "A. B. Jones", "K. Lee"}, {}},
    {"Smith, J., Jones, A. B. and Lee, K.", {"J. Smith", "A. B. Jones", "K. Lee"}, {}},
    {"Zhang, Y.; Wang, L.; Chen, X.", {"Y. Zhang", "L. Wang", "X. Chen"}, {}},
    {"Garcia-Lopez, M., Nakamura, T., Okafor, C. N., Schmidt, H., Rossi, G., Dubois, E., "
     "Kowalski, P., Andersson, L., Murphy, S., Silva, R., Hines, P. J.",
     {"M. Garcia-Lopez", "T. Nakamura", "C. N. Okafor", "H. Schmidt", "G. Rossi", "E. Dubois",
      "P. Kowalski", "L. Andersson", "S. Murphy", "R. Silva", "P. J. Hines"},
     {}},
    {"Doe, Jane and Roe, John", {"Jane Doe", "John Roe"}, {}},
    // Datelines.
    {"Ashifa Kassam in Stanstead, Quebec", {"Ashifa Kassam"}, {}},
    {"David Smith in Washington", {"David Smith"}, {}},
    {"Associated Press in Palm Beach, Florida", {}, {"Associated Press"}},
    {"Jason Burke in Johannesburg and Emmanuel Akinwotu in Lagos",
     {"Jason Burke", "Emmanuel Akinwotu"},
     {}},
    {"Helen Davidson in Taipei and agencies", {"Helen Davidson"}, {"agencies"}},
    {"Reuters in London", {}, {"Reuters"}},
    {"Jane Doe in New York", {"Jane Doe"}, {}},
    {"Jane Doe in the field", {"Jane Doe in the field"}, {}}, // no place
    // Agencies and desks.
    {"Reuters", {}, {"Reuters"}},
    {"AP", {}, {"AP"}},
    {"AFP", {}, {"AFP"}},
    {"The Associated Press", {}, {"The Associated Press"}},
    {"Associated Press", {}, {"Associated Press"}},
    {"Agence France-Presse", {}, {"Agence France-Presse"}},
    {"Staff and agencies", {}, {"Staff and agencies"}},
    {"Guardian staff and agencies", {}, {"Guardian staff and agencies"}},
    {"Guardian staff", {}, {"Guardian staff"}},
    {"Reuters Staff", {}, {"Reuters Staff"}},
    {"Reuters Staff, Reuters", {}, {"Reuters Staff", "Reuters"}},
    {"Editorial Board", {}, {"Editorial Board"}},
    {"The Editorial Board", {}, {"The Editorial Board"}},
    {"The Times Editorial Board", {}, {"The Times Editorial Board"}},
    {"HuffPost Staff", {}, {"HuffPost Staff"}},
    {"News Desk", {}, {"News Desk"}},
    {"Web Desk", {}, {"Web Desk"}},
    {"Our Correspondent", {}, {"Our Correspondent"}},
    {"Staff Reporter", {}, {"Staff Reporter"}},
    {"Xinhua", {}, {"Xinhua"}},
    {"Kyodo News", {}, {"Kyodo News"}},
    {"PA Media", {}, {"PA Media"}},
    {"Bloomberg News", {}, {"Bloomberg News"}},
    {"Yonhap", {}, {"Yonhap"}},
    {"CNN Wire", {}, {"CNN Wire"}},
    {"BBC News", {}, {"BBC News"}},
    {"Tokyo Bureau", {}, {"Tokyo Bureau"}},
    {"The Investigations Team", {}, {"The Investigations Team"}},
    {"Wire services", {}, {"Wire services"}},
    // People with agencies and roles.
    {"Carla K. Johnson, AP", {"Carla K. Johnson"}, {"AP"}},
    {"Carla K. Johnson, The Associated Press", {"Carla K. Johnson"}, {"The Associated Press"}},
    {"Jane Doe, Reuters", {"Jane Doe"}, {"Reuters"}},
    {"Jane Doe and Reuters", {"Jane Doe"}, {"Reuters"}},
    {"Jane Doe with AFP", {"Jane Doe"}, {"AFP"}},
    {"Jane Doe, Staff Writer", {"Jane Doe"}, {}},
    {"JANE DOE, Staff Writer", {"Jane Doe"}, {}},
    {"Jane Doe, Senior Writer", {"Jane Doe"}, {}},
    {"Jane Doe, Contributor", {"Jane Doe"}, {}},
    {"Doe, Contributor", {"Doe"}, {}},
    {"Jane Doe, Opinion Columnist", {"Jane Doe"}, {}},
    {"Jane Doe (Columnist)", {"Jane Doe"}, {}},
    {"Jane Doe (Reuters)", {"Jane Doe"}, {"Reuters"}},
    // A wire byline: the agency after the name, no comma.
    {"By JANE DOE Associated Press", {"Jane Doe"}, {"Associated Press"}},
    {"Jane Doe AP", {"Jane Doe"}, {"AP"}},
    // A post that follows no name credits the post.
    {"Managing Editor", {}, {"Managing Editor"}},
    // Other brackets are the name as written, markup and all (escaped on output).
    {"Eve <img src=x onerror=alert(\"author\")>",
     {"Eve <img src=x onerror=alert(\"author\")>"},
     {}},
    {"Jane Doe, Special Correspondent", {"Jane Doe"}, {}},
    {"Jane Doe, Chief Economics Correspondent", {"Jane Doe"}, {}},
    {"Stateline, Editorial Partner", {"Stateline"}, {}},
    {"By Jane Doe, Bloomberg", {"Jane Doe"}, {"Bloomberg"}},
    {"Jane Doe, for CNN", {"Jane Doe"}, {}},
    {"John Roe, Guardian staff", {"John Roe"}, {"Guardian staff"}},
    // One person written two ways is one value.
    {"Jane Doe and JANE DOE", {"Jane Doe"}, {}},
    {"Doe, Jane; Jane Doe", {"Jane Doe"}, {}},
    {"O'NEIL, MARY", {"Mary O'Neil"}, {}},
    {"MARY-KATE O'NEIL", {"Mary-Kate O'Neil"}, {}},
    // Nothing.
    {"", {}, {}},
    {"   ", {}, {}},
    {"By", {}, {}},
    {"N.", {}, {}},
    {"P. J.", {}, {}},
};

} // namespace

TEST(Credits, LinesAsFeedsWriteThem) {
    static_assert(std::size(rows) >= 100, "at least 100 credit lines");
    for (const auto& row : rows) {
        auto got = read_credits(row.line);
        EXPECT_EQ(got.people, row.people) << "people of \"" << row.line << '"';
        EXPECT_EQ(got.credits, row.credits) << "credits of \"" << row.line << '"';
    }
}
