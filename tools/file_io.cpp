#include "tools/file_io.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "tools/cli_error.hpp"

namespace staffsim::tools {
namespace {

std::string temp_path_for(const std::string& path) {
  return path + ".tmp-" + std::to_string(::getpid());
}

void write_temp(const std::string& temp, const std::string& final_path,
                const std::string& content) {
  std::FILE* f = std::fopen(temp.c_str(), "wb");
  if (f == nullptr) {
    throw IoError("cannot write " + final_path + ": " + std::strerror(errno));
  }
  bool ok = std::fwrite(content.data(), 1, content.size(), f) == content.size();
  ok = (std::fflush(f) == 0) && ok;
  int saved = errno;
  ok = (std::fclose(f) == 0) && ok;
  if (!ok) {
    std::remove(temp.c_str());
    throw IoError("cannot write " + final_path + ": " + std::strerror(saved));
  }
}

}  // namespace

std::string display_name(const std::string& path) {
  return is_standard_stream(path) ? "<stdin>" : path;
}

std::string read_file(const std::string& path) {
  if (is_standard_stream(path)) {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    if (std::cin.bad()) throw IoError("cannot read <stdin>: read error");
    return buffer.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError("cannot read " + path + ": " + std::strerror(errno));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw IoError("cannot read " + path + ": read error");
  return buffer.str();
}

void write_file_atomically(const std::string& path, const std::string& content) {
  if (is_standard_stream(path)) {
    std::cout << content;
    std::cout.flush();
    if (!std::cout) throw IoError("cannot write <stdout>");
    return;
  }
  write_files_atomically({{path, content}});
}

void write_files_atomically(const std::vector<PendingFile>& files) {
  std::vector<std::string> temps;
  try {
    for (const auto& file : files) {
      temps.push_back(temp_path_for(file.path));
      write_temp(temps.back(), file.path, file.content);
    }
  } catch (...) {
    for (const auto& t : temps) std::remove(t.c_str());
    throw;
  }
  // Put the files in place one by one, keeping each file they replace aside until all are in
  // place: a failure puts every earlier file back as it was.
  std::vector<std::string> backups(files.size());  // "" where nothing was replaced
  std::size_t placed = 0;
  auto fail = [&](std::size_t i, int error) {
    for (std::size_t j = placed; j-- > 0;) {
      if (backups[j].empty()) {
        std::remove(files[j].path.c_str());
      } else {
        std::rename(backups[j].c_str(), files[j].path.c_str());
      }
    }
    for (std::size_t j = placed; j < files.size(); ++j) std::remove(temps[j].c_str());
    throw IoError("cannot write " + files[i].path + ": " + std::strerror(error));
  };
  for (std::size_t i = 0; i < files.size(); ++i) {
    struct stat existing {};
    if (::stat(files[i].path.c_str(), &existing) == 0) {
      if (S_ISDIR(existing.st_mode)) fail(i, EISDIR);
      backups[i] = files[i].path + ".old-" + std::to_string(::getpid());
      if (std::rename(files[i].path.c_str(), backups[i].c_str()) != 0) {
        const int error = errno;
        backups[i].clear();
        fail(i, error);
      }
    }
    if (std::rename(temps[i].c_str(), files[i].path.c_str()) != 0) {
      const int error = errno;
      if (!backups[i].empty()) std::rename(backups[i].c_str(), files[i].path.c_str());
      fail(i, error);
    }
    ++placed;
  }
  for (const auto& backup : backups) {
    if (!backup.empty()) std::remove(backup.c_str());
  }
}

void write_output_files(const std::string& out_dir, const std::vector<PendingFile>& files) {
  if (files.empty()) return;
  if (!out_dir.empty()) {
    std::error_code error;
    std::filesystem::create_directories(out_dir, error);
    if (error || !std::filesystem::is_directory(out_dir)) {
      throw IoError("cannot create directory " + out_dir + ": " +
                    (error ? error.message() : "a file of that name exists"));
    }
  }
  write_files_atomically(files);
}

}  // namespace staffsim::tools
