#include "morgue/compress.hpp"

#include "morgue/errors.hpp"

#include <fmt/format.h>
#include <memory>
#include <new>
#include <zstd.h>

namespace morgue {

std::string compress(std::string_view data) {
    // One context a thread, reused: ZSTD_compress() makes, clears and frees
    // one a call, which an import pays for every article.
    struct Free {
        void operator()(ZSTD_CCtx* c) const { ZSTD_freeCCtx(c); }
    };
    thread_local std::unique_ptr<ZSTD_CCtx, Free> context(ZSTD_createCCtx());
    if (!context) throw std::bad_alloc();
    std::string out(ZSTD_compressBound(data.size()), '\0');
    std::size_t n =
        ZSTD_compressCCtx(context.get(), out.data(), out.size(), data.data(), data.size(), 3);
    if (ZSTD_isError(n)) throw std::runtime_error(ZSTD_getErrorName(n));
    out.resize(n);
    return out;
}

std::string decompress(std::string_view data) {
    unsigned long long size = ZSTD_getFrameContentSize(data.data(), data.size());
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN)
        throw DatabaseError("stored original is not a zstd frame");
    std::string out(size, '\0');
    std::size_t n = ZSTD_decompress(out.data(), out.size(), data.data(), data.size());
    if (ZSTD_isError(n))
        throw DatabaseError(fmt::format("stored original is damaged: {}", ZSTD_getErrorName(n)));
    out.resize(n);
    return out;
}

} // namespace morgue
