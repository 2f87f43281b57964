// The digest's SHA-256 (app/digest/sha256.*): FIPS 180-2's example vectors, and the same digest
// however the bytes are split into pieces (a trace arrives in chunks of any size; OpenSSL's
// block functions keep a partial block between calls).
#include <gtest/gtest.h>

#include <string>

#include "sha256.hpp"

namespace {

using commitscope::Sha256;

std::string digestInPieces(const std::string& bytes, std::size_t piece) {
  Sha256 h;
  for (std::size_t at = 0; at < bytes.size(); at += piece) h.add(std::string_view(bytes).substr(at, piece));
  return h.hex();
}

TEST(Sha256, GivesTheFipsExampleDigests) {
  EXPECT_EQ(digestInPieces("", 1), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(digestInPieces("abc", 3), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(digestInPieces("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256, TheDigestDoesNotDependOnHowTheBytesAreSplit) {
  const std::string million(1'000'000, 'a');
  const std::string expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
  for (std::size_t piece : {std::size_t{1}, std::size_t{63}, std::size_t{64}, std::size_t{65}, std::size_t{16384}, million.size()})
    EXPECT_EQ(digestInPieces(million, piece), expected) << "pieces of " << piece << " bytes";
}

TEST(Sha256, EmptyPiecesChangeNothing) {
  Sha256 h;
  h.add({});
  h.add("ab");
  h.add({});
  h.add("c");
  EXPECT_EQ(h.hex(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
