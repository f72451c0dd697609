#include "morgue/form_codes.hpp"

#include "morgue/document.hpp" // value_separator

#include <cstdint>
#include <fmt/format.h>
#include <xxhash.h>

namespace morgue {

namespace {

constexpr std::size_t hex_size = 2 * form_code_size;

std::uint32_t code_number(std::string_view form) {
    return static_cast<std::uint32_t>(XXH64(form.data(), form.size(), 0) >> 32);
}

} // namespace

std::string form_code(std::string_view form) {
    std::uint32_t n = code_number(form);
    return {static_cast<char>(n >> 24), static_cast<char>(n >> 16), static_cast<char>(n >> 8),
            static_cast<char>(n)};
}

std::optional<std::string> form_codes(const std::vector<std::string>& parts) {
    std::string out;
    for (const std::string& p : parts) {
        if (p.size() > max_coded_form) return std::nullopt;
        out += form_code(p);
    }
    return out;
}

std::string form_key(std::string_view form) {
    return fmt::format("{}{:08x}{}", form_metadata_prefix, code_number(form), form);
}

bool is_form_key(std::string_view key) {
    return key.starts_with(form_metadata_prefix);
}

void FormDictionary::add_keys_of(const Xapian::Database& db) {
    for (auto k = db.metadata_keys_begin(form_metadata_prefix); k != db.metadata_keys_end(); ++k)
        add_key(*k);
}

void FormDictionary::add_key(std::string_view key) {
    std::string_view prefix = form_metadata_prefix;
    if (!key.starts_with(prefix) || key.size() <= prefix.size() + hex_size) return;
    std::string_view form = key.substr(prefix.size() + hex_size);
    if (form_key(form) != key) return; // not a form key, or a damaged one
    auto [it, added] = forms_.try_emplace(form_code(form), std::string(form));
    if (!added && it->second != form) it->second = std::nullopt;
}

std::shared_ptr<const FormDictionary> read_forms(const std::vector<Xapian::Database>& shards) {
    auto d = std::make_shared<FormDictionary>();
    for (const Xapian::Database& shard : shards)
        d->add_keys_of(shard);
    return d;
}

std::optional<std::string> FormDictionary::forms(std::string_view codes) const {
    if (codes.empty() || codes.size() % form_code_size != 0) return std::nullopt;
    std::string out;
    for (std::size_t i = 0; i < codes.size(); i += form_code_size) {
        auto it = forms_.find(std::string(codes.substr(i, form_code_size)));
        if (it == forms_.end() || !it->second) return std::nullopt;
        if (i > 0) out += value_separator;
        out += *it->second;
    }
    return out;
}

} // namespace morgue
