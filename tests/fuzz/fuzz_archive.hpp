// A small archive for the searcher's fuzz targets: the sample feeds in
// tests/data imported once per process into a temporary directory, which is
// removed at exit.  Searching real articles reaches snippets, facets,
// spelling and collapsing, which an empty database never would.
#pragma once

#include "morgue/database.hpp"

namespace morgue::fuzz {

ReadDatabase& archive();

} // namespace morgue::fuzz
