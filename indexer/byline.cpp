#include "byline.hpp"

#include "credits.hpp"
#include "morgue/text.hpp"

#include <algorithm>
#include <array>

namespace morgue {

namespace {

bool is_capitalised(std::string_view word) {
    if (word.empty()) return false;
    unsigned char c = word.front();
    return std::isupper(c) || c >= 0x80; // non-ASCII: accept (É, Ø, CJK)
}

// The leading 2-4 capitalised words (initials and particles allowed inside).
std::size_t name_length(const std::vector<std::string_view>& w, std::size_t from) {
    static constexpr std::array particles = {"de",  "da", "van", "von", "der",
                                             "del", "la", "le",  "bin", "al"};
    std::size_t n = 0;
    while (from + n < w.size() && n < 5) {
        std::string_view word = w[from + n];
        bool particle =
            n > 0 && std::find(particles.begin(), particles.end(), word) != particles.end();
        if (!is_capitalised(word) && !particle) break;
        ++n;
    }
    return n;
}

std::string join(const std::vector<std::string_view>& w, std::size_t from, std::size_t n) {
    std::string out;
    for (std::size_t i = from; i < from + n; ++i)
        (out.empty() ? out : out += ' ') += w[i];
    while (!out.empty() && (out.back() == ',' || out.back() == '.' || out.back() == ':'))
        out.pop_back();
    return out;
}

// "By Jane Doe" / "By JANE DOE, Staff Writer"
std::string opening_byline(std::string_view line) {
    auto w = split_words(line);
    if (w.size() < 3 || w.size() > 12 || (w[0] != "By" && w[0] != "BY" && w[0] != "by")) return {};
    std::size_t n = name_length(w, 1);
    if (n < 2) return {};
    auto names = split_authors(join(w, 1, std::min<std::size_t>(n, 4)));
    return names.empty() ? std::string() : names.front();
}

// "Jane Doe is a Bloomberg Opinion columnist covering …"
std::string closing_tagline(std::string_view para) {
    static constexpr std::array roles = {"columnist",   "professor",     "editor",   "writer",
                                         "contributor", "correspondent", "fellow",   "journalist",
                                         "author",      "reporter",      "lecturer", "economist",
                                         "commentator", "researcher",    "analyst"};
    auto w = split_words(para.substr(0, 400));
    std::size_t n = name_length(w, 0);
    if (n < 2 || n > 4 || n + 2 >= w.size() || w[n] != "is") return {};
    std::string_view article = w[n + 1];
    if (article != "a" && article != "an" && article != "the" && !is_capitalised(article))
        return {};
    for (std::size_t i = n + 1; i < std::min(w.size(), n + 12); ++i) {
        std::string word = ascii_lower(w[i]);
        while (!word.empty() && !std::isalpha(static_cast<unsigned char>(word.back())))
            word.pop_back();
        if (std::find(roles.begin(), roles.end(), word) != roles.end()) return join(w, 0, n);
    }
    return {};
}

std::vector<std::string_view> paragraphs(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = std::min(text.find('\n', start), text.size());
        if (end > start) out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

} // namespace

std::vector<std::string> split_authors(std::string_view field) {
    return read_credits(field).people;
}

std::string byline_from_text(std::string_view body) {
    auto paras = paragraphs(body);
    if (paras.empty()) return {};
    if (auto name = opening_byline(paras.front()); !name.empty()) return name;
    // The tagline closes the column: look at the last three paragraphs only.
    for (std::size_t i = paras.size(); i > 0 && i + 3 > paras.size(); --i)
        if (auto name = closing_tagline(paras[i - 1]); !name.empty()) return name;
    return {};
}

} // namespace morgue
