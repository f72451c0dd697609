// Where an installed Morgue finds its files, with no source tree in reach:
// the data (schema, synonyms, topic aliases, templates) in
// PREFIX/share/morgue, the configuration in /etc/morgue (PREFIX/etc/morgue
// for another prefix).  PREFIX is the one the running binary sits in
// (PREFIX/bin/morgue-indexer), so that an install moved elsewhere, a
// package unpacked into a throw-away root and the build tree (which mirrors
// the layout, build/share/morgue) all work; else the prefix it was
// configured with.
#pragma once

#include <string>

namespace morgue {

std::string data_dir();   // ".../share/morgue"
std::string config_dir(); // "/etc/morgue"
// The configuration directory of a binary running from PREFIX/bin, whatever
// prefix it was built for: /etc/morgue for /usr, else PREFIX/etc/morgue.
std::string config_dir_for(const std::string& prefix);

// The schema new databases get: data_dir()/schemas/news.xml.
std::string default_schema_path();

} // namespace morgue
