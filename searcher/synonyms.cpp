#include "synonyms.hpp"

#include "morgue/text.hpp"

#include <algorithm>

namespace morgue {

namespace {

bool word_char(unsigned char c) {
    return std::isalnum(c) || c == '\'' || (c >= 0x80 && c < 0xE0);
}

bool is_cjk_start(unsigned char c) {
    return c >= 0xE0;
}

std::string alternatives(const NameGroup& g) {
    std::string out = "(";
    for (const auto& name : g.names) {
        if (out.size() > 1) out += " OR ";
        bool phrase = name.find(' ') != std::string::npos || name.find('-') != std::string::npos;
        out += phrase ? "\"" + name + "\"" : name;
    }
    return out + ")";
}

struct Candidate {
    std::string folded; // ASCII-lower-cased member
    std::string exact;  // for short acronyms (UN, AI, PLA), which match only in capitals
    const NameGroup* group;
};

bool is_acronym(const std::string& name) {
    return name.size() <= 4 &&
           std::all_of(name.begin(), name.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

} // namespace

std::string expand_synonyms(std::string_view query, const std::vector<NameGroup>& groups) {
    if (groups.empty()) return std::string(query);
    std::vector<Candidate> members;
    for (const auto& g : groups)
        for (const auto& name : g.names)
            members.push_back({ascii_lower(name), is_acronym(name) ? name : std::string(), &g});
    // Longest first, so that "Diaoyutai Islands" wins over "Diaoyutai".
    std::sort(members.begin(), members.end(), [](const Candidate& a, const Candidate& b) {
        return a.folded.size() > b.folded.size();
    });
    std::string folded = ascii_lower(query);
    std::string out;
    bool quoted = false;
    for (std::size_t i = 0; i < query.size();) {
        char c = query[i];
        if (c == '"') quoted = !quoted;
        bool boundary = i == 0 || !word_char(static_cast<unsigned char>(query[i - 1]));
        bool after_marker =
            i > 0 && (query[i - 1] == ':' || query[i - 1] == '-' || query[i - 1] == '+');
        const Candidate* hit = nullptr;
        if (!quoted && !after_marker)
            for (const auto& m : members) {
                if (folded.compare(i, m.folded.size(), m.folded) != 0) continue;
                if (!m.exact.empty() && query.compare(i, m.exact.size(), m.exact) != 0) continue;
                bool cjk = is_cjk_start(static_cast<unsigned char>(m.folded[0]));
                std::size_t end = i + m.folded.size();
                bool ends = end == query.size() ||
                            !word_char(static_cast<unsigned char>(query[end])) || cjk;
                bool field = end < query.size() && query[end] == ':';
                if ((boundary || cjk) && ends && !field) {
                    hit = &m;
                    break;
                }
            }
        if (hit) {
            out += alternatives(*hit->group);
            i += hit->folded.size();
        } else {
            out += c;
            ++i;
        }
    }
    return out;
}

} // namespace morgue
