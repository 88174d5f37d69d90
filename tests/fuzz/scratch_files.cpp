#include "scratch_files.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace staffsim::fuzz {
namespace {

std::string g_dir;

void remove_scratch_dir() {
  std::error_code ignored;
  std::filesystem::remove_all(g_dir, ignored);
}

}  // namespace

const std::string& scratch_dir() {
  if (g_dir.empty()) {
    namespace fs = std::filesystem;
    const fs::path dir =
        fs::temp_directory_path() / ("staffsim-fuzz-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    for (const auto& entry : fs::directory_iterator(STAFFSIM_FUZZ_FILES_DIR)) {
      fs::copy_file(entry.path(), dir / entry.path().filename(),
                    fs::copy_options::overwrite_existing);
    }
    g_dir = dir.string();
    std::atexit(remove_scratch_dir);
  }
  return g_dir;
}

std::string write_scratch_file(const std::string& name, std::string_view content) {
  const std::string path = scratch_dir() + "/" + name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  if (!out.flush()) throw std::runtime_error("cannot write the scratch file " + path);
  return path;
}

}  // namespace staffsim::fuzz
