#include "tools/nearest_name.hpp"

#include <gtest/gtest.h>

namespace staffsim::tools {
namespace {

TEST(EditDistance, InsertionsDeletionsSubstitutionsAndSwaps) {
  EXPECT_EQ(edit_distance("profle", "profile"), 1u);            // insertion
  EXPECT_EQ(edit_distance("replications", "replication"), 1u);  // deletion
  EXPECT_EQ(edit_distance("erlang", "erlanf"), 1u);             // substitution
  EXPECT_EQ(edit_distance("frotnline", "frontline"), 1u);       // swap of neighbours
  EXPECT_EQ(edit_distance("Fit", "fit"), 0u);                   // case is ignored
  EXPECT_EQ(edit_distance("", "run"), 3u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
}

TEST(NearestName, SuggestsOnlyAClearlyNearName) {
  const std::vector<std::string> commands = {"erlang", "run", "forecast", "backtest", "fit"};
  EXPECT_EQ(nearest_name("fitt", commands), "fit");
  EXPECT_EQ(nearest_name("forcast", commands), "forecast");
  EXPECT_EQ(nearest_name("foo", commands), std::nullopt);  // 2 edits from "fit": too far
  EXPECT_EQ(nearest_name("xyz", commands), std::nullopt);
  // Two names equally near: no guess.
  EXPECT_EQ(nearest_name("ab", {"a", "b"}), std::nullopt);
  EXPECT_EQ(did_you_mean("profle", {"auto", "profile"}), ", did you mean \"profile\"?");
  EXPECT_EQ(did_you_mean("arima", {"auto", "profile"}), "");
}

}  // namespace
}  // namespace staffsim::tools
