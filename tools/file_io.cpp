#include "tools/file_io.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <vector>

#include "tools/cli_error.hpp"

namespace staffsim::tools {
namespace {

volatile std::sig_atomic_t g_writing = 0;  // output files are being written
volatile std::sig_atomic_t g_signal = 0;   // a signal that arrived while they were

// Async-signal-safe: write(2) and _exit(2) only.
[[noreturn]] void exit_interrupted(int signal, bool written) {
  static const char kNothing[] = "\nstaffsim: interrupted: nothing was written\n";
  static const char kWritten[] = "\nstaffsim: interrupted after the output was written\n";
  const char* text = written ? kWritten : kNothing;
  const std::size_t size = written ? sizeof kWritten - 1 : sizeof kNothing - 1;
  [[maybe_unused]] ssize_t ignored = ::write(STDERR_FILENO, text, size);
  ::_exit(128 + signal);
}

extern "C" void on_interrupt(int signal) {
  if (g_writing == 0) exit_interrupted(signal, false);
  g_signal = signal;
}

// Holds signals while output files are written (see install_interrupt_handlers); nests.
class WritingFiles {
 public:
  WritingFiles() { g_writing = g_writing + 1; }
  ~WritingFiles() { g_writing = g_writing - 1; }
  WritingFiles(const WritingFiles&) = delete;
  WritingFiles& operator=(const WritingFiles&) = delete;
  static bool interrupted() { return g_signal != 0; }
};

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

// Reads in blocks, so that a file past the size limit (or an endless one: /dev/zero) is refused
// without being held.
std::string read_stream(std::istream& in, const std::string& name) {
  std::string content;
  std::vector<char> block(1 << 16);
  while (in.read(block.data(), static_cast<std::streamsize>(block.size())) || in.gcount() > 0) {
    content.append(block.data(), static_cast<std::size_t>(in.gcount()));
    if (content.size() > kMaxInputFileBytes) {
      throw IoError("cannot read " + name + ": larger than " +
                    std::to_string(kMaxInputFileBytes >> 20) + " MiB, the limit of an input file");
    }
  }
  if (in.bad()) throw IoError("cannot read " + name + ": read error");
  return content;
}

}  // namespace

std::string display_name(const std::string& path) {
  return is_standard_stream(path) ? "<stdin>" : path;
}

std::string read_file(const std::string& path) {
  if (is_standard_stream(path)) return read_stream(std::cin, "<stdin>");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError("cannot read " + path + ": " + std::strerror(errno));
  return read_stream(in, path);
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

void install_interrupt_handlers() {
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  ::sigaction(SIGINT, &action, nullptr);
  ::sigaction(SIGTERM, &action, nullptr);
  std::signal(SIGXFSZ, SIG_IGN);
}

namespace {

// write_files_atomically, with signals held by the caller; `created` (if not empty) is a folder
// the caller made for the files, removed when a signal stops the writing before any is in place.
void write_files_held(const std::vector<PendingFile>& files, const std::filesystem::path& created) {
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
  if (WritingFiles::interrupted()) {
    for (const auto& t : temps) std::remove(t.c_str());
    std::error_code ignored;
    if (!created.empty()) std::filesystem::remove_all(created, ignored);
    exit_interrupted(g_signal, false);
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
  if (WritingFiles::interrupted()) exit_interrupted(g_signal, true);
}

}  // namespace

void write_files_atomically(const std::vector<PendingFile>& files) {
  WritingFiles writing;
  write_files_held(files, {});
}

void write_output_files(const std::string& out_dir, const std::vector<PendingFile>& files) {
  if (files.empty()) return;
  WritingFiles writing;  // from the folder on: a signal leaves everything or nothing
  // The outermost folder this call creates, removed again when the files cannot be written.
  std::filesystem::path created;
  if (!out_dir.empty()) {
    std::error_code error;
    for (std::filesystem::path p = std::filesystem::absolute(out_dir, error).lexically_normal();
         !error && !p.empty() && !std::filesystem::exists(p, error); p = p.parent_path()) {
      created = p;
      if (p == p.parent_path()) break;
    }
    std::filesystem::create_directories(out_dir, error);
    if (error || !std::filesystem::is_directory(out_dir)) {
      throw IoError("cannot create directory " + out_dir + ": " +
                    (error ? error.message() : "a file of that name exists"));
    }
  }
  try {
    write_files_held(files, created);
  } catch (...) {
    std::error_code ignored;
    if (!created.empty()) std::filesystem::remove_all(created, ignored);
    throw;
  }
}

}  // namespace staffsim::tools
