#include "credits.hpp"

#include "morgue/text.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace morgue {

namespace {

bool any_of_words(std::string_view l, std::initializer_list<std::string_view> list) {
    return std::find(list.begin(), list.end(), l) != list.end();
}

// Wire agencies, broadcasters and desks: credited, never a columnist.
bool is_agency_or_desk(std::string_view part) {
    std::string l = ascii_lower(part);
    if (l.starts_with("the ")) l.erase(0, 4);
    if (any_of_words(l, {"ap",
                         "afp",
                         "reuters",
                         "associated press",
                         "agence france-presse",
                         "bloomberg",
                         "bloomberg news",
                         "upi",
                         "dpa",
                         "cna",
                         "efe",
                         "ansa",
                         "xinhua",
                         "kyodo",
                         "kyodo news",
                         "yonhap",
                         "tass",
                         "pa",
                         "pa media",
                         "press association",
                         "staff",
                         "agencies",
                         "wires",
                         "wire services",
                         "editorial board",
                         "editorial",
                         "editors",
                         "newsroom",
                         "news desk",
                         "web desk",
                         "digital desk",
                         "online desk",
                         "our correspondent",
                         "our reporter",
                         "staff reporter",
                         "special correspondent",
                         "staff and agencies",
                         "cnn",
                         "bbc",
                         "bbc news",
                         "npr",
                         "huffpost"}))
        return true;
    for (std::string_view tail : {" staff", " desk", " editorial board", " newsroom", " agencies",
                                  " bureau", " team", " editors", " news service", " wire",
                                  " staff and agencies", " news agency", " reporters"})
        if (l.ends_with(tail)) return true;
    return false;
}

// Roles that follow a name and name no one ("Staff Writer", "Chief
// Economics Correspondent", "for CNN"): dropped.
bool is_role(std::string_view part) {
    std::string l = ascii_lower(part);
    auto words = split_words(l);
    if (words.empty() || words.size() > 4) return false;
    if (words.front() == "for") return true;
    return any_of_words(words.back(),
                        {"writer", "writers", "contributor", "contributors", "columnist",
                         "correspondent", "reporter", "editor", "journalist", "photographer",
                         "producer", "analyst", "critic", "commentator", "partner"});
}

// "jane@example.com (Jane Doe)", "Jane Doe (jane@…)", "Jane Doe <jane@…>".
std::string strip_email(std::string_view s) {
    auto at = s.find('@');
    if (at == std::string_view::npos) return std::string(s);
    auto open = s.find('('), close = s.rfind(')');
    if (open != std::string_view::npos && close != std::string_view::npos && close > open) {
        std::string inside = collapse_spaces(s.substr(open + 1, close - open - 1));
        std::string outside =
            collapse_spaces(std::string(s.substr(0, open)) + std::string(s.substr(close + 1)));
        return inside.find('@') == std::string::npos ? inside : outside;
    }
    auto lt = s.find('<'), gt = s.rfind('>');
    if (lt != std::string_view::npos && gt != std::string_view::npos && gt > lt)
        return collapse_spaces(std::string(s.substr(0, lt)) + std::string(s.substr(gt + 1)));
    return {}; // a bare address names no one
}

std::string strip_lead(std::string s) {
    if (ascii_lower(s) == "by") return {};
    for (std::string_view lead :
         {"opinion by ", "written by ", "words by ", "story by ", "text by ", "by "})
        if (ascii_lower(s).starts_with(lead)) return collapse_spaces(s.substr(lead.size()));
    // Lower case only: "Di Stefano" and "Von Trier" are names.
    for (std::string_view lead : {"von ", "par ", "por ", "di ", "door "})
        if (s.starts_with(lead)) return collapse_spaces(s.substr(lead.size()));
    return s;
}

// "x in y": a dateline when the place is capitalised.
std::string before_dateline(const std::string& s) {
    for (std::size_t at = s.find(" in "); at != std::string::npos; at = s.find(" in ", at + 1)) {
        if (at + 4 < s.size() && std::isupper(static_cast<unsigned char>(s[at + 4])))
            return s.substr(0, at);
    }
    return s;
}

std::vector<std::string> split(const std::string& s, std::string_view sep) {
    std::vector<std::string> out;
    std::string l = ascii_lower(s);
    std::size_t start = 0;
    while (true) {
        std::size_t at = l.find(sep, start);
        out.push_back(collapse_spaces(
            s.substr(start, at == std::string::npos ? std::string::npos : at - start)));
        if (at == std::string::npos) break;
        start = at + sep.size();
    }
    return out;
}

bool is_initials(std::string_view part) {
    auto words = split_words(part);
    if (words.empty()) return false;
    for (auto w : words) {
        std::size_t letters = 0;
        for (char c : w) {
            if (std::isupper(static_cast<unsigned char>(c)))
                ++letters;
            else if (c != '.' && c != '-')
                return false;
        }
        // "P.", "P.J.", "PJ"; "DOE" is a name in capitals
        bool dotted = w.find('.') != std::string_view::npos;
        if (letters == 0 || letters > 3 || (!dotted && letters > 2)) return false;
    }
    return true;
}

bool one_word(std::string_view part) {
    return split_words(part).size() == 1 && !is_initials(part);
}

// "JANE DOE" → "Jane Doe", "MCDONALD" → "Mcdonald"; other names as written.
std::string title_case_if_shouting(std::string name) {
    bool lower = false, upper = false;
    for (char c : name) {
        lower |= std::islower(static_cast<unsigned char>(c)) != 0;
        upper |= std::isupper(static_cast<unsigned char>(c)) != 0;
    }
    if (lower || !upper) return name;
    bool start = true;
    for (char& c : name) {
        unsigned char u = c;
        if (std::isalpha(u)) {
            if (!start) c = static_cast<char>(std::tolower(u));
            start = false;
        } else {
            start = c == ' ' || c == '-' || c == '\'' || c == '.';
        }
    }
    return name;
}

void add(std::vector<std::string>& list, std::string value) {
    while (!value.empty() && (value.back() == '.' || value.back() == ',' || value.back() == ':'))
        if (value.back() == '.' && value.size() > 1 &&
            std::isupper(static_cast<unsigned char>(value[value.size() - 2])))
            break; // "P. J." keeps the stop of its initial
        else
            value.pop_back();
    value = collapse_spaces(value);
    if (value.empty() || value.find('@') != std::string::npos) return;
    for (const auto& v : list)
        if (casefold(v) == casefold(value)) return;
    list.push_back(std::move(value));
}

// "JANE DOE Associated Press", "Jane Doe AP": an agency written after the
// name without a comma, as wire bylines do.
std::string without_trailing_agency(Credits& out, std::string part) {
    auto words = split_words(part);
    for (std::size_t n : {2, 1}) {
        if (words.size() < n + 2) continue;
        std::string tail;
        for (std::size_t i = words.size() - n; i < words.size(); ++i)
            (tail.empty() ? tail : tail += ' ') += words[i];
        std::string l = ascii_lower(tail);
        if (l == "associated press" || l == "reuters" || l == "afp" || l == "ap" ||
            l == "bloomberg" || l == "dpa" || l == "upi" || l == "xinhua" || l == "kyodo") {
            add(out.credits, tail);
            return part.substr(0, part.size() - tail.size() - 1);
        }
    }
    return part;
}

// One part between "and", "&", ";": its comma pieces.
void read_part(Credits& out, std::string part) {
    part = before_dateline(strip_lead(part));
    if (part.find(',') == std::string::npos)
        part = without_trailing_agency(out, collapse_spaces(part));
    if (part.find(',') == std::string::npos && is_agency_or_desk(part))
        return add(out.credits, part);
    auto pieces = split(part, ",");
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        const std::string& p = pieces[i];
        bool next = i + 1 < pieces.size();
        bool first_name_next =
            next && !is_role(pieces[i + 1]) && !is_agency_or_desk(pieces[i + 1]) &&
            (is_initials(pieces[i + 1]) || (pieces.size() == 2 && one_word(pieces[i + 1])));
        if (one_word(p) && !is_agency_or_desk(p) && first_name_next) {
            // "Hines, P. J." and "Doe, Jane": last name first.
            add(out.people, title_case_if_shouting(pieces[i + 1] + " " + p));
            ++i;
        } else if (i > 0 && is_role(p)) {
            continue; // the role of the name before it
        } else if (is_agency_or_desk(p) || is_role(p)) {
            // A role that follows no name ("Managing Editor") credits a post.
            add(out.credits, p);
        } else if (!is_role(p) && !is_initials(p) && !p.empty()) {
            add(out.people, title_case_if_shouting(strip_lead(p)));
        }
    }
}

