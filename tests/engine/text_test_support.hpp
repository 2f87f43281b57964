// Text helpers shared by the engine tests (no Qt here: the engine's tests link only to it).
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace cs {

// A whole file as bytes (empty when it cannot be read: the test's own checks then fail on it).
inline std::string read_all(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Whether UTF-8 text holds at least one CJK ideograph (U+4E00–U+9FFF, three bytes each): a
// Chinese title is not just a copy of the English one.
inline bool has_cjk(const std::string& text) {
  for (std::size_t i = 0; i + 2 < text.size(); ++i) {
    const auto b0 = static_cast<unsigned char>(text[i]);
    if ((b0 & 0xF0) != 0xE0) continue;
    const unsigned cp = ((b0 & 0x0Fu) << 12) | ((static_cast<unsigned char>(text[i + 1]) & 0x3Fu) << 6) |
                        (static_cast<unsigned char>(text[i + 2]) & 0x3Fu);
    if (cp >= 0x4E00 && cp <= 0x9FFF) return true;
  }
  return false;
}

}  // namespace cs
