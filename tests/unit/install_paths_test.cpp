#include "morgue/install_paths.hpp"

#include <gtest/gtest.h>

using namespace morgue;

// A package built from any tree installs under /usr: its configuration is
// /etc's, as Debian's policy and GNUInstallDirs say; elsewhere PREFIX/etc.
TEST(InstallPaths, ConfigurationUnderUsrIsInEtc) {
    EXPECT_EQ(config_dir_for("/usr"), "/etc/morgue");
    EXPECT_EQ(config_dir_for("/usr/local"), "/usr/local/etc/morgue");
    EXPECT_EQ(config_dir_for("/tmp/root/usr"), "/tmp/root/usr/etc/morgue");
}