// "Jane Doe (Columnist)" and "Jane Doe (Reuters)" read as "Jane Doe,
// Columnist": a role or agency in brackets is one more comma piece. Other
// brackets are part of the name as written.
std::string unbracket_roles(std::string s) {
    for (std::size_t open = s.find('('); open != std::string::npos; open = s.find('(', open + 1)) {
        std::size_t close = s.find(')', open);
        if (close == std::string::npos) break;
        std::string inside = collapse_spaces(s.substr(open + 1, close - open - 1));
        if (!is_role(inside) && !is_agency_or_desk(inside)) continue;
        s.replace(open, close - open + 1, ", " + inside);
    }
    return s;
}

} // namespace

Credits read_credits(std::string_view line) {
    Credits out;
    std::string s = strip_lead(strip_email(collapse_spaces(line)));
    // "Staff and agencies", "Guardian staff and agencies": one desk, not two.
    if (ascii_lower(s).ends_with("staff and agencies")) return add(out.credits, s), out;
    s = unbracket_roles(std::move(s));
    std::vector<std::string> parts{s};
    for (std::string_view sep : {";", " and ", " & ", "|", " with ", " und ", " et ", " y "}) {
        std::vector<std::string> next;
        for (const auto& p : parts)
            for (auto& q : split(p, sep))
                next.push_back(std::move(q));
        parts = std::move(next);
    }
    for (auto& p : parts)
        read_part(out, p);
    return out;
}

} // namespace morgue
