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

namespace cs {
namespace {

TEST(JsonPositions, KeysWithDotsOrEscapesAreFound) {
  const std::string text = "{\"a.b\": {\"c\": 1},\n \"a\": {\"b\": 2},\n \"q\\\"x\": 5}";
  const PositionedJson doc = parse_json_with_positions(text, "keys.json");
  ASSERT_TRUE(doc.ok());
  // The longest key that the path continues after: "a.b", then "c".
  EXPECT_EQ(doc.key_pos("a.b.c").line, 1);
  EXPECT_EQ(doc.key_pos("a.b.c").column, 10);
  EXPECT_EQ(doc.value_pos("a.b").column, 9);
  EXPECT_EQ(doc.value_pos("a").line, 2);
  EXPECT_EQ(doc.value_pos("q\"x").line, 3);
  EXPECT_EQ(doc.value_pos("q\"x").column, 10);
}

TEST(JsonPositions, EveryElementOfALongListHasItsPosition) {
  // Long enough that the list's index is kept, with objects short enough to be indexed per lookup.
  std::string text = "{\"faults\": [\n";
  for (int i = 0; i < 3000; ++i) text += std::string(i ? ",\n" : "") + "  {\"at_ms\": " + std::to_string(i) + "}";
  text += "\n]}";
  const PositionedJson doc = parse_json_with_positions(text, "list.json");
  ASSERT_TRUE(doc.ok());
  for (int i = 0; i < 3000; i += 7) {
    const std::string path = "faults[" + std::to_string(i) + "].at_ms";
    ASSERT_EQ(doc.value_pos(path).line, i + 2) << path;
    ASSERT_EQ(doc.value_pos(path).column, 13) << path;
    ASSERT_EQ(doc.key_pos(path).column, 4) << path;
  }
  // A path that does not exist falls back to the nearest one that does.
  EXPECT_EQ(doc.value_pos("faults[5].nope").line, 7);
  EXPECT_EQ(doc.value_pos("faults[99999]").line, 1);
}

TEST(JsonPositions, DuplicateKeysSayWhereTheFirstOneIs) {
  const std::string text = "{\"a\": 1,\n \"b\": 2,\n \"a\": 3,\n \"a\": 4}";
  const PositionedJson doc = parse_json_with_positions(text, "dup.json");
  ASSERT_EQ(doc.errors.size(), 2u);
  EXPECT_EQ(doc.errors[0].line, 3);
  EXPECT_EQ(doc.errors[1].line, 4);
  for (const auto& d : doc.errors) EXPECT_NE(d.message.find("first appears on line 1"), std::string::npos) << d.message;
  EXPECT_EQ(doc.value_pos("a").line, 4);  // the value that was kept
}

}  // namespace
}  // namespace cs
