// libFuzzer target for HTML-to-text: any bytes give plain text in the shape
// html_to_text() promises (non-empty lines joined by "\n", spaces collapsed
// and trimmed within each), valid UTF-8 when the input was, in time linear
// enough that libFuzzer's -timeout never fires.
#include "fuzz_checks.hpp"
#include "html_text.hpp"
#include "morgue/text.hpp"

#include <string>

namespace {

bool is_ascii_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == '\n';
}

void check_shape(const std::string& text, std::string_view input) {
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string_view line(text.data() + start, end - start);
        if (line.empty()) morgue::fuzz::fail("empty line in text", input);
        if (line.front() == ' ' || line.back() == ' ') morgue::fuzz::fail("untrimmed line", input);
        for (std::size_t i = 0; i < line.size(); ++i)
            if (is_ascii_space(line[i]) && (line[i] != ' ' || line[i + 1] == ' '))
                morgue::fuzz::fail("spaces not collapsed", input);
        start = end + 1;
    }
    if (!text.empty() && text.back() == '\n') morgue::fuzz::fail("trailing newline", input);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view input(reinterpret_cast<const char*>(data), size);
    std::string text = morgue::html_to_text(input);
    check_shape(text, input);
    std::string copy(input);
    if (morgue::repair_utf8(copy) == 0) {
        std::string out = text;
        if (morgue::repair_utf8(out) != 0) morgue::fuzz::fail("valid UTF-8 in, invalid out", input);
    }
    return 0;
}
