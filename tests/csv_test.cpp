#include "tools/csv.hpp"

#include <gtest/gtest.h>

#include "tools/cli_error.hpp"

namespace staffsim::tools {
namespace {

TEST(Csv, ParsesHeaderRowsAndLineNumbers) {
  auto t = CsvTable::parse("a,b\r\n1,2\n\n\"x,y\",\"say \"\"hi\"\"\"\n", "f.csv");
  ASSERT_EQ(t.header().size(), 2u);
  ASSERT_EQ(t.rows().size(), 2u);
  EXPECT_EQ(t.rows()[0].line, 2u);
  EXPECT_EQ(t.rows()[1].line, 4u);
  EXPECT_EQ(t.rows()[1].fields[0], "x,y");
  EXPECT_EQ(t.rows()[1].fields[1], "say \"hi\"");
  EXPECT_DOUBLE_EQ(t.number(t.rows()[0], t.column("b")), 2.0);
}

TEST(Csv, ErrorsNameFileLineAndColumn) {
  auto t = CsvTable::parse("timestamp,calls\n2003-03-03T07:00:00,many\n", "h.csv");
  try {
    t.integer(t.rows()[0], t.column("calls"));
    FAIL();
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "h.csv:2: calls: expected a whole number, found \"many\"");
  }
  try {
    t.column("aht_s");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "h.csv:1: missing column \"aht_s\" (columns are: timestamp, calls)");
  }
  try {
    CsvTable::parse("a,b\n1\n", "g.csv");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "g.csv:2: expected 2 fields as in the header, found 1");
  }
  EXPECT_THROW(CsvTable::parse("", "e.csv"), InputError);
}

}  // namespace
}  // namespace staffsim::tools
