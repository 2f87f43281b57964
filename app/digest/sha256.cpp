// libcrypto's SHA-256 functions (SHA256_Init/Update/Final), not its EVP interface, and libcrypto
// linked statically (app/digest/CMakeLists.txt). Both for start-up, which is a fair part of a short
// CLI run (docs/benchmarks.md, issue 18's ninth pass):
// - EVP's first use fetches SHA-256 from the default provider, which first builds the provider's
//   name tables for every cipher and digest it has: ~2 ms and ~45 page faults for one hash, where
//   these functions need no set-up at all. OpenSSL 3 marks them deprecated in favour of EVP; they
//   are the same code underneath (the same SHA-NI / AVX2 block functions, chosen by CPU at start).
// - A shared libcrypto.so is 4.7 MB with ~21,000 relocations the loader applies at every start;
//   statically, the program takes only the SHA-256 objects and OpenSSL's CPU detection (~30 KB).
#define OPENSSL_SUPPRESS_DEPRECATED
#include "sha256.hpp"

#include <openssl/opensslconf.h>
#include <openssl/sha.h>

#if defined(OPENSSL_NO_DEPRECATED_3_0)
#error "This OpenSSL was built without its SHA256_Init/Update/Final; app/digest/sha256.cpp needs them (see its first comment)"
#endif

#include <cstdlib>

namespace commitscope {

void Sha256::Free::operator()(SHA256state_st* ctx) const { delete ctx; }

Sha256::Sha256() : ctx_(new SHA256_CTX) {
  if (SHA256_Init(ctx_.get()) != 1) std::abort();  // cannot fail in OpenSSL 3 (it only clears a struct)
}

Sha256::~Sha256() = default;

void Sha256::add(std::string_view bytes) {
  if (!bytes.empty()) SHA256_Update(ctx_.get(), bytes.data(), bytes.size());
}

std::string Sha256::hex() {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256_Final(digest, ctx_.get());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * SHA256_DIGEST_LENGTH);
  for (unsigned char byte : digest) {
    out += kHex[byte >> 4];
    out += kHex[byte & 0xf];
  }
  return out;
}

}  // namespace commitscope
