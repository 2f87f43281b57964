#include "sha256.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <cstdlib>

namespace commitscope {

namespace {
// Out of memory inside OpenSSL, or no SHA-256 in it: nothing sensible to do but stop.
void check(int ok) {
  if (ok != 1) std::abort();
}
}  // namespace

Sha256::Sha256() {
  // A plain SHA-256 needs no configuration: skip reading openssl.cnf (a CLI run makes one hash), and
  // no clean-up at exit either: freeing OpenSSL's tables just before the process ends gives nothing
  // back (the kernel takes the pages anyway) and cost ~0.2 ms of a CLI run (docs/benchmarks.md).
  check(OPENSSL_init_crypto(OPENSSL_INIT_NO_LOAD_CONFIG | OPENSSL_INIT_NO_ATEXIT, nullptr));
  ctx_ = EVP_MD_CTX_new();
  if (!ctx_) std::abort();
  check(EVP_DigestInit_ex(ctx_, EVP_sha256(), nullptr));
}

Sha256::~Sha256() { EVP_MD_CTX_free(ctx_); }

void Sha256::add(std::string_view bytes) {
  if (!bytes.empty()) check(EVP_DigestUpdate(ctx_, bytes.data(), bytes.size()));
}

std::string Sha256::hex() {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  check(EVP_DigestFinal_ex(ctx_, digest, &n));
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * n);
  for (unsigned int i = 0; i < n; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 0xf];
  }
  return out;
}

}  // namespace commitscope
