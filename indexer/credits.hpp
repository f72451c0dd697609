// A credit line as feeds write it (RSS author, dc:creator, Atom author,
// Media RSS credit, a "By" line) read into the people it names and the
// desks and agencies it credits.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace morgue {

struct Credits {
    std::vector<std::string> people;  // columnists, each in one display form
    std::vector<std::string> credits; // agencies and desks: "Reuters", "Guardian staff"
};

// Splits only where the line lists people: "A and B", "A, B", "A; B", "A & B"
// give two, but "Doe, Jane" and "Hines, P. J." are one person, shown as
// "Jane Doe" and "P. J. Hines"; a dateline ("NAME in PLACE, REGION") gives
// NAME; "By", "Opinion by", emails and trailing roles ("Staff Writer") go;
// an all-capitals name is title-cased ("JANE DOE" is "Jane Doe").
Credits read_credits(std::string_view line);

} // namespace morgue
