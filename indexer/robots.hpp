// robots.txt as RFC 9309 reads it: the group for our product token (else
// the `*` group) allows or disallows a path by its longest matching rule,
// Allow winning a tie; `*` matches any run of characters and a final `$`
// the end of the path.  Crawl-delay, which the RFC leaves out but sites
// still write, is kept.  An unreachable robots.txt (5xx, network error)
// disallows everything; a missing one (4xx) allows everything.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace morgue {

class Robots {
  public:
    static Robots allow_all() { return {}; }
    static Robots disallow_all();
    // Reads the rules of the group that applies to `product` ("morgue").
    static Robots parse(std::string_view text, std::string_view product);

    // `path` is the URL's path and query ("/news/a?x=1").
    bool allowed(std::string_view path) const;
    std::optional<double> crawl_delay() const { return crawl_delay_; }

  private:
    struct Rule {
        bool allow;
        std::string pattern;
    };
    std::vector<Rule> rules_;
    std::optional<double> crawl_delay_;
};

} // namespace morgue
