// SHA-256 over bytes given in pieces: the trace digest (trace_sha256) of the CLI and the window.
// OpenSSL's libcrypto, which uses the CPU's SHA instructions where there are some (SHA-NI on x86,
// the ARMv8 crypto extension): Qt's QCryptographicHash is portable C and was over half the time of a
// CLI run (docs/benchmarks.md). Plain SHA-256 of what it is given (trace_sha256: the trace's canonical
// encoding, engine/scenario/trace_digest.hpp).
#pragma once

#include <memory>
#include <string>
#include <string_view>

struct SHA256state_st;  // OpenSSL's SHA256_CTX

namespace commitscope {

class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void add(std::string_view bytes);
  // Lowercase hex of the digest of everything added. Ends the hash: add nothing after it.
  std::string hex();

 private:
  struct Free {
    void operator()(SHA256state_st* ctx) const;
  };
  std::unique_ptr<SHA256state_st, Free> ctx_;
};

}  // namespace commitscope
