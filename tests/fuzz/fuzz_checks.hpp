// Invariants the fuzz targets check on what Morgue writes out: every JSON
// document parses, every Atom feed is well-formed XML, no HTML page carries
// script (a <script>, an on* handler, a javascript: URL) and no line meant for
// a terminal carries a control character.
#pragma once

#include "fuzz_target.hpp"

#include <string_view>

namespace morgue::fuzz {

void check_json(std::string_view json);
void check_atom(std::string_view xml);
void check_html(std::string_view html);
void check_terminal_text(std::string_view text);

} // namespace morgue::fuzz
