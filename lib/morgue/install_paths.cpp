#include "morgue/install_paths.hpp"

#include <filesystem>

// Set by CMake from CMAKE_INSTALL_PREFIX and GNUInstallDirs.
#ifndef MORGUE_INSTALL_PREFIX
#define MORGUE_INSTALL_PREFIX "/usr/local"
#endif
#ifndef MORGUE_INSTALL_DATADIR
#define MORGUE_INSTALL_DATADIR "/usr/local/share"
#endif
#ifndef MORGUE_INSTALL_SYSCONFDIR
#define MORGUE_INSTALL_SYSCONFDIR "/usr/local/etc"
#endif

namespace morgue {

namespace {

namespace fs = std::filesystem;

// The prefix the running binary is installed under: the parent of its
// directory (PREFIX/bin, or the build tree's indexer/ and searcher/).
fs::path running_prefix() {
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path() : exe.parent_path().parent_path();
}

// Where the binary runs from, if Morgue's data is there; else empty.
fs::path relocated_prefix() {
    fs::path prefix = running_prefix();
    std::error_code ec;
    if (prefix.empty() || !fs::exists(prefix / "share/morgue/schemas/news.xml", ec)) return {};
    return prefix;
}

} // namespace

std::string data_dir() {
    fs::path prefix = relocated_prefix();
    if (prefix.empty() || prefix == MORGUE_INSTALL_PREFIX)
        return (fs::path(MORGUE_INSTALL_DATADIR) / "morgue").string();
    return (prefix / "share/morgue").string();
}

std::string config_dir_for(const std::string& prefix) {
    // GNU's rule (GNUInstallDirs): a system install under /usr keeps its
    // configuration in /etc, any other prefix in PREFIX/etc.
    if (prefix == "/usr") return "/etc/morgue";
    return (fs::path(prefix) / "etc/morgue").string();
}

std::string config_dir() {
    fs::path prefix = relocated_prefix();
    if (prefix.empty() || prefix == MORGUE_INSTALL_PREFIX)
        return (fs::path(MORGUE_INSTALL_SYSCONFDIR) / "morgue").string();
    return config_dir_for(prefix.string());
}

std::string default_schema_path() {
    return (fs::path(data_dir()) / "schemas/news.xml").string();
}

} // namespace morgue
