// Who wrote it: columnist names from feed author fields, and from the bylines
// opinion pages print when the feed names no author.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace morgue {

// One author field to names: "jane@example.com (Jane Doe)" and "Jane Doe
// <jane@example.com>" give Jane Doe; "A and B", "A, B", "A; B" give two; a
// leading "By" goes; wire-agency and role credits ("Jane Doe, AP", "X,
// Contributor") are dropped when a person is named too.
std::vector<std::string> split_authors(std::string_view field);

// The columnist named by the article's own text: an opening "By NAME" line,
// or a closing tagline "NAME is a … columnist …" / "NAME is a professor … at
// …".  Only those positions count, so "As Bloomberg Opinion columnist Dave Lee
// said" in the middle names no one.  Empty when there is none.
std::string byline_from_text(std::string_view body);

} // namespace morgue
