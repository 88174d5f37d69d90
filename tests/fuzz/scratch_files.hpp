// The fuzz targets' scratch folder: a folder of this process under the system's temporary folder,
// holding copies of the files a fuzzed scenario may name (tests/fuzz/files), and the inputs that
// only a path reaches (a scenario's variants, forecast and staffing files). Removed at exit.
#pragma once

#include <string>
#include <string_view>

namespace staffsim::fuzz {

// The folder, made (and filled) on first use.
const std::string& scratch_dir();
// Writes `content` to scratch_dir()/name and returns the path.
std::string write_scratch_file(const std::string& name, std::string_view content);

}  // namespace staffsim::fuzz
