// Positions of JSON values: correct lines and columns, and a cost per lookup that does not grow with
// the length of the line (a one-line file of 50 MB must load in linear time).
#include <gtest/gtest.h>

#include <string>

#include "scenario/json_positions.hpp"

namespace cs {
namespace {

// The obvious definition, for comparison: line = newlines before + 1; column = code points since the
// line start + 1, a leading byte order mark taking no column.
TextPos reference_pos(std::string_view text, std::size_t offset) {
  TextPos p{1, 1};
  const bool bom = text.substr(0, 3) == "\xEF\xBB\xBF";
  for (std::size_t i = 0; i < offset; ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b == '\n') {
      ++p.line;
      p.column = 1;
    } else if ((b & 0xC0) != 0x80 && !(bom && i < 3)) {
      ++p.column;
    }
  }
  return p;
}

TEST(LineIndex, AgreesWithTheDefinitionAcrossBlocksLinesAndMultibyteCharacters) {
  std::string text = "\xEF\xBB\xBF{\"title\": \"";
  for (int i = 0; i < 300; ++i) text += (i % 7 == 0) ? "\n" : (i % 3 == 0) ? "\xE6\x8F\x90\xE4\xBA\xA4" : "ab";
  text += "\"}";
  const LineIndex index(text);
  for (std::size_t off = 0; off <= text.size(); ++off) {
    const TextPos want = reference_pos(text, off);
    const TextPos got = index.at(off);
    ASSERT_EQ(got.line, want.line) << "offset " << off;
    ASSERT_EQ(got.column, want.column) << "offset " << off;
  }
  // Past the end counts as the end.
  EXPECT_EQ(index.at(text.size() + 10).column, reference_pos(text, text.size()).column);
}

// The old index counted columns from the line start for every lookup: quadratic on a long line.
TEST(LineIndex, ALookupCostsAtMostOneBlockWhateverTheLineLength) {
  for (const std::size_t length : {std::size_t{1} << 10, std::size_t{1} << 16, std::size_t{1} << 21}) {
    const std::string line(length, 'x');
    const LineIndex index(line);
    constexpr std::size_t kLookups = 1000;
    for (std::size_t i = 0; i < kLookups; ++i) {
      const std::size_t off = length - 1 - i;
      ASSERT_EQ(index.at(off).column, static_cast<int>(off) + 1);
    }
    EXPECT_LE(index.bytes_scanned(), kLookups * LineIndex::kBlock) << "line of " << length << " bytes";
  }
}

TEST(JsonPositions, ValuesOnOneLongLineHaveTheirColumns) {
  // 20,000 values on one line: every position is right (and the old quadratic index took seconds).
  std::string text = "[";
  for (int i = 0; i < 20000; ++i) text += (i ? ",\"v\"" : "\"v\"");
  text += "]";
  const PositionedJson doc = parse_json_with_positions(text, "long.json");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc.value_pos("[0]").column, 2);
  EXPECT_EQ(doc.value_pos("[19999]").column, 2 + 19999 * 4);
  EXPECT_EQ(doc.value_pos("[19999]").line, 1);
}

}  // namespace
}  // namespace cs
